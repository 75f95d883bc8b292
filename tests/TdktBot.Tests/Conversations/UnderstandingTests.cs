using TdktBot.Data.Entities;
using TdktBot.Messaging;

namespace TdktBot.Tests.Conversations;

/// <summary>
/// How people really write, end to end through the engine on the bundled plan, at several dates: each kind of message
/// the bot used to get wrong, checked by what the person is told and what the store holds.
/// </summary>
public sealed class UnderstandingTests
{
    private const string Office = "Phòng Văn hóa - Xã hội";
    private const string School = "Trường THCS Hoa Thám";
    private const string Clinic = "Trạm Y tế xã";
    private const string Farmers = "Hội Nông dân xã";

    private static readonly DateTimeOffset April10 = new(2026, 4, 10, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset May14 = new(2026, 5, 14, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset June20 = new(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_status_and_a_period_together_keep_both()
    {
        await using var bot = await EngineUnderTest.StartAsync(April10);
        var chat = await bot.LinkAsync(Clinic, ChatRole.Head, "1");

        var late = await bot.SayAsync(chat, "viec qua han trong quy 1 cua tram la gi");

        Assert.StartsWith("Trạm Y tế xã có các việc đã quá hạn mà chưa nộp (từ 01/01/2026 đến 31/03/2026):", late.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 3", late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 9", late.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_about_one_item_answers_that_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(May14);
        var chat = await bot.LinkAsync(Office, ChatRole.Staff, "2");

        var when = await bot.SayAsync(chat, "nv 7 hạn bao giờ");
        var what = await bot.SayAsync(chat, "D1 là gì");
        var byWords = await bot.SayAsync(chat, "bồi dưỡng nghiệp vụ thi đua còn mấy ngày");

        Assert.StartsWith("Nhiệm vụ 7: Tham gia bồi dưỡng nghiệp vụ", when.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: ", when.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 8", when.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D1: Các cơ quan, đơn vị", what.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 7:", byWords.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_asks_about_another_unit_and_a_group_and_staff_may_not()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "3");
        var staff = await bot.LinkAsync(School, ChatRole.Staff, "4");

        var clinic = await bot.SayAsync(office, "Trạm y tế còn thiếu gì");
        var schools = await bot.SayAsync(office, "trường nào chưa nộp kế hoạch năm học");
        var refused = await bot.SayAsync(staff, "Trạm y tế còn thiếu gì");

        Assert.StartsWith("Trạm Y tế xã còn các việc sau chưa nộp", clinic.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D2:", schools.Text, StringComparison.Ordinal);
        Assert.Contains("3 đơn vị chưa nộp", schools.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn nộp D1", schools.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạm Y tế", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Phòng Văn hóa - Xã hội", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sơ_kết_is_not_tổng_kết_and_several_items_are_all_confirmed_and_named()
    {
        await using var bot = await EngineUnderTest.StartAsync(June20);
        var chat = await bot.LinkAsync(Office, ChatRole.Head, "5");

        // Both meetings are "tổ chức hội nghị"; only the mid-year one holds "sơ kết".
        var meeting = await bot.SayAsync(chat, "đã tổ chức hội nghị sơ kết 6 tháng đầu năm rồi");
        var two = await bot.SayAsync(chat, "đã nộp nv 7 và nv 8");
        var typed = await bot.SayAsync(chat, "nộp nv 16, 17 r nha c");

        Assert.Contains("nhiệm vụ số 9", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "4"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "7"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "8"));
        Assert.Contains("nhiệm vụ số 7", two.Text, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ số 8", two.Text, StringComparison.Ordinal);

        // Typed as a command word, with a second number after a comma: both are confirmed.
        Assert.Contains("nhiệm vụ số 16", typed.Text, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ số 17", typed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mistake_is_taken_back_in_plain_words_and_a_weak_fit_asks_and_changes_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(June20);
        var chat = await bot.LinkAsync(Farmers, ChatRole.Head, "6");

        await bot.SayAsync(chat, "nv 9 hội em xong rồi");
        var undone = await bot.SayAsync(chat, "Lộn rồi, hủy giúp mình");
        var vague = await bot.SayAsync(chat, "xong hội nghị rồi");

        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 9", undone.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "9"));
        Assert.StartsWith("Đơn vị đã nộp việc nào?", vague.Text, StringComparison.Ordinal);
        Assert.Contains(vague.Buttons, b => b.Command == "NOP 4");
        Assert.Contains(vague.Buttons, b => b.Command == "NOP 9");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "9"));
    }

    [Fact]
    public async Task An_undo_takes_back_the_confirmation_it_means()
    {
        await using var bot = await EngineUnderTest.StartAsync(June20);
        var chat = await bot.LinkAsync(Office, ChatRole.Head, "9");
        await bot.SayAsync(chat, "đã nộp nv 7 và nv 8");
        await bot.SayAsync(chat, "nv 10 xong rồi");

        // "vừa rồi" is the last message; "1 cái" of several asks; words pick among today's; "hết" is all.
        var latest = await bot.SayAsync(chat, "huỷ cái vừa rồi");
        var one = await bot.SayAsync(chat, "bấm nhầm, bỏ 1 cái");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "7"));
        var byWords = await bot.SayAsync(chat, "cái bồi dưỡng nghiệp vụ em báo nhầm, chưa đi, bỏ giúp em");
        await bot.SayAsync(chat, "nv 10 xong rồi");
        var all = await bot.SayAsync(chat, "nhầm hết rồi, hủy giúp");

        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 10", latest.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bạn muốn hủy xác nhận việc nào?", one.Text, StringComparison.Ordinal);
        Assert.Equal(["HUY 7", "HUY 8"], one.Buttons.Select(b => b.Command).Order(StringComparer.Ordinal));
        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 7", byWords.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("số 8", byWords.Text, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ số 8", all.Text, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ số 10", all.Text, StringComparison.Ordinal);
        foreach (var item in new[] { "7", "8", "10" })
        {
            Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, item));
        }
    }

    [Fact]
    public async Task A_formal_report_is_a_report_whatever_dates_and_offices_it_names()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(Farmers, ChatRole.Head, "10");

        // The date is when it was done, "năm 2026" names the plan, the office is where it went, "sáng nay" is past.
        var reply = await bot.SayAsync(chat,
            "Hội Nông dân xã báo cáo: ngày 27/01/2026 hội đã xây dựng xong kế hoạch thi đua năm 2026 và đã gửi về UBND xã qua Phòng Văn hóa - Xã hội sáng nay. Trân trọng.");

        Assert.Contains("D1", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task Papers_handed_in_for_either_commendation_item_ask_which()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(School, ChatRole.Head, "11");

        // "hồ sơ" appears only in item 13, but the commendation of item 3 is handed in as papers too.
        var reply = await bot.SayAsync(chat, "trường mình gửi hồ sơ khen thưởng rồi ạ");

        Assert.StartsWith("Đơn vị đã nộp việc nào?", reply.Text, StringComparison.Ordinal);
        Assert.Contains(reply.Buttons, b => b.Command == "NOP 3");
        Assert.Contains(reply.Buttons, b => b.Command == "NOP 13");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "13"));
    }

    [Fact]
    public async Task A_report_naming_another_unit_changes_nothing_and_says_why()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(School, ChatRole.Head, "7");

        var reply = await bot.SayAsync(chat, "Trạm Y tế đã nộp D1");

        Assert.Contains("Trạm Y tế xã", reply.Text, StringComparison.Ordinal);
        Assert.Contains("không ghi nhận", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D1"));
    }

    [Fact]
    public async Task A_report_then_a_question_in_one_message_is_confirmed_and_answered()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(Farmers, ChatRole.Head, "12");

        var replies = await bot.SayAllAsync(chat, "Hội ND xong D1 rồi ạ, còn gì nữa ko em 🥰");

        Assert.Equal(2, replies.Count);
        Assert.Contains("D1", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));
        Assert.StartsWith("Hội Nông dân xã còn", replies[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn nộp D1", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 3", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_things_done_said_in_words_are_both_confirmed_and_one_taken_back_leaves_the_other()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        var chat = await bot.LinkAsync(preschool, ChatRole.Head, "14");

        var both = await bot.SayAsync(chat, "trường mầm non đã tổng kết năm học xong và tham gia hội nghị sơ kết sáu tháng của xã rồi nhé");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "12"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "9"));
        Assert.Contains("nhiệm vụ số 12", both.Text, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ số 9", both.Text, StringComparison.Ordinal);

        await bot.SayAsync(chat, "cô ơi cái tổng kết năm học thì chưa xong đâu cô bỏ giúp em cái đấy còn hội nghị thì đúng rồi");

        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "12"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "9"));
    }

    [Fact]
    public async Task A_number_and_another_item_in_words_are_both_confirmed()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var chat = await bot.LinkAsync(front, ChatRole.Head, "15");

        await bot.SayAsync(chat, "Mặt trận nộp nv 3 và tổ chức hội nghị tổng kết xong rồi");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "4"));
    }

    [Fact]
    public async Task A_bloc_and_a_formal_letter_are_read_as_the_question_they_hold()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "16");
        var veterans = await bot.LinkAsync("Hội Cựu chiến binh xã", ChatRole.Head, "17");

        var bloc = await bot.SayAsync(office, "quý 4 có hạn gì của khối giáo dục không");
        var letter = await bot.SayAsync(veterans, "Kính gửi bộ phận thi đua, tôi là chủ tịch Hội CCB xã. Xin hỏi từ nay đến cuối năm hội chúng tôi còn những nhiệm vụ gì cần hoàn thành, vì tháng 12 hội còn tổ chức hội nghị chi hội nên sợ không kịp. Xin cảm ơn.");

        Assert.StartsWith("Hạn nộp D2:", bloc.Text, StringComparison.Ordinal);
        Assert.Contains("- Trường Mầm non Hoa Thám", bloc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hội Nông dân", bloc.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hội Cựu chiến binh xã còn các việc sau chưa nộp (từ 20/11/2026 đến 31/12/2026):", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 9", letter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_names_the_item_its_words_fit_best_even_when_another_unit_owes_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(May14);
        var chat = await bot.LinkAsync(School, ChatRole.Staff, "19");

        var report = await bot.SayAsync(chat, "Báo cáo sơ kết công tác TĐKT 6 tháng đầu năm 2026 hạn ngày nào ạ");
        var meeting = await bot.SayAsync(chat, "cho em hỏi cái tổng kết phong trào thi đua theo kế hoạch là làm những gì ạ");

        Assert.StartsWith("Nhiệm vụ 8:", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 9", report.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 20:", meeting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 15", meeting.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_undo_giving_who_said_so_takes_back_the_one_confirmation()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(School, ChatRole.Head, "20");

        await bot.SayAsync(chat, "nộp D2 rồi c ơi");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D2"));

        await bot.SayAsync(chat, "thôi c ơi bỏ đi, hiệu trưởng bảo chưa gửi");

        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D2"));
    }

    [Fact]
    public async Task A_formal_report_of_a_meeting_held_confirms_the_item_it_names_not_the_one_sharing_its_verb()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var chat = await bot.LinkAsync(veterans, ChatRole.Head, "21");

        await bot.SayAsync(chat, "Tôi xin báo cáo: Hội Cựu chiến binh đã tổ chức tổng kết phong trào thi đua năm 2026 theo kế hoạch, hoàn thành ngày 15/12.");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "20"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "16"));
    }

    [Fact]
    public async Task A_plan_issued_is_confirmed_by_its_year_and_taken_back_by_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var chat = await bot.LinkAsync(committee, ChatRole.Head, "22");

        await bot.SayAsync(chat, "đã ban hành kh 2027");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "21"));

        await bot.SayAsync(chat, "xin lỗi, kế hoạch 2027 chưa ký, hủy xác nhận giúp");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "21"));
    }

    [Fact]
    public async Task Mn_said_to_everyone_is_not_the_preschool()
    {
        await using var bot = await EngineUnderTest.StartAsync(May14);
        var chat = await bot.LinkAsync(School, ChatRole.Staff, "18");

        var reply = await bot.SayAsync(chat, "tập huấn nghiệp vụ thi đua khi nào vậy mn");

        Assert.StartsWith("Nhiệm vụ 7:", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mầm non", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_with_a_complaint_is_confirmed_and_a_guide_asked_about_is_the_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(Farmers, ChatRole.Head, "23");

        var replies = await bot.SayAllAsync(chat, "bên em nộp D1 hôm qua rồi mà sao bot vẫn nhắc");
        var guide = await bot.SayAsync(chat, "hướng dẫn tổng kết năm 2026 là gì vậy");

        Assert.Single(replies);
        Assert.StartsWith("✅ Đã ghi nhận", replies[0].Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));
        Assert.StartsWith("Nhiệm vụ 16:", guide.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_year_s_plan_is_told_from_the_school_year_s_and_from_next_year_s()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "24");

        var yearly = await bot.SayAsync(office, "ds đơn vị chưa nộp kh năm");
        var next = await bot.SayAsync(office, "kế hoạch năm 2027 ai ban hành");

        Assert.StartsWith("Hạn nộp D1:", yearly.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("D2", yearly.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 21", yearly.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 21:", next.Text, StringComparison.Ordinal);
        Assert.Contains("- Ủy ban nhân dân xã Hoa Thám", next.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supposed_report_before_a_question_changes_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(Farmers, ChatRole.Head, "13");

        var reply = await bot.SayAsync(chat, "nếu đã nộp D1, thì còn phải làm gì nữa?");

        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
        Assert.DoesNotContain("Đã ghi nhận", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plans_for_later_and_questions_without_a_question_mark_are_not_reports()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(School, ChatRole.Head, "8");

        var tomorrow = await bot.SayAsync(chat, "mai em nộp D1");
        var nextWeek = await bot.SayAsync(chat, "tuần sau bên em mới gửi");
        var asked = await bot.SayAsync(chat, "trường mình nộp D1 rồi hả");
        await bot.SayAsync(chat, "chiều nay e mới nộp D1 dc, bot đợi e nhé");
        var forgot = await bot.SayAsync(chat, "truong da nop D1 chua nhi, a ko nho");

        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận là đã nộp", tomorrow.Text, StringComparison.Ordinal);
        Assert.Equal(tomorrow.Text, nextWeek.Text);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D1"));
        Assert.Contains("chưa nộp", asked.Text, StringComparison.Ordinal);
        Assert.Contains("chưa nộp", forgot.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6 tháng đầu năm còn gì chưa nộp", "(từ 01/01/2026 đến 30/06/2026)")]
    [InlineData("từ giờ tới hết tháng 6 còn gì", "(từ 14/05/2026 đến 30/06/2026)")]
    [InlineData("tháng tới còn gì phải nộp", "(từ 01/06/2026 đến 30/06/2026)")]
    [InlineData("tu nay den cuoi quy con phai lam gi", "(từ 14/05/2026 đến 30/06/2026)")]
    [InlineData("Quý II còn những việc gì chưa hoàn thành?", "(từ 01/04/2026 đến 30/06/2026)")]
    [InlineData("từ nay đến hết ngày 30 tháng 6 còn gì phải nộp", "(từ 14/05/2026 đến 30/06/2026)")]
    public async Task Relative_periods_are_placed_on_the_calendar(string text, string span)
    {
        await using var bot = await EngineUnderTest.StartAsync(May14);
        var chat = await bot.LinkAsync(Clinic, ChatRole.Head, "9");

        var reply = await bot.SayAsync(chat, text);

        Assert.StartsWith("Trạm Y tế xã còn các việc sau chưa nộp " + span, reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 9", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 13", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_comes_next_said_as_toi_day_is_the_month_ahead_and_toi_day_as_the_writer_is_not()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 8, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(Clinic, ChatRole.Head, "269");

        var ahead = await bot.SayAsync(chat, "Tới đây trạm có phải nộp gì ko");
        var writer = await bot.SayAsync(chat, "tôi đây, cho hỏi nv 9 hạn khi nào");

        Assert.StartsWith("Trạm Y tế xã còn các việc sau chưa nộp (từ 08/06/2026 đến 08/07/2026)", ahead.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 9:", writer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clear_question_gets_an_answer_not_a_question_and_my_unit_means_only_its_items()
    {
        await using var bot = await EngineUnderTest.StartAsync(May14);
        var chat = await bot.LinkAsync(Clinic, ChatRole.Head, "10");

        var soon = await bot.SayAsync(chat, "sắp tới phải nộp gì");
        var mine = await bot.SayAsync(chat, "quý 2 đơn vị em có việc gì");

        Assert.DoesNotContain(soon.Buttons, b => b.Command.StartsWith('/'));
        Assert.DoesNotContain("Bạn muốn hỏi", soon.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 9", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("không phải thực hiện", mine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_attended_is_the_one_the_unit_owes_and_a_word_typed_without_marks_among_marked_ones_is_meant_so()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "12");
        var women = await bot.LinkAsync("Hội Liên hiệp Phụ nữ xã", ChatRole.Head, "13");

        // Item 4 is the commune's year-end meeting; 5 and 6 are the province's and the cluster's, which the farmers do not
        // owe: the one they went to is their own.
        var attended = await bot.SayAsync(farmers, "hoi nd da di hoi nghi tong ket");
        // "tham dự" typed among marked words is not the "Thám" of "xã Hoa Thám" in item 4: the words fit items 4 and 9 alike.
        var which = await bot.SayAsync(women, "hội mình tham dự hội nghị rồi ạ");

        Assert.Contains("nhiệm vụ số 4", attended.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "4"));
        Assert.StartsWith("Đơn vị đã nộp việc nào?", which.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 4", "NOP 9"], Confirmations(which));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Hội Liên hiệp Phụ nữ xã", "4"));
    }

    [Fact]
    public async Task Words_said_together_are_not_met_by_an_item_holding_them_apart()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 22, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "26");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "27");

        // "hội nghị" is in items 4 and 9; item 13 only has "Hội đồng … đề nghị". "so ket" typed bare is "sơ kết", not the
        // "cụm số 2 … tổng kết" of item 6.
        var meeting = await bot.SayAsync(school, "hôm qua trường em họp xong hội nghị rồi nhé");
        var women = await bot.LinkAsync("Hội Liên hiệp Phụ nữ xã", ChatRole.Head, "29");

        // The association's "hội" is not the "hội" of "hội nghị".
        var theirs = await bot.SayAsync(women, "xong hội nghị rồi nhé");
        var cluster = await bot.SayAsync(office, "tham du hoi nghi so ket o cum roi");

        Assert.StartsWith("Đơn vị đã nộp việc nào?", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 4", "NOP 9"], Confirmations(meeting));
        Assert.Equal(["NOP 4", "NOP 9"], Confirmations(theirs));
        Assert.Equal(["NOP 10", "NOP 15"], Confirmations(cluster));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "9"));
    }

    [Fact]
    public async Task Two_words_the_plan_writes_with_other_marks_side_by_side_are_its_words()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var chat = await bot.LinkAsync(council, ChatRole.Head, "28");

        // Item 18 is printed "Chăm điểm, tham gia họp cụm thi đua …"; people write «chấm điểm», and «chậm» (D2) is not it.
        var reply = await bot.SayAsync(chat, "Hội đồng đã chấm điểm, họp cụm đề nghị tặng cờ xong");

        Assert.Contains("nhiệm vụ số 18", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "18"));
    }

    [Fact]
    public async Task A_word_only_the_unit_s_own_meeting_holds_tells_it_from_the_cluster_s()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 22, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "24");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "25");

        // Item 9 is the commune's mid-year meeting "6 tháng đầu năm", which the unit holds; item 10 is the cluster's, attended.
        await bot.SayAsync(clinic, "tram y te du hoi nghi so ket 6 thang dau nam roi nhe ad");
        await bot.SayAsync(farmers, "Hội nghị sơ kết 6 tháng bên em tổ chức xong rồi");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "9"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "9"));
    }

    [Fact]
    public async Task Small_talk_with_a_day_in_it_and_a_time_of_day_are_not_questions_about_the_plan()
    {
        await using var bot = await EngineUnderTest.StartAsync(May14);
        var chat = await bot.LinkAsync(Clinic, ChatRole.Head, "13");

        foreach (var text in (string[])["hôm nay mạng chập chờn quá", "chúc mừng ngày 8/3 các chị em nhé", "mai họp giao ban mấy giờ nhỉ mọi người"])
        {
            var reply = await bot.SayAsync(chat, text);
            Assert.DoesNotContain("Nhiệm vụ", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Trạm Y tế xã có", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tomorrow_opening_a_message_and_what_the_bot_answers_are_understood()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(Clinic, ChatRole.Head, "14");

        var tomorrow = await bot.SayAsync(chat, "mai có việc gì hết hạn k");
        var month = await bot.SayAsync(chat, "tu nay den cuoi thang con phai lam gi");
        var help = await bot.SayAsync(chat, "em hỏi được những gì với bot này");

        Assert.StartsWith("Các việc có hạn ngày 31/03/2026:", tomorrow.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("30/06/2026", tomorrow.Text, StringComparison.Ordinal);
        Assert.StartsWith("Trạm Y tế xã còn các việc sau chưa nộp (từ 30/03/2026 đến 31/03/2026):", month.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 3", month.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_names_a_unit_by_its_initials_and_asks_which_units_are_late_on_one_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "15");

        var military = await bot.SayAsync(office, "Ban CHQS xã đã xong nv 13 chưa");
        var late = await bot.SayAsync(office, "ds cac don vi qua han D1");

        Assert.Contains("Ban Chỉ huy Quân sự xã chưa nộp.", military.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D1:", late.Text, StringComparison.Ordinal);
        Assert.Contains("Trạm Y tế xã", late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("lỗi", late.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_that_counts_its_items_before_a_colon_confirms_the_ones_it_lists()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync(School, ChatRole.Head, "14");

        var both = await bot.SayAsync(chat, "đã nộp 2 kh: kh năm học và kh thi đua năm 2026");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D2"));
        Assert.Contains("D1", both.Text, StringComparison.Ordinal);
        Assert.Contains("D2", both.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_a_report_sets_against_itself_a_draft_and_a_plan_not_yet_sent_are_not_confirmed()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "16");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "17");

        var one = await bot.SayAsync(office, "nv 15 phong minh xong roi, con nv 13 thi chua");
        var draft = await bot.SayAsync(farmers, "hội ms nộp bản nháp hồ sơ nv13 để xin ý kiến thôi, chưa phải bản chính");
        var notSent = await bot.SayAsync(farmers, "Hội đã xây dựng xong kế hoạch TĐKT năm 2026 nhưng chưa gửi, mai tôi cho người mang lên.");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "15"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "13"));
        Assert.Contains("nhiệm vụ số 15", one.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("nhiệm vụ số 13", one.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
        Assert.DoesNotContain("đã ghi nhận", draft.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("đã ghi nhận", notSent.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task How_a_paper_went_and_when_are_not_read_as_which_paper()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        var school = await bot.LinkAsync(preschool, ChatRole.Head, "18");
        var women = await bot.LinkAsync("Hội Liên hiệp Phụ nữ xã", ChatRole.Head, "19");

        await bot.SayAsync(school, "Trường Mầm non đã gửi kế hoạch thi đua năm học 2026 – 2027 về Phòng Văn hóa - Xã hội qua hệ thống quản lý văn bản lúc 9 giờ sáng nay.");
        var replies = await bot.SayAllAsync(women, "kh 2026 cua hoi gui tu trc tet r ma sao van bao qua han vay");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "D2"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Hội Liên hiệp Phụ nữ xã", "D1"));
        Assert.StartsWith("✅ Đã ghi nhận: đơn vị đã nộp hạn nộp D1", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_corrected_while_written_confirms_only_the_item_it_ends_on()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        var chat = await bot.LinkAsync(primary, ChatRole.Head, "20");

        var reply = await bot.SayAsync(chat, "bc xong nv3 r a... a nham, nv4 a");
        await bot.SayAsync(chat, "gửi nv9 r a, à không, nv12 mới đúng");

        Assert.Contains("nhiệm vụ số 4", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("nhiệm vụ số 3", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "12"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "9"));
    }

    [Fact]
    public async Task Commendation_papers_are_the_commendation_items_not_the_emulation_work_and_a_year_is_the_calendar_year()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "21");
        var school = await bot.LinkAsync(School, ChatRole.Head, "22");
        var small = await bot.LinkAsync(preschool, ChatRole.Head, "23");

        // "khen thưởng" alone is commendation, not the "công tác TĐKT" every meeting and report is about.
        await bot.SayAsync(clinic, "Trạm đã gửi hồ sơ đề nghị khen thưởng thành tích năm 2025 rồi ạ");
        await bot.SayAsync(school, "ho so khen thuong nam hoc 25-26 bên e nộp r nhé");
        // A school says "năm 2025" of the 2025 commendations (3), as people label it, and "năm học" of its school year (13).
        var calendar = await bot.SayAsync(small, "Trường MN đã gửi hồ sơ khen thưởng năm 2025 rồi ạ");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "4"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "12"));
        Assert.StartsWith("✅ Đã ghi nhận", calendar.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "13"));
    }

    [Fact]
    public async Task Checks_wishes_and_letters_are_read_as_the_question_they_hold()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "30");

        var letter = await bot.SayAsync(clinic, "Kinh gui Phong Van hoa Xa hoi, Tram y te xa xin hoi: trong thang nay don vi chung toi can nop nhung van ban gi a?");
        var wish = await bot.SayAsync(clinic, "Chuc mung nam moi phong VHXH. Nam nay tram y te co nhung nhiem vu thi dua gi?");
        var inTime = await bot.SayAsync(clinic, "D1 con kip ko a tram em chua gui");
        var sent = await bot.SayAsync(clinic, "co oi D1 nop roi a?");
        var apart = await bot.SayAsync(clinic, "xin hỏi mục 3 với mục 13 khác nhau chỗ nào ạ");

        // Whom a letter or a wish is to is not whom it asks about; "thi đua" alone names no item.
        Assert.StartsWith("Trạm Y tế xã còn các việc sau chưa nộp (từ 01/01/2026 đến 31/01/2026):", letter.Text, StringComparison.Ordinal);
        Assert.StartsWith("Các việc của Trạm Y tế xã:", wish.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 20", wish.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D1:", inTime.Text, StringComparison.Ordinal);
        Assert.Contains("(còn 25 ngày)", inTime.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D1:", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Trạm Y tế xã chưa nộp.", sent.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 3: Xét, trình khen thưởng", apart.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 13: - Tổng hợp, thẩm định hồ sơ", apart.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "D1"));
    }

    [Fact]
    public async Task A_deadline_said_to_be_tomorrow_does_not_make_a_report_a_plan()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        var chat = await bot.LinkAsync(preschool, ChatRole.Head, "31");

        await bot.SayAsync(chat, "mai het han nv 9 nv 12 roi, em nop het r nhe");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "9"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "12"));
    }

    [Fact]
    public async Task Stretches_to_a_quarter_s_or_the_year_s_end_lists_asked_for_and_society_are_read_for_what_they_are()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "32");
        var head = await bot.LinkAsync(council, ChatRole.Head, "33");

        var quarter = await bot.SayAsync(office, "Bot ơi, từ giờ đến hết quý cơ quan mình còn những việc gì chưa xong?");
        var year = await bot.SayAsync(office, "Tính từ nay đến cuối năm thì Phòng mình còn bao nhiêu việc phải làm hả bot");
        var list = await bot.SayAsync(office, "cho chị xin danh sách các đơn vị đã nộp D1");
        // "kinh tế - xã hội" is the economy and society, not the economy office.
        await bot.SayAsync(head, "Hội đồng xin báo: đã xây dựng xong kế hoạch thi đua năm 2026 gửi UBND và đã phát động phong trào thi đua hoàn thành nhiệm vụ kinh tế - xã hội năm 2026.");

        Assert.StartsWith("Phòng Văn hóa - Xã hội còn các việc sau chưa nộp (từ 06/01/2026 đến 31/03/2026):", quarter.Text, StringComparison.Ordinal);
        Assert.StartsWith("Phòng Văn hóa - Xã hội còn các việc sau chưa nộp (từ 06/01/2026 đến 31/12/2026):", year.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã ghi nhận", list.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Phòng Kinh tế", "D1"));
    }

    [Fact]
    public async Task What_is_set_against_a_report_how_to_type_and_a_staff_member_away_change_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "34");
        var head = await bot.LinkAsync(front, ChatRole.Head, "35");

        await bot.SayAsync(office, "đã tổng hợp thẩm định hồ sơ thi đua khen thưởng năm 2026 trình hội đồng rồi, nv 19 nhé. còn nv 18 chấm điểm cụm thì đầu tháng 1 mới họp");
        var other = await bot.SayAsync(office, "THCS gui D2 r, TH voi MN thi chua");
        await bot.SayAsync(head, "nv 20 mặt trận xong rồi");
        // "gõ lệnh" is to type, not "gỡ" (take back); "cán bộ đi học" is not "bỏ đi".
        var how = await bot.SayAsync(head, "bot ơi gõ lệnh gì để xem việc của hội mình");
        await bot.SayAsync(head, "mt xin gia hạn nv 20 sang 5/1 đc ko ad, cán bộ đi học hết");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "19"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "18"));
        // The report is about the lower secondary school, the first named; the others are set against it.
        Assert.Contains("Trường THCS Hoa Thám", other.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mầm non", other.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường Mầm non Hoa Thám", "D2"));
        Assert.Contains("/huy: Hủy xác nhận nộp nhầm", how.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bạn muốn hủy", how.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "20"));
    }

    [Fact]
    public async Task An_undo_keeps_what_it_says_is_right_and_a_group_s_papers_are_the_council_s_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var front = await bot.LinkAsync("Ủy ban MTTQ Việt Nam xã", ChatRole.Head, "36");
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var head = await bot.LinkAsync(council, ChatRole.Head, "37");

        await bot.SayAsync(front, "xong nv 3 va nv 4 roi");
        await bot.SayAsync(front, "a nham, viec 4 chua hop, viec 3 thi dung");
        // Whose papers the council examined is part of the item, not who reports it.
        var papers = await bot.SayAsync(head, "HĐ đã họp xét hồ sơ thi đua năm học của khối giáo dục xong rồi");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Ủy ban MTTQ Việt Nam xã", "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Ủy ban MTTQ Việt Nam xã", "4"));
        Assert.DoesNotContain("không ghi nhận", papers.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "13"));
    }

    [Fact]
    public async Task A_quarter_s_number_before_my_school_is_not_the_three_schools_and_khen_is_commendation_said_short()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "38");
        var youth = await bot.LinkAsync("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", ChatRole.Head, "39");

        var quarter = await bot.SayAsync(school, "quý 3 trường mình có mấy việc");
        await bot.SayAsync(youth, "đoàn thanh niên nộp hồ sơ đề nghị khen năm 2025 rồi");

        Assert.StartsWith("Các việc của Trường THCS Hoa Thám", quarter.Text, StringComparison.Ordinal);
        Assert.Contains("(từ 01/07/2026 đến 30/09/2026)", quarter.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "3"));
    }

    [Fact]
    public async Task A_report_is_read_clause_by_clause_and_an_item_s_own_comma_keeps_it_one()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var head = await bot.LinkAsync(economy, ChatRole.Head, "40");
        var member = await bot.LinkAsync(council, ChatRole.Head, "41");

        var two = await bot.SayAsync(head, "P.KT da to chuc hoi nghi tong ket TDKT nam 2025 cua phong, va gui ho so de nghi khen thuong nam 2025 r");
        // "hồ sơ thi đua, khen thưởng thành tích năm 2026 và trình Chủ tịch UBND xã" is item 19 alone, its comma and its
        // "và" included; the committee it goes to is not who reports.
        var council19 = await bot.SayAsync(member, "Hội đồng đã họp xét hồ sơ thi đua, khen thưởng thành tích năm 2026 và trình Chủ tịch UBND xã. Đồng thời đã tổng kết phong trào thi đua theo kế hoạch.");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "4"));
        Assert.Contains("3", two.Text, StringComparison.Ordinal);
        Assert.Contains("4", two.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "19"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "20"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Ủy ban nhân dân xã Hoa Thám", "19"));
        Assert.DoesNotContain("Ủy ban nhân dân", council19.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Greetings_introductions_apologies_and_thanks_around_a_request_are_not_the_request()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var head = await bot.LinkAsync(veterans, ChatRole.Head, "42");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "43");

        await bot.SayAsync(head, "hội ccb nộp D1 rồi");
        // "gõ chữ không dấu" in an introduction is not "gỡ" (take back); the question comes after "cho tôi hỏi".
        var asked = await bot.SayAsync(head, "Chao ban, toi la chu tich hoi CCB xa, tuoi cao nen go chu khong dau, mong thong cam. Cho toi hoi hoi minh con phai nop nhung gi cho xa trong thang nay?");
        var report = await bot.SayAsync(clinic, "Dạ em chào anh chị, em là trưởng trạm y tế. Em xin lỗi vì nộp hơi muộn, mấy hôm nay trạm tiêm chủng nhiều quá. Em báo là trạm đã gửi kế hoạch thi đua khen thưởng năm 2026 về xã qua phòng văn hóa xã hội rồi ạ. Em cảm ơn.");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "D1"));
        Assert.StartsWith("Hội Cựu chiến binh xã còn các việc sau", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "D1"));
        Assert.DoesNotContain("Phòng Văn hóa", report.Text, StringComparison.Ordinal);

        // An apology for a mistake is what the message says: it takes the report back.
        await bot.SayAsync(clinic, "xin lỗi ad nộp nhầm file, coi như chưa nộp nhé");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "D1"));
    }

    [Fact]
    public async Task A_dossier_is_not_a_plan_and_the_schools_dossiers_are_the_office_s_own_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "44");
        var school = await bot.LinkAsync(School, ChatRole.Head, "45");

        var dossier = await bot.SayAsync(office, "MN vừa gọi báo đã gửi hồ sơ khen thưởng năm học qua mail");
        // The school year's review holds "TĐKT năm học" but no dossier, and a review is not handed in as one: the school
        // year's dossier item is meant (it was once offered as a choice beside the review; every writer of the evaluation
        // sets who wrote such a message meant the dossier).
        var which = await bot.SayAsync(school, "thcs gui ho so tdkt nam hoc r nhe ad");
        await bot.SayAsync(office, "đã tổng hợp, thẩm định xong hồ sơ các trường, trình hội đồng họp xét rồi");

        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "D2"));
        Assert.DoesNotContain("D2", string.Concat(Confirmations(dossier)), StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "12"));
        Assert.StartsWith("✅ Đã ghi nhận", which.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "13"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "13"));
    }

    [Fact]
    public async Task Units_by_their_short_names_and_a_unit_s_own_plan_said_plainly()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 26, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "46");
        var head = await bot.LinkAsync(women, ChatRole.Head, "47");

        var police = await bot.SayAsync(office, "CA nộp D1 chưa e");
        var military = await bot.SayAsync(office, "QS con no gi k");
        var front = await bot.SayAsync(office, "Mat tran xong nv 13 chua");
        // The plan a unit sends is its own: the commune's plan for next year and the schools' are not its to send.
        await bot.SayAsync(head, "đã nộp kế hoạch");

        Assert.Contains("Công an xã", police.Text, StringComparison.Ordinal);
        Assert.Contains("Ban Chỉ huy Quân sự xã", military.Text, StringComparison.Ordinal);
        Assert.Contains("Ủy ban MTTQ Việt Nam xã", front.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Office, police.Text + military.Text + front.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "D1"));
    }

    [Fact]
    public async Task A_school_is_named_by_its_level()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "215");

        var lowerSecondary = await bot.SayAsync(office, "cấp 2 gửi kh năm 2026 chưa");
        var returned = await bot.SayAsync(office, "c2 bị trả lại những hồ sơ nào");
        var primary = await bot.SayAsync(office, "trường cấp 1 còn nợ gì");

        Assert.Contains(School, lowerSecondary.Text, StringComparison.Ordinal);
        Assert.Contains(School, returned.Text, StringComparison.Ordinal);
        Assert.Contains("Trường Tiểu học Hoa Thám", primary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Office, lowerSecondary.Text + returned.Text + primary.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_comes_after_a_report_is_read_for_what_it_says()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 24, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var school = await bot.LinkAsync(preschool, ChatRole.Head, "48");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "49");
        var member = await bot.LinkAsync(youth, ChatRole.Head, "50");

        // Still to come: "thì thứ 6 này mới làm".
        await bot.SayAsync(school, "mầm non đã tổng kết năm học, sơ kết 6 tháng thì thứ 6 này mới làm");
        // "bao h" is "bao giờ": the second sentence asks, it does not report.
        var answers = await bot.SayAllAsync(member, "D1 xa doan nop r nhe ad. nv 3 voi nv 4 thi bao h han");
        // "hôm qua" is when, not "qua" (through): the preschool reported it, not the office.
        var reported = await bot.SayAsync(office, "hôm qua trường mầm non báo đã nộp nv 3 rồi, em ghi nhận giúp nhé");
        // Several units' debts on named items: who still owes them.
        var owed = await bot.SayAsync(office, "mấy trường còn nợ nv 12 ko");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "12"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "9"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(youth, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(youth, "4"));
        Assert.StartsWith("Nhiệm vụ 3:", answers[1].Text, StringComparison.Ordinal);
        Assert.Contains(preschool, reported.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "3"));
        Assert.Contains("2 đơn vị chưa nộp", owed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thing_said_twice_by_whose_it_is_names_both_and_an_undo_keeps_what_it_says_to_keep()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 27, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var member = await bot.LinkAsync(council, ChatRole.Head, "51");
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var head = await bot.LinkAsync(front, ChatRole.Head, "52");

        await bot.SayAsync(member, "Đã tham dự hội nghị tổng kết của tỉnh và của cụm");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "5"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "6"));

        await bot.SayAsync(member, "Chết, hội nghị cụm số 2 tuần sau mới họp, bỏ xác nhận hội nghị cụm thôi, cái của tỉnh vẫn giữ nhé");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "5"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "6"));

        // "còn … thì … rồi" adds what is done as well.
        await bot.SayAsync(head, "MT xong ca nv3 lan nv4 r, con D1 thi nop tu thang 1 r");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "4"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "D1"));
    }

    // The items a question with choices offers to confirm, in order.
    [Fact]
    public async Task Numbers_that_open_a_report_are_what_was_done_and_a_phrase_counts_only_where_an_item_holds_all_of_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(7)));
        var council = await bot.LinkAsync("Hội đồng Thi đua - Khen thưởng xã", ChatRole.Head, "31");

        var numbers = await bot.SayAsync(council, "2, 5 xong r");
        // Item 1 is the launch of the emulation movement; D1, each unit's own plan, also "launches" one in passing, and holds
        // the "chức" of "chức năng", which is not "tổ chức": the launch said as item 1 opens is item 1.
        var launch = await bot.SayAsync(council, "le phat dong phong trao thi dua nam 2026 to chuc xong roi nhe");

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Hội đồng Thi đua - Khen thưởng xã", "2"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Hội đồng Thi đua - Khen thưởng xã", "5"));
        Assert.StartsWith("✅ Đã ghi nhận", launch.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Hội đồng Thi đua - Khen thưởng xã", "1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Hội đồng Thi đua - Khen thưởng xã", "D1"));
    }

    [Fact]
    public async Task Owning_up_to_lateness_beside_a_report_and_whom_a_paper_went_to_do_not_make_it_a_question()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.FromHours(7)));
        var youth = await bot.LinkAsync("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", ChatRole.Head, "41");
        var council = await bot.LinkAsync("Hội đồng Thi đua - Khen thưởng xã", ChatRole.Head, "42");

        var late = await bot.SayAsync(youth, "ad ơi hôm qua xã đoàn nộp kh tdkt 2026 rồi nhé, sr vì trễ");
        // "văn bản" is a paper, not the "Văn hóa" and "Ủy ban" D1 holds far apart; "gửi các đơn vị" is whom it went to.
        var guide = await bot.SayAsync(council, "da ban hanh van ban huong dan tong ket tdkt 2026 gui cac don vi");

        Assert.Contains("D1", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "D1"));
        Assert.Contains("16", guide.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Hội đồng Thi đua - Khen thưởng xã", "16"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Hội đồng Thi đua - Khen thưởng xã", "D1"));
    }

    [Fact]
    public async Task A_first_clause_that_only_says_what_time_it_is_does_not_narrow_the_question_to_that_period()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "43");

        // Every item of the first quarter is overdue on 03/04; "đầu quý 2 rồi" only sets the scene.
        var scene = await bot.SayAsync(office, "dau quy 2 roi, cho xem don vi nao con tre han");
        var quarter = await bot.SayAsync(office, "quý 2 đơn vị nào còn trễ hạn");

        Assert.Contains("Nhiệm vụ 3", scene.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 3", quarter.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_takes_back_only_the_item_it_says_is_not_done()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "44");

        await bot.SayAsync(office, "viec 16 19 20 xong r");
        var corrected = await bot.SayAsync(office, "khoan, 19 chua xong, bo 19 ra giup");
        var asked = await bot.SayAsync(office, "hôm qua có bạn bảo bot hay nhầm, bot đã ghi nhận nv 16 của bên mình chưa vậy");

        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 19", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "19"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "20"));
        // A question about a confirmation, with "nhầm" in it, takes nothing back.
        Assert.DoesNotContain("Đã hủy", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "16"));
    }

    [Fact]
    public async Task Remarks_beside_a_report_add_no_item_and_what_is_still_to_come_is_not_reported()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 22, 9, 0, 0, TimeSpan.FromHours(7)));
        var women = await bot.LinkAsync("Hội Liên hiệp Phụ nữ xã", ChatRole.Head, "45");
        var school = await bot.LinkAsync("Trường Tiểu học Hoa Thám", ChatRole.Head, "46");
        var office = await bot.LinkAsync("Văn phòng HĐND và UBND xã", ChatRole.Head, "47");

        // "chị chủ tịch" is not the "Chủ tịch UBND xã" of item 13: the clause only says why it was late.
        var late = await bot.SayAsync(women, "Dạ em báo cáo: hội PN đã gửi kế hoạch thi đua năm nay rồi ạ, gửi muộn 2 hôm vì chị chủ tịch đi vắng, mong phòng thông cảm");
        var drafted = await bot.SayAsync(school, "kế hoạch năm học 2026-2027 trường em đã soạn xong, thứ 2 tuần sau em nộp");
        var notYet = await bot.SayAsync(school, "ke hoach nam hoc moi thang 10 moi lam, gio truong minh con thieu gi khong");
        // The schools' dossiers are what the office compiled; the report is the office's own.
        var compiled = await bot.SayAsync(office, "van phong da tong hop, nop ho so de nghi khen thuong cac truong nam hoc 2025-2026 roi a");

        Assert.Contains("D1", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Hội Liên hiệp Phụ nữ xã", "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Hội Liên hiệp Phụ nữ xã", "13"));
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", drafted.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã ghi nhận", notYet.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường Tiểu học Hoa Thám", "D2"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Văn phòng HĐND và UBND xã", "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường Tiểu học Hoa Thám", "13"));
    }

    [Fact]
    public async Task Everything_of_a_half_year_said_done_asks_and_is_not_item_6_by_number()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "48");

        var all = await bot.SayAsync(school, "truong thcs xong het viec 6 thang dau nam roi");

        Assert.DoesNotContain("Đã ghi nhận", all.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "12"));
    }

    [Fact]
    public async Task A_report_sent_is_how_the_work_was_handed_in_and_a_question_about_a_report_asks_about_the_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync("Trường Tiểu học Hoa Thám", ChatRole.Head, "49");
        var veterans = await bot.LinkAsync("Hội Cựu chiến binh xã", ChatRole.Head, "50");

        // Item 12 is the school year's review; the school hands it in as a report, which the item's words do not hold.
        var sent = await bot.SayAsync(school, "Trường đã gửi báo cáo tổng kết năm học 2025-2026 về phòng rồi ạ");
        // The veterans owe the half-year meeting (9), not the report (8); a question names the report all the same.
        var asked = await bot.SayAsync(veterans, "hội ccb thì báo cáo sơ kết 6 tháng hạn khi nào ad");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Trường Tiểu học Hoa Thám", "12"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường Tiểu học Hoa Thám", "13"));
        Assert.StartsWith("Nhiệm vụ 8:", asked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_several_items_that_fit_a_question_answers_those_that_concern_whom_it_asks_about()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Staff, "51");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "52");

        // The health station holds the half-year meeting (9); the cluster's (10) is the committee's and the office's.
        var own = await bot.SayAsync(clinic, "hoi nghi so ket 6 thang bao gio to chuc");
        // About every unit, a meeting said without whose is the commune's own.
        var owing = await bot.SayAsync(office, "đơn vị nào còn nợ hội nghị sơ kết 6 tháng");
        // The office owes both: both are answered.
        var both = await bot.SayAsync(office, "hội nghị sơ kết 6 tháng hạn ngày nào");
        // Words another item also holds, but none it holds alone, do not bring it in: the cluster's meeting, not the report.
        var cluster = await bot.SayAsync(office, "hn tong ket cum thi dua noi dia han bao gio e");

        Assert.StartsWith("Nhiệm vụ 9:", own.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 10", own.Text, StringComparison.Ordinal);
        Assert.Contains("Trạm Y tế xã", owing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 10", owing.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 9", both.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 10", both.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 6:", cluster.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 2", cluster.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_school_year_said_relative_to_today_is_that_school_year()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync("Trường Tiểu học Hoa Thám", ChatRole.Head, "53");

        // "mới" after "năm học" is the new school year (2026 - 2027: D2), not "mới nộp" (just handed in).
        var when = await bot.SayAsync(school, "kế hoạch năm học mới phải nộp trước ngày nào vậy ạ");
        // In October the school year before is 2025 - 2026: its dossier is item 13.
        var before = await bot.SayAsync(school, "hồ sơ thi đua năm học trước hạn nộp khi nào");
        var sent = await bot.SayAsync(school, "kh năm học mới trường nộp r");

        Assert.StartsWith("Hạn nộp D2:", when.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 13:", before.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Trường Tiểu học Hoa Thám", "D2"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường Tiểu học Hoa Thám", "13"));
    }

    [Fact]
    public async Task A_correction_by_words_or_straight_after_the_slip_confirms_only_what_it_corrects_to()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "54");

        var corrected = await bot.SayAsync(farmers, "hội đã nộp nv 4, à nhầm nv 3 chứ ạ");

        Assert.StartsWith("✅ Đã ghi nhận", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "4"));

        await using var autumn = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await autumn.LinkAsync("Trường Tiểu học Hoa Thám", ChatRole.Head, "55");

        var byWords = await autumn.SayAsync(school, "đã nộp kế hoạch năm 2026, nhầm, kế hoạch năm học 2026-2027 ạ");

        Assert.StartsWith("✅ Đã ghi nhận", byWords.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await autumn.StatusAsync("Trường Tiểu học Hoa Thám", "D2"));
        Assert.Equal(ObligationStatus.Pending, await autumn.StatusAsync("Trường Tiểu học Hoa Thám", "D1"));
    }

    [Fact]
    public async Task Work_made_but_not_yet_handed_in_is_not_reported_and_an_item_by_its_place_is_asked_about()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        const string office = "Văn phòng HĐND và UBND xã";
        var staff = await bot.LinkAsync(office, ChatRole.Head, "56");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "57");

        var scanned = await bot.SayAsync(staff, "Hồ sơ khen 2025 em scan xong rồi, mai trình sếp ký rồi mới nộp");
        // An apology ahead of time: D1 is still to be sent.
        var sorry = await bot.SayAsync(farmers, "sorry nộp muộn D1 vài hôm, xin thông cảm, đầu tuần sau em gửi");

        Assert.DoesNotContain("Đã ghi nhận", scanned.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(office, "3"));
        Assert.DoesNotContain("Đã ghi nhận", sorry.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));

        // "cái sau" is one of the two by its place in the message, which the store does not keep: the bot asks.
        await bot.SayAsync(staff, "VP đã nộp KH 2026 và đã dự HN tổng kết");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(office, "4"));
        var latter = await bot.SayAsync(staff, "cái sau chưa, bỏ đi");

        Assert.StartsWith("Bạn muốn hủy xác nhận việc nào?", latter.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(office, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(office, "4"));

        await using var autumn = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await autumn.LinkAsync(School, ChatRole.Head, "58");
        var unsent = await autumn.SayAsync(school, "Kế hoạch năm học trường đã xây dựng xong nhưng chưa họp hội đồng trường thông qua nên chưa gửi được ạ");

        Assert.DoesNotContain("Đã ghi nhận", unsent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await autumn.StatusAsync(School, "D2"));
    }

    [Fact]
    public async Task A_unit_that_signed_approved_the_writer_s_work_and_an_item_s_opening_deed_names_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "59");
        var board = await bot.LinkAsync(council, ChatRole.Head, "60");

        // The committee signed what the office made: the office reports its own item 1.
        var signed = await bot.SayAsync(office, "UBND xã ký phát động phong trào thi đua năm 2026 rồi, đánh dấu việc 1 xong giúp mình");
        // "phát động phong trào thi đua" opens item 1; D1 holds it in passing among a unit's own plan.
        var launched = await bot.SayAsync(board, "Hội đồng đã phát động phong trào thi đua năm 2026 rồi");

        Assert.StartsWith("✅ Đã ghi nhận", signed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "1"));
        Assert.StartsWith("✅ Đã ghi nhận", launched.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "D1"));
    }

    [Fact]
    public async Task A_document_number_names_no_unit_a_how_to_is_not_an_undo_and_the_one_item_of_today_is_taken_back()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "61");

        // "215/KH-UBND" is the plan's number, issued by the committee; the office reports its own item 21.
        var issued = await bot.SayAsync(office, "ban hành kh tdkt 2027 rồi, số 215/KH-UBND");
        Assert.StartsWith("✅ Đã ghi nhận", issued.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "21"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Ủy ban nhân dân xã Hoa Thám", "21"));

        // Asking how to take back is not taking back.
        var how = await bot.SayAsync(office, "lỡ báo nhầm thì hủy kiểu gì ad");
        Assert.DoesNotContain("Đã hủy", how.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "21"));

        // Only item 21 was confirmed today: the reason beside the undo ("bản đó chưa ký") names no other item.
        var undo = await bot.SayAsync(office, "ui chet nham, ban do chua ky, bo xac nhan giup em");
        Assert.Contains("21", undo.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "21"));
    }

    [Fact]
    public async Task A_phrase_does_not_run_across_a_comma_and_a_request_to_check_leaves_the_report_as_it_was()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "62");

        // "báo, giờ báo" holds no "bao giờ" (when): it is a late report, not a question about the due date.
        var late = await bot.SayAsync(farmers, "Hội Nông dân đã tổ chức sơ kết 6 tháng ngày 28/6 nhưng quên báo, giờ báo bổ sung ạ");

        Assert.StartsWith("✅ Đã ghi nhận", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "9"));

        await using var autumn = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        var school = await autumn.LinkAsync(preschool, ChatRole.Head, "63");

        var sent = await autumn.SayAsync(school, "MN gui kh nam hoc moi hom qua roi, ad kiem tra giup");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await autumn.StatusAsync(preschool, "D2"));
    }

    [Fact]
    public async Task Training_attended_is_reported_as_done()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var chat = await bot.LinkAsync(committee, ChatRole.Head, "64");

        // "năm nay" only places it; a finished training ("đã … đi lớp tập huấn … rồi") is item 7 done.
        var trained = await bot.SayAsync(chat, "ubnd đã cử người đi lớp tập huấn nghiệp vụ thi đua khen thưởng năm nay rồi");

        Assert.StartsWith("✅ Đã ghi nhận", trained.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "7"));
    }

    [Fact]
    public async Task News_that_something_is_not_done_yet_and_comes_later_is_not_a_question()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var police = await bot.LinkAsync("Công an xã", ChatRole.Head, "65");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "66");

        var delay = await bot.SayAsync(police, "công an xã chưa làm kế hoạch thi đua, tuần sau mới xong đc");
        // "máy tính" is a computer, not "mấy" (how many).
        var broken = await bot.SayAsync(farmers, "mai e nop ke hoach thi dua nhe, hom nay may tinh hong r");

        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", delay.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", broken.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Công an xã", "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task A_commendation_dossier_is_reported_however_it_is_described()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        const string station = "Trạm Y tế xã";
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "67");
        var stationChat = await bot.LinkAsync(station, ChatRole.Head, "68");
        var youthChat = await bot.LinkAsync(youth, ChatRole.Head, "69");

        // Who is put forward ("3 cá nhân 1 tập thể") and who received it ("chị nhận bản giấy") name no other item; a list
        // of nominees is handed in as a dossier is.
        var dossier = await bot.SayAsync(veteransChat, "hồ sơ đề nghị khen thưởng năm 2025 của hội ccb đã nộp đủ, 3 cá nhân 1 tập thể");
        var received = await bot.SayAsync(stationChat, "Trạm y tế gửi hồ sơ khen thưởng năm 2025 rồi, chị nhận bản giấy hôm qua");
        // Two things done, parted by a comma after the unit's name was set aside.
        var both = await bot.SayAsync(youthChat, "Xã đoàn đã dự hội nghị tổng kết của xã, hồ sơ khen năm 2025 cũng nộp rồi");

        Assert.StartsWith("✅ Đã ghi nhận", dossier.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", received.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(station, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(station, "4"));
    }

    [Fact]
    public async Task A_report_that_closes_with_thanks_is_still_a_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        const string school = "Trường THCS Hoa Thám";
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "70");
        var schoolChat = await bot.LinkAsync(school, ChatRole.Head, "71");

        var thanked = await bot.SayAsync(frontChat, "alo bot ơi mặt trận đã nộp kế hoạch thi đua khen thưởng năm 2026 về phòng văn hóa rồi nhé cảm ơn");
        // "công tác thi đua, khen thưởng" with its comma is still the name of the line of work.
        var formal = await bot.SayAsync(schoolChat, "Kính gửi Phòng VHXH. Trường THCS Hoa Thám báo cáo: đã gửi Kế hoạch công tác thi đua, khen thưởng năm 2026 của nhà trường qua hệ thống văn bản điện tử. Trân trọng.");

        Assert.StartsWith("✅ Đã ghi nhận", thanked.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", formal.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(school, "D1"));
    }

    [Fact]
    public async Task A_question_about_the_bot_itself_gets_the_help()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var chat = await bot.LinkAsync("Trạm Y tế xã", ChatRole.Head, "72");

        var how = await bot.SayAsync(chat, "bot này dùng sao vậy");
        var what = await bot.SayAsync(chat, "hỏi bot được những câu gì");
        var others = await bot.SayAsync(chat, "bot có xem được việc của đơn vị khác ko");
        // Chat with the bot about nothing it does is not a request for help.
        var weather = await bot.SayAsync(chat, "bot ơi bot có biết thời tiết mai không");

        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", what.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", others.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot nhắc việc thi đua, khen thưởng.", weather.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_is_not_done_for_a_reason_and_what_is_still_to_do_are_not_reports()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string station = "Trạm Y tế xã";
        var chat = await bot.LinkAsync(station, ChatRole.Head, "73");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "74");

        var waiting = await bot.SayAsync(chat, "trạm chưa tổng kết được vì còn chờ số liệu tháng 12");
        // "ok để tôi báo lại …": what the writer is about to do.
        var passOn = await bot.SayAsync(farmers, "ok để tôi báo lại anh em trong hội");

        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", waiting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", passOn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đơn vị đã nộp việc nào?", passOn.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(station, "20"));
    }

    [Fact]
    public async Task A_question_about_the_launch_is_answered_not_drafted_as_a_broadcast()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "75");
        var school = await bot.LinkAsync("Trường THCS Hoa Thám", ChatRole.Head, "76");

        var launch = await bot.SayAsync(office, "phát động phong trào thi đua năm 2026 hạn chót là hết quý 1 à");
        // A year said aloud ("năm hai không hai sáu") is 2026: the yearly plan, not the school year's.
        var spoken = await bot.SayAsync(school, "cho em hỏi kế hoạch công tác thi đua khen thưởng năm hai không hai sáu của đơn vị nộp trước ngày nào ạ");

        Assert.StartsWith("Nhiệm vụ 1:", launch.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D1:", spoken.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("D2", spoken.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_of_two_is_a_count_not_item_one()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var chat = await bot.LinkAsync(veterans, ChatRole.Head, "77");

        var one = await bot.SayAsync(chat, "hội ccb xong 1 trong 2 nhiệm vụ quý 1 rồi nhé");

        Assert.StartsWith("Đơn vị đã nộp việc nào?", one.Text, StringComparison.Ordinal);
        await using var db = bot.Store();
        Assert.All(db.Obligations.Where(o => o.Unit.Name == veterans).ToList(), o => Assert.Equal(ObligationStatus.Pending, o.Status));
    }

    [Fact]
    public async Task Something_put_off_or_asked_to_be_put_off_is_news_of_a_delay()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string station = "Trạm Y tế xã";
        var chat = await bot.LinkAsync(station, ChatRole.Head, "78");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "79");

        var extension = await bot.SayAsync(chat, "tram y te chua lam xong kh thi dua, xin gia han them vai hom dc ko a");
        var postponed = await bot.SayAsync(farmers, "sáng nay mưa to quá, hội nghị tổng kết bên em hoãn sang tuần sau");

        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", extension.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", postponed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(station, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "4"));
    }

    [Fact]
    public async Task A_report_that_forgot_to_tell_is_still_a_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "80");
        const string school = "Trường THCS Hoa Thám";
        var head = await bot.LinkAsync(school, ChatRole.Head, "81");

        // "quên chưa báo": what was forgotten is telling, not the deed. From the office it is a report for the school,
        // which each unit makes for itself (the office is told where the school stands); from the school's head it is
        // recorded.
        var forOther = await bot.SayAsync(office, "trường THCS nộp D1 hôm thứ 6 rồi nhé, chị quên chưa báo");
        var own = await bot.SayAsync(head, "trường nộp D1 hôm thứ 6 rồi nhé, em quên chưa báo");

        Assert.StartsWith("Bot không xác nhận thay Trường THCS Hoa Thám", forOther.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", own.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(school, "D1"));
    }

    [Fact]
    public async Task A_paper_still_missing_something_is_not_handed_in()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var chat = await bot.LinkAsync(veterans, ChatRole.Head, "82");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "83");

        var lacking = await bot.SayAsync(chat, "hồ sơ khen thưởng bên cựu chiến binh chưa xong, còn thiếu bản thành tích của 2 chi hội");
        var waiting = await bot.SayAsync(office, "báo cáo sơ kết 6 tháng còn thiếu số liệu của mấy đoàn thể nên chưa gửi được");
        // "còn thiếu gì" still asks what is owed.
        var asked = await bot.SayAsync(chat, "hội còn thiếu gì không");

        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", lacking.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", waiting.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hội Cựu chiến binh xã còn các việc sau chưa nộp", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "3"));
    }

    [Fact]
    public async Task A_paper_sent_back_by_someone_is_the_reason_for_an_undo()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "84");

        var sent = await bot.SayAsync(office, "da gui bao cao so ket 6 thang");
        // "bị sếp trả về sửa" tells why; it is not the office sending someone's paper back.
        var back = await bot.SayAsync(office, "Rút lại cái vừa báo giúp chị, báo cáo bị sếp trả về sửa");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bạn muốn hỏi điều nào?", back.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "8"));
    }

    [Fact]
    public async Task Meetings_and_launches_are_reported_in_their_own_words()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "85");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "86");

        // The launch held as a ceremony is item 1, not D1, which also "phát động" in passing after "chức năng".
        var launch = await bot.SayAsync(committeeChat, "Ủy ban đã tổ chức lễ phát động phong trào thi đua năm 2026 hôm mùng 5 rồi");
        // "Ủy ban" opening the message is who did it, not an item's words.
        var cluster = await bot.SayAsync(committeeChat, "Ủy ban đã dự sơ kết phong trào thi đua cụm số 2 chiều qua");
        // "họp" alone is the meeting held.
        var met = await bot.SayAsync(frontChat, "sơ kết hôm trước mặt trận họp rồi mà quên báo");

        Assert.StartsWith("✅ Đã ghi nhận", launch.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", cluster.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", met.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "15"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "9"));
    }

    [Fact]
    public async Task Chat_around_the_work_lists_nothing_and_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        const string school = "Trường THCS Hoa Thám";
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "87");
        var schoolChat = await bot.LinkAsync(school, ChatRole.Head, "88");
        var police = await bot.LinkAsync("Công an xã", ChatRole.Head, "89");

        var anyone = await bot.SayAsync(police, "có ai ở phòng không ạ, em cần gọi điện hỏi chút");
        var received = await bot.SayAsync(police, "Công an xã nhận được kế hoạch rồi nhé, cảm ơn");
        // "họp xong em báo": the meeting is today; the report comes after it.
        var afterwards = await bot.SayAsync(schoolChat, "hôm nay hội đồng trường họp tổng kết thi đua năm học, họp xong em báo");
        // "đừng đánh dấu": not to be recorded.
        var notYet = await bot.SayAsync(committeeChat, "bên UBND chưa gửi báo cáo tổng kết năm đâu, đừng đánh dấu nhé");

        foreach (var reply in new[] { anyone, received, afterwards, notYet })
        {
            Assert.DoesNotContain("còn các việc sau chưa nộp", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("✅", reply.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Đơn vị đã nộp việc nào?", reply.Text, StringComparison.Ordinal);
        }

        Assert.StartsWith("Xin lỗi, bot chưa hiểu", anyone.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", afterwards.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", notYet.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "17"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(school, "20"));
    }

    [Fact]
    public async Task A_numbered_report_and_a_paper_left_at_the_office_are_the_writers_own()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        const string secondary = "Trường THCS Hoa Thám";
        const string primary = "Trường Tiểu học Hoa Thám";
        var secondaryChat = await bot.LinkAsync(secondary, ChatRole.Head, "90");
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "91");

        // A list's numbering ("1.", "2.") names no item.
        var listed = await bot.SayAsync(secondaryChat, "báo cáo:\n1. đã nộp hồ sơ khen 2025 ✔\n2. đã tổ chức HN tổng kết thi đua ✔\n3. KH năm 2026 nộp từ tháng 1 rồi ✔");
        // "ở phòng VHXH" is where the paper was left, not who handed it in.
        var left = await bot.SayAsync(primaryChat, "hs de nghi khen thuong nam 2025 truong da nop ban cung cho chi Hoa o phong VHXH roi nhe");

        Assert.StartsWith("✅ Đã ghi nhận", listed.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", left.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(secondary, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(secondary, "4"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(secondary, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(secondary, "20"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "3"));
    }

    [Fact]
    public async Task A_member_named_beside_its_group_asks_about_the_group_and_numbers_before_a_due_date_are_items()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "92");

        var group = await bot.SayAsync(office, "bên mặt trận và các đoàn thể còn ai chưa gửi kế hoạch năm 2026");
        var dates = await bot.SayAsync(office, "17 19 21 han cung ngay 31/12 ha");

        Assert.Contains("Hội Nông dân xã", group.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạm Y tế xã", group.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 17", dates.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 19", dates.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 21", dates.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_launch_reported_done_is_recorded_and_a_meeting_moved_to_another_day_is_news()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var chat = await bot.LinkAsync(council, ChatRole.Head, "93");
        var station = await bot.LinkAsync("Trạm Y tế xã", ChatRole.Head, "94");

        // "phát động … xong r": item 1 done, not a campaign to draft and send.
        var launched = await bot.SayAsync(chat, "phat dong thi dua xong r");
        var moved = await bot.SayAsync(chat, "hop hoi dong xet khen thuong 2025 chuyen sang thu 6");
        var how = await bot.SayAsync(station, "huong dan dung sao vay");

        Assert.StartsWith("✅ Đã ghi nhận", launched.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "1"));
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", moved.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "3"));
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wishes_receipts_how_tos_and_a_report_corrected_in_words_record_only_what_was_meant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string veterans = "Hội Cựu chiến binh xã";
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "95");
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "96");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "97");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "98");

        // "Dạ" is a polite yes, not "đã"; the message congratulates the office on its meeting.
        var wish = await bot.SayAsync(womenChat, "Dạ em chúc mừng anh chị phòng mình, hội nghị sơ kết hôm qua tổ chức thành công quá ạ 🌸");
        // A guide received from the office is not the guide written.
        var received = await bot.SayAsync(veteransChat, "Hội Cựu chiến binh xã đã nhận được văn bản hướng dẫn tổng kết công tác thi đua, khen thưởng năm 2026 của Phòng, xin cảm ơn đồng chí.");
        var how = await bot.SayAsync(clinic, "lỡ báo nhầm thì xoá sao ạ");
        // The report names the six-month report, then corrects itself to the 2025 summary.
        var corrected = await bot.SayAsync(office, "đã gửi báo cáo 6 tháng à nhầm báo cáo tổng kết năm 2025 lên cụm");
        // The units came to the office's meeting; the meeting is the office's alone.
        var held = await bot.SayAsync(office, "đã tổ chức hội nghị sơ kết 6 tháng đầu năm sáng nay, đủ các đơn vị dự");

        Assert.DoesNotContain("✅", wish.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "9"));
        Assert.DoesNotContain("✅", received.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "16"));
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "2"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "8"));
        Assert.StartsWith("✅ Đã ghi nhận", held.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "9"));
    }

    [Fact]
    public async Task Work_told_as_not_done_yet_is_news_and_a_polite_question_without_a_mark_still_asks()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "99");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "100");
        var school = await bot.LinkAsync(School, ChatRole.Head, "101");

        var excuse = await bot.SayAsync(economyChat, "Phòng KT chưa nộp kế hoạch thi đua được vì trưởng phòng đi công tác tỉnh, mong thông cảm");
        var notYet = await bot.SayAsync(clinic, "tram yte chua xay dung xong ke hoach tdkt");
        // "còn kịp ko ạ" asks, though no mark ends it and the reason runs on.
        var inTime = await bot.SayAsync(school, "D1 con kip ko a truong em chua gui");
        // Asked about what is not done, the same words are a question.
        var asked = await bot.SayAsync(clinic, "trạm chưa nộp những gì");

        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", excuse.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", notYet.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bot đã đọc tin nhắn", inTime.Text, StringComparison.Ordinal);
        Assert.Contains("30/01/2026", inTime.Text, StringComparison.Ordinal);
        Assert.Contains("còn các việc sau chưa nộp", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "D1"));
    }

    [Fact]
    public async Task Two_deeds_run_together_are_both_recorded_and_where_a_paper_went_or_whom_a_guide_is_for_does_not_blur_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string militia = "Ban Chỉ huy Quân sự xã";
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "102");
        var militiaChat = await bot.LinkAsync(militia, ChatRole.Head, "103");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "104");

        // No mark between the two deeds: "xong rồi ạ 🎉" ends the first, "+" joins the second.
        var runOn = await bot.SayAsync(clinic, "Hội nghị tổng kết TYT tổ chức xong rồi ạ 🎉 hồ sơ khen thưởng năm 2025 nộp luôn rồi ạ");
        var plus = await bot.SayAsync(militiaChat, "BCHQS: đã gửi hồ sơ khen năm 2025 + đã họp tổng kết. xong 2 việc");
        // "lên Cụm và UBND" is where the report went; the six-month report is item 8, not the 2025 report or the cluster's meeting.
        var report = await bot.SayAsync(office, "Phòng đã gửi báo cáo sơ kết công tác thi đua 6 tháng đầu năm lên Cụm và UBND.");
        // "các đơn vị" are whom the guide is for.
        var guide = await bot.SayAsync(office, "Phòng đã ban hành văn bản hướng dẫn các đơn vị tổng kết công tác thi đua, khen thưởng năm 2026.");

        foreach (var reply in new[] { runOn, plus, report, guide })
        {
            Assert.StartsWith("✅ Đã ghi nhận", reply.Text, StringComparison.Ordinal);
        }

        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "4"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(militia, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(militia, "4"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "8"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "2"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "10"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "16"));
    }

    [Fact]
    public async Task Who_has_done_an_item_lists_those_who_did_and_a_late_report_or_a_day_the_writer_will_act_asks_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "105");
        var school = await bot.LinkAsync(School, ChatRole.Head, "106");
        const string primary = "Trường Tiểu học Hoa Thám";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "107");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "108");

        // "hơi trễ mấy hôm": a few days late, not a question of how many.
        var late = await bot.SayAsync(school, "THCS vừa nộp D2 xong, hơi trễ mấy hôm");
        var done = await bot.SayAsync(office, "Những đơn vị nào đã nộp kế hoạch năm học rồi?");
        // "tháng sau mới gửi" is when the school will send it; the question is the due date, this month.
        var when = await bot.SayAsync(primaryChat, "kế hoạch năm học trường chị đang hoàn thiện, chắc tháng sau mới gửi được. Hạn cuối là ngày nào em?");
        var how = await bot.SayAsync(clinic, "bot này dùng như nào vậy ạ, em mới vào");

        Assert.StartsWith("✅ Đã ghi nhận", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D2"));
        Assert.Contains("1 đơn vị đã nộp", done.Text, StringComparison.Ordinal);
        Assert.Contains("- Trường THCS Hoa Thám", done.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(primary, done.Text, StringComparison.Ordinal);
        Assert.Contains("15/10/2026", when.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Late_reports_leave_to_be_late_the_plan_every_unit_owes_and_deeds_said_with_who_was_sent()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var youthChat = await bot.LinkAsync(youth, ChatRole.Head, "109");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "110");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "111");
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "112");

        // "trễ 3 ngày" says how late the plan came, not what is owed.
        var late = await bot.SayAsync(youthChat, "xã đoàn nộp kh thi đua 2026 rồi nhé, trễ 3 ngày sr ạ 🙏");
        var leave = await bot.SayAsync(farmers, "hội nông dân xin nộp muộn kế hoạch vài hôm được không");
        // Asked of every unit, "kế hoạch" is D1, which every unit owes, not the schools' D2 or the committee's plan for 2027.
        var who = await bot.SayAsync(office, "đơn vị nào trễ hạn nộp kế hoạch TĐKT vậy");
        // "tổ chức xong" tells the commune's own meeting from the province's one attended.
        var held = await bot.SayAsync(committeeChat, "Chiều nay đã tổ chức xong hội nghị tổng kết công tác thi đua khen thưởng năm 2025, triển khai nhiệm vụ 2026");
        // Who was sent ("2 đồng chí") and "đi học" are no part of the training's name.
        var trained = await bot.SayAsync(office, "Phòng đã cử 2 đồng chí đi học lớp tập huấn nghiệp vụ TĐKT xong, có giấy chứng nhận rồi");

        Assert.StartsWith("✅ Đã ghi nhận", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "D1"));
        Assert.StartsWith("Bot đã đọc tin nhắn. Chưa có việc nào được ghi nhận", leave.Text, StringComparison.Ordinal);
        Assert.Contains("30/01/2026", who.Text, StringComparison.Ordinal);
        Assert.Contains("Hội Nông dân xã", who.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("15/10/2026", who.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(youth, who.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", held.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "5"));
        Assert.StartsWith("✅ Đã ghi nhận", trained.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "7"));
    }

    [Fact]
    public async Task The_meeting_of_mid_year_is_the_review_and_the_routine_meeting_is_none_of_the_plans()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var youthChat = await bot.LinkAsync(youth, ChatRole.Head, "113");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "114");

        var midYear = await bot.SayAsync(youthChat, "đoàn xã tổ chức hội nghị giữa năm rồi nhé 👍");
        // "họp giao ban" is the weekly meeting, not the conferences of items 4 and 9.
        var routine = await bot.SayAsync(clinic, "mai có họp giao ban ko ạ");

        Assert.StartsWith("✅ Đã ghi nhận", midYear.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(youth, "4"));
        Assert.False(routine.Text.StartsWith("Nhiệm vụ", StringComparison.Ordinal), routine.Text);
    }

    [Fact]
    public async Task Who_went_and_where_it_was_held_do_not_blur_the_item_and_what_is_set_against_a_report_is_not_reported()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "115");
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "116");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "117");

        // The training (the plan says "bồi dưỡng") was held at the province; who was sent is no part of it.
        var trained = await bot.SayAsync(committeeChat, "vâng ủy ban đã cử đồng chí phó chủ tịch đi tập huấn nghiệp vụ thi đua khen thưởng ở tỉnh về rồi nhé");
        // "tôi với chủ tịch hội đồng" went; "Chủ tịch" and "Hội đồng" of items 13 and 19 are not meant.
        var attended = await bot.SayAsync(councilChat, "Sáng nay tôi với chủ tịch hội đồng đi Lạng Sơn dự hội nghị tổng kết của tỉnh về rồi");
        // Two deeds: the meeting at the cluster is the six-month one of the clause before, not the movement's review (15).
        var both = await bot.SayAsync(office, "đã gửi báo cáo sơ kết 6 tháng, và đi dự hội nghị sơ kết tại cụm rồi");
        // Item 9 is named as the topic and set against the report: only 8 is done.
        var part = await bot.SayAsync(committeeChat, "Nv 8 và 9 thì 8 xong rồi còn 9 chưa");

        Assert.StartsWith("✅ Đã ghi nhận", trained.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "7"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "5"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "18"));
        Assert.StartsWith("✅ Đã ghi nhận", attended.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "5"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "19"));
        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "8"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "10"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "15"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "9"));
        Assert.StartsWith("✅ Đã ghi nhận", part.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "8"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "9"));
    }

    [Fact]
    public async Task A_word_only_one_item_holds_decides_between_look_alikes_and_a_dossier_is_no_review()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        const string primary = "Trường Tiểu học Hoa Thám";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "118");
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "119");
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "120");
        var school = await bot.LinkAsync(School, ChatRole.Head, "121");

        // "6 tháng" is the six-month meeting's alone; the cluster's other review (15) holds nothing it lacks.
        var cluster = await bot.SayAsync(office, "bên mình đã dự hội nghị sơ kết 6 tháng tại Cụm TĐKT");
        // "họp xét" is the council's sitting (19), not the cluster's "họp cụm" of item 18.
        var council19 = await bot.SayAsync(councilChat, "Hội đồng đã họp xét hồ sơ thi đua khen thưởng năm 2026, trình chủ tịch UBND xã ký rồi");
        // A dossier of the school year is the commendation dossier (13), not the school year's review (12).
        var dossier = await bot.SayAsync(primaryChat, "hồ sơ thi đua năm học 2025 - 2026 trường TH đã nộp đủ");
        // The council the school convened is its own; the school reports.
        var convened = await bot.SayAsync(school, "THCS đã họp hội đồng thi đua xét khen thưởng năm 2025 xong, hồ sơ gửi phòng chiều nay rồi");
        // "năm học" is a school year: the commune's meeting of the year 2025 (4) is not meant.
        var review = await bot.SayAsync(school, "truong em da to chuc tong ket nam hoc xong r nhe");

        Assert.StartsWith("✅ Đã ghi nhận", cluster.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "10"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "15"));
        Assert.StartsWith("✅ Đã ghi nhận", council19.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "19"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "18"));
        Assert.StartsWith("✅ Đã ghi nhận", dossier.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "12"));
        Assert.StartsWith("✅ Đã ghi nhận", convened.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "3"));
        Assert.StartsWith("✅ Đã ghi nhận", review.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "12"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "4"));
    }

    [Fact]
    public async Task Who_was_sent_the_matter_and_a_decision_put_up_are_no_part_of_the_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "122");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "123");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "124");

        // Sent to attend, with no "đi" between.
        var sent = await bot.SayAsync(committeeChat, "UBND xã đã cử đồng chí phó chủ tịch tham dự hội nghị sơ kết 6 tháng tại Cụm TĐKT rồi nhé");
        // "xong vụ …": the matter, not the "nhiệm vụ" or "nghiệp vụ" of other items.
        var matter = await bot.SayAsync(clinic, "tyt xong vụ xét khen thưởng năm 2025 rồi nhé");
        // "trình quyết định" puts a decision up; it is not the office approving ("duyệt") anything.
        var decision = await bot.SayAsync(committeeChat, "UBND xã đã họp xét khen thưởng thành tích năm 2025 cho các đơn vị, trình quyết định rồi");
        // "Chủ tịch hội em" went; the meeting is the commune's.
        var went = await bot.SayAsync(frontChat, "Chủ tịch hội em đi họp tổng kết thi đua của xã về rồi ạ");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "10"));
        Assert.StartsWith("✅ Đã ghi nhận", matter.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "3"));
        Assert.StartsWith("✅ Đã ghi nhận", decision.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "3"));
        Assert.StartsWith("✅ Đã ghi nhận", went.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "4"));
    }

    [Fact]
    public async Task The_office_asking_to_remind_everyone_gets_a_notice_to_send_not_a_list()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "125");
        await bot.LinkAsync(School, ChatRole.Head, "126");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "127");

        var everyone = await bot.SayAsync(office, "Nhắc các đơn vị nhớ gửi kế hoạch TĐKT năm 2026 về phòng trước ngày 30/1 nhé. Đơn vị nào vướng gì thì gọi chị.");
        var schools = await bot.SayAsync(office, "Nhắc các trường: hạn nộp kế hoạch năm học 2026-2027 là ngày mai nhé");
        // A unit head may not send notices to everyone.
        var unit = await bot.SayAsync(clinic, "nhắc giúp các đơn vị chưa nộp D1 khẩn trương gửi trước 30/1 nhé");

        Assert.StartsWith("Xem trước tin phát động gửi tất cả đơn vị", everyone.Text, StringComparison.Ordinal);
        // The notice is what follows whom it names, begun with a capital as a notice is.
        Assert.Contains("———\nNhớ gửi kế hoạch TĐKT năm 2026 về phòng trước ngày 30/1", everyone.Text, StringComparison.Ordinal);
        Assert.Contains(everyone.Buttons, b => b.Label == "📣 Gửi");
        Assert.StartsWith("Xem trước tin phát động gửi", schools.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("tất cả đơn vị", schools.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xem trước tin phát động gửi các đơn vị sự nghiệp giáo dục và đào tạo", schools.Text, StringComparison.Ordinal);
        Assert.Contains("———\nHạn nộp kế hoạch năm học 2026-2027 là ngày mai", schools.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Xem trước", unit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(unit.Buttons, b => b.Label == "📣 Gửi");
    }

    [Fact]
    public async Task The_office_asking_the_bot_to_remind_some_units_drafts_a_notice_for_those_it_names()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "156");
        await bot.LinkAsync(School, ChatRole.Head, "157");
        await bot.LinkAsync("Trường Mầm non Hoa Thám", ChatRole.Head, "158");
        await bot.LinkAsync(Clinic, ChatRole.Head, "159");

        // Asked of the bot first, the schools named by how many they are.
        var schools = await bot.SayAsync(office, "Nhờ bot nhắc 3 trường hạn nộp kế hoạch năm học là 15/10");
        // One unit by its short name, in a hurry.
        var clinic = await bot.SayAsync(office, "nhac tyt nop bc giup c");
        // Everyone, the notice after the colon.
        var everyone = await bot.SayAsync(office, "Gửi thông báo: đề nghị các đơn vị hoàn thiện hồ sơ đề nghị khen thưởng năm 2025 gửi về Phòng trước ngày 31/3");

        Assert.StartsWith("Xem trước tin phát động gửi các đơn vị sự nghiệp giáo dục và đào tạo: 2 cuộc trò chuyện của 2 đơn vị.", schools.Text, StringComparison.Ordinal);
        Assert.Contains("———\nHạn nộp kế hoạch năm học là 15/10\n———", schools.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xem trước tin phát động gửi Trạm Y tế xã: 1 cuộc trò chuyện của 1 đơn vị.", clinic.Text, StringComparison.Ordinal);
        Assert.Contains("———\nNop bc giup c\n———", clinic.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xem trước tin phát động gửi tất cả đơn vị: 4 cuộc trò chuyện", everyone.Text, StringComparison.Ordinal);
        Assert.Contains("———\nĐề nghị các đơn vị hoàn thiện hồ sơ", everyone.Text, StringComparison.Ordinal);
        Assert.All([schools, clinic, everyone], r => Assert.Contains(r.Buttons, b => b.Label == "📣 Gửi"));
    }

    [Fact]
    public async Task What_or_when_of_a_thing_the_plan_never_speaks_of_is_not_answered_with_the_unit_s_work()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "128");

        var rabies = await bot.SayAsync(clinic, "lịch tiêm phòng dại cho chó ở thôn Nà Pàn ngày nào vậy");
        // "nghi" alone is rest ("nghỉ"), never the "nghị" of "hội nghị".
        var holiday = await bot.SayAsync(clinic, "tet nay co quan minh nghi may ngay vay moi nguoi");
        // The plan's own thing, asked the same way, is answered.
        var training = await bot.SayAsync(clinic, "tập huấn nghiệp vụ thi đua ngày nào vậy");

        Assert.StartsWith("Xin lỗi, bot chưa hiểu", rabies.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xin lỗi, bot chưa hiểu", holiday.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 7:", training.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Words_of_counting_relating_and_following_written_without_marks_name_no_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "129");

        // "co" is "có", "theo doi" is "theo dõi": neither the "cơ quan" of D1 nor the "Đối với" of D2 (the schools' plan).
        var overdue = await bot.SayAsync(economyChat, "Chao bot, phong kinh te co viec nao tre han khong, toi ban qua khong theo doi duoc");

        Assert.Contains("30/01/2026", overdue.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("15/10/2026", overdue.Text, StringComparison.Ordinal);
        Assert.False(overdue.Text.StartsWith("Nhiệm vụ", StringComparison.Ordinal), overdue.Text);
    }

    [Fact]
    public async Task A_dossier_of_the_field_with_no_year_asks_which_commendation_unless_its_round_is_named()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 4, 16, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var preschoolChat = await bot.LinkAsync(preschool, ChatRole.Head, "130");
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "131");

        // "thi đua khen thưởng" is the name of the line of work: the dossier may be 2025's commendations (3) or the
        // school year's (13), and the bot asks.
        var unnamed = await bot.SayAsync(preschoolChat, "Trường MN đã gửi hồ sơ thi đua khen thưởng về phòng rồi ạ");
        // The round named ("đợt tháng 9") is the item due in it.
        var september = await bot.SayAsync(womenChat, "hoi phu nu da nop ho so thi dua khen thuong dot thang 9 r nhe");
        // A school year said ("năm học") is still the school year's dossier, and a year the commendations of that year.
        var schoolYear = await bot.SayAsync(preschoolChat, "trường mn đã gửi hồ sơ thi đua năm học rồi ạ");

        Assert.StartsWith("Đơn vị đã nộp việc nào?", unnamed.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 13", "NOP 3"], Confirmations(unnamed));
        Assert.StartsWith("✅ Đã ghi nhận", september.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "3"));
        Assert.StartsWith("✅ Đã ghi nhận", schoolYear.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "3"));
    }

    [Fact]
    public async Task The_commune_s_plan_named_as_what_holds_the_items_is_not_the_unit_s_own_plan()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "132");

        var letter = await bot.SayAsync(frontChat, "Kính gửi Phòng Văn hóa - Xã hội. Ủy ban MTTQ Việt Nam xã xin hỏi: theo Kế hoạch công tác thi đua, khen thưởng năm 2026, trong quý I đơn vị cần thực hiện những nội dung gì? Trân trọng cảm ơn.");
        var owed = await bot.SayAsync(frontChat, "mặt trận xã mình còn nợ việc gì trong kế hoạch thi đua không");
        var count = await bot.SayAsync(frontChat, "Kế hoạch năm 2026 có bao nhiêu nhiệm vụ");
        // The unit's own plan (D1) is still named by the same words.
        var own = await bot.SayAsync(frontChat, "kế hoạch công tác thi đua khen thưởng năm 2026 hạn nộp khi nào");

        Assert.StartsWith("Ủy ban MTTQ Việt Nam xã còn các việc sau chưa nộp (từ 01/01/2026 đến 31/03/2026)", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 4:", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 9:", letter.Text, StringComparison.Ordinal);
        Assert.StartsWith("Ủy ban MTTQ Việt Nam xã còn các việc sau chưa nộp:", owed.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 20:", owed.Text, StringComparison.Ordinal);
        Assert.StartsWith("Kế hoạch thi đua, khen thưởng năm 2026:", count.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 21:", count.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D1:", own.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ", own.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_to_fix_a_mistaken_report_gets_help_and_which_items_fall_due_today_gets_the_list()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "133");

        var howTo = await bot.SayAsync(clinic, "nếu báo nhầm thì sửa sao ạ");
        var today = await bot.SayAsync(clinic, "hom nay la han cuoi nhung viec nao");
        var when = await bot.SayAsync(clinic, "hạn cuối tổng kết phong trào thi đua khi nào");

        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", howTo.Text, StringComparison.Ordinal);
        Assert.StartsWith("Các việc có hạn ngày 31/12/2026:", today.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 16:", today.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 20:", today.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 20:", when.Text, StringComparison.Ordinal);
        Assert.Contains("hạn cuối là hôm nay", when.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_checked_with_phai_khong_answers_its_state_and_a_date_asked_as_one_or_another_answers_when()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "134");

        var check = await bot.SayAsync(farmers, "hội mình nộp kế hoạch rồi phải k ad");
        var which = await bot.SayAsync(farmers, "hạn nộp kế hoạch thi đua của hội là 30/1 hay 31/1 vậy chị");
        var dayAsked = await bot.SayAsync(farmers, "hội nghị sơ kết 6 tháng hội mình phải tổ chức trước ngày bao nhiêu");
        await bot.SayAsync(farmers, "đã nộp D1");
        var again = await bot.SayAsync(farmers, "Bên em nộp kế hoạch thi đua rồi phải không ạ, em nhớ mang máng là nộp rồi");

        Assert.Contains("Hội Nông dân xã chưa nộp.", check.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ", check.Text, StringComparison.Ordinal);
        Assert.Contains("30/01/2026", which.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ", which.Text, StringComparison.Ordinal);
        Assert.Contains("30/06/2026", dayAsked.Text, StringComparison.Ordinal);
        Assert.Contains("✅ Hội Nông dân xã đã nộp", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_named_in_another_word_order_and_two_deeds_joined_by_dong_thoi_are_confirmed()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "135");
        var head = await bot.LinkAsync(council, ChatRole.Head, "136");

        var meeting = await bot.SayAsync(farmers, "so ket 6 thang lam hoi nghi xong r");
        var both = await bot.SayAsync(head,
            "Hội đồng đã họp xét hồ sơ thi đua, khen thưởng thành tích năm 2026 và trình Chủ tịch UBND xã. Đồng thời đã tổng kết phong trào thi đua theo kế hoạch.");

        Assert.StartsWith("✅ Đã ghi nhận", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "4"));
        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "19"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "20"));
    }

    [Fact]
    public async Task A_report_corrected_as_it_is_written_records_what_stands_and_an_undo_by_words_on_another_day_asks_which()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string police = "Công an xã";
        const string preschool = "Trường Mầm non Hoa Thám";
        const string primary = "Trường Tiểu học Hoa Thám";
        var station = await bot.LinkAsync(police, ChatRole.Head, "137");
        var nursery = await bot.LinkAsync(preschool, ChatRole.Head, "138");
        var school = await bot.LinkAsync(primary, ChatRole.Head, "139");

        var corrected = await bot.SayAsync(station, "Công an xã gửi kế hoạch thi đua năm 2026 rồi nhé, à nhầm, gửi hồ sơ khen thưởng năm 2025 thôi, kế hoạch chưa xong");
        var withdrawn = await bot.SayAsync(nursery, "MN đã gửi kế hoạch năm học 2026-2027. À mà nhầm, chưa gửi, mai mới gửi ạ");
        var nothing = await bot.SayAsync(school, "trường tiểu học xin rút lại báo cáo hồ sơ khen thưởng");
        await bot.SayAsync(school, "/nop 13");
        bot.Clock.Advance(TimeSpan.FromDays(1));
        var earlier = await bot.SayAsync(school, "trường tiểu học xin rút lại báo cáo hồ sơ khen thưởng");

        Assert.StartsWith("✅ Đã ghi nhận", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(police, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(police, "D1"));
        Assert.DoesNotContain("Đã ghi nhận", withdrawn.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hủy", withdrawn.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "D2"));
        Assert.Equal("Trường Tiểu học Hoa Thám chưa xác nhận nộp việc nào nên không có gì để hủy.", nothing.Text);
        Assert.StartsWith("Bạn muốn hủy xác nhận việc nào?", earlier.Text, StringComparison.Ordinal);
        Assert.Equal(["HUY 13"], earlier.Buttons.Select(b => b.Command));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "13"));
    }

    [Fact]
    public async Task Deeds_joined_by_a_plus_or_a_bare_voi_are_all_recorded_and_a_delay_or_a_how_to_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        const string militia = "Ban Chỉ huy Quân sự xã";
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        const string economy = "Phòng Kinh tế";
        var guard = await bot.LinkAsync(militia, ChatRole.Head, "141");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "142");
        var school = await bot.LinkAsync(School, ChatRole.Head, "143");
        var league = await bot.LinkAsync(youth, ChatRole.Staff, "144");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "145");
        var economic = await bot.LinkAsync(economy, ChatRole.Head, "146");

        var both = await bot.SayAsync(guard, "ban chỉ huy quân sự gửi hồ sơ khen thưởng năm 2025 với tổ chức hội nghị tổng kết rồi đồng chí nhé");
        var three = await bot.SayAsync(clinic, "TYT xong hồ sơ khen thưởng năm 2025 + hội nghị tổng kết + kế hoạch năm 2026 rồi ạ");
        var meeting = await bot.SayAsync(school, "THCS: đã họp tổng kết. hs khen 2025 mới xong 2/3, cuối tuần nộp");
        var late = await bot.SayAsync(league, "Đoàn xã xin lỗi phòng, kế hoạch năm 2026 bên em chậm 1-2 hôm nữa ạ");
        var how = await bot.SayAsync(office, "làm sao để xem danh sách đơn vị chưa nộp?");
        await bot.SayAsync(economic, "Phòng KT đã họp tổng kết, nộp hồ sơ khen thưởng năm 2025");
        var reported = (await bot.StatusAsync(economy, "3"), await bot.StatusAsync(economy, "4"));
        var undone = await bot.SayAsync(economic, "bỏ cả 2 cái vừa báo giúp anh, anh nhìn nhầm sổ");

        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(militia, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(militia, "4"));
        Assert.StartsWith("✅ Đã ghi nhận", three.Text, StringComparison.Ordinal);
        foreach (var item in new[] { "3", "4", "D1" })
        {
            Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, item));
        }

        Assert.StartsWith("✅ Đã ghi nhận", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "3"));
        Assert.Equal(TdktBot.Core.Conversations.ReplyTexts.Later, late.Text);
        Assert.Contains("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
        Assert.Equal((ObligationStatus.Submitted, ObligationStatus.Submitted), reported);
        Assert.Contains("Đã hủy", undone.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "4"));
    }

    [Fact]
    public async Task A_plan_waiting_to_be_signed_is_not_handed_in_and_asking_how_to_type_takes_nothing_back()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        var economic = await bot.LinkAsync(economy, ChatRole.Head, "147");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "148");

        var drafted = await bot.SayAsync(economic, "phòng kinh tế xây dựng xong kế hoạch thi đua rồi, đang trình lãnh đạo ký");
        var submitted = await bot.SayAsync(clinic, "/nop D1");
        var typing = await bot.SayAsync(clinic, "gõ sao để xem hạn vậy bạn");

        Assert.Equal(TdktBot.Core.Conversations.ReplyTexts.Later, drafted.Text);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "D1"));
        Assert.StartsWith("✅ Đã ghi nhận", submitted.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", typing.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "D1"));
    }

    [Fact]
    public async Task Central_speech_the_office_asking_after_an_item_it_does_not_owe_and_news_beside_a_question_are_understood()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        const string police = "Công an xã";
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        const string secretariat = "Văn phòng HĐND và UBND xã";
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "149");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Staff, "150");
        var station = await bot.LinkAsync(police, ChatRole.Staff, "151");
        var school = await bot.LinkAsync(School, ChatRole.Head, "152");
        var league = await bot.LinkAsync(youth, ChatRole.Staff, "153");
        var clerks = await bot.LinkAsync(secretariat, ChatRole.Head, "154");
        var commune = await bot.LinkAsync(committee, ChatRole.Head, "155");

        var owing = await bot.SayAsync(office, "còn D2?");
        var left = await bot.SayAsync(farmers, "hội nông dân chừ còn chi nữa không");
        var when = await bot.SayAsync(station, "công an xã răng chưa thấy nhắc hồ sơ khen thưởng năm 2025 rứa, hạn nộp khi mô");
        var rest = await bot.SayAsync(school, "trường thcs còn phải nộp mấy cái nữa thế, chiều nay em gửi nốt kh năm học");
        var after = await bot.SayAsync(league, "sau tết mới làm hồ sơ khen thưởng đc");
        var how = await bot.SayAsync(clerks, "Văn phòng HĐND - UBND xã cho hỏi: hội nghị sơ kết 6 tháng có phải từng đơn vị tổ chức riêng không?");
        var launched = await bot.SayAsync(commune, "ok, phát động rồi nhé");

        Assert.Contains("- " + School, owing.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("không phải thực hiện", owing.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hội Nông dân xã còn các việc sau chưa nộp:", left.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: ", when.Text, StringComparison.Ordinal);
        Assert.Contains("31/03/2026", when.Text, StringComparison.Ordinal);
        Assert.StartsWith("Trường THCS Hoa Thám còn các việc sau chưa nộp:", rest.Text, StringComparison.Ordinal);
        Assert.Contains("D2", rest.Text, StringComparison.Ordinal);
        Assert.Equal(TdktBot.Core.Conversations.ReplyTexts.Later, after.Text);
        Assert.StartsWith("Nhiệm vụ 9:", how.Text, StringComparison.Ordinal);
        Assert.Contains(launched.Buttons, b => b.Command == "NOP 1");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "1"));
    }

    [Fact]
    public async Task An_apology_for_being_late_is_no_failure_and_a_different_paper_still_to_come_leaves_the_report_standing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 31, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "160");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "161");

        // «xin lỗi» holds «lỗi» (an error), but here it says sorry.
        var late = await bot.SayAsync(farmers, "e xin lỗi hơi muộn, hôm qua hội nd đã gửi kế hoạch thi đua năm 2026 qua email phòng vhxh rồi ạ");
        // The meeting is held; the dossier, another thing, goes next week.
        var meeting = await bot.SayAsync(clinic, "trạm đã tổ chức hội nghị tổng kết, hồ sơ khen thưởng tuần sau mới gửi được");

        Assert.StartsWith("✅ Đã ghi nhận", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));
        Assert.StartsWith("✅ Đã ghi nhận", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "3"));
    }

    [Fact]
    public async Task Questions_trailing_a_remark_are_asked_and_a_year_end_report_of_last_year_s_meeting_asks_which()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        const string veterans = "Hội Cựu chiến binh xã";
        var school = await bot.LinkAsync(School, ChatRole.Head, "162");
        var board = await bot.LinkAsync(council, ChatRole.Head, "163");
        var elders = await bot.LinkAsync(veterans, ChatRole.Head, "164");

        // «chưa vậy c», «chưa nhỉ»: asked, whatever remark follows.
        var d2 = await bot.SayAsync(school, "trường mình nộp D2 chưa vậy c, thầy hiệu trưởng đang hỏi");
        var scoring = await bot.SayAsync(board, "hội đồng chấm điểm thi đua cụm xong chưa nhỉ e quên mất");
        // «do phòng VHXH tổng hợp»: the office did a part for the council, which reports.
        var dossiers = await bot.SayAsync(board, "Hội đồng đã họp xét hồ sơ thi đua, khen thưởng thành tích năm 2026 do phòng VHXH tổng hợp, thẩm định trình lên");
        // In December «họp tổng kết» with no year may be last year's meeting (item 4) or this year's review itself (20), not its guide (16).
        var review = await bot.SayAsync(elders, "hội đã họp tổng kết rồi đấy, ghi nhận cho hội ccb nhé");

        Assert.DoesNotContain("Đã ghi nhận", d2.Text, StringComparison.Ordinal);
        Assert.Contains("D2", d2.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D2"));
        Assert.DoesNotContain("Đã ghi nhận", scoring.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 18", scoring.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "18"));
        Assert.StartsWith("✅ Đã ghi nhận", dossiers.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "19"));
        Assert.DoesNotContain("Đã ghi nhận", review.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 20", "NOP 4"], Confirmations(review));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "20"));
    }

    [Fact]
    public async Task A_notice_for_several_named_units_or_a_group_reaches_those_it_names()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 27, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "165");
        await bot.LinkAsync(Farmers, ChatRole.Head, "166");
        await bot.LinkAsync("Hội Cựu chiến binh xã", ChatRole.Head, "167");
        await bot.LinkAsync("Công an xã", ChatRole.Head, "168");
        await bot.LinkAsync(Clinic, ChatRole.Head, "169");

        var three = await bot.SayAsync(office, "Nhắc giúp chị Hội Nông dân, Hội CCB với Công an xã: hạn gửi kế hoạch TĐKT 2026 là 30/01, còn 3 hôm nữa thôi");
        var groups = await bot.SayAsync(office, "Nhắn các đơn vị khối đoàn thể: đề nghị hoàn thành tổng kết phong trào thi đua trước ngày 25/12");

        Assert.StartsWith("Xem trước tin phát động gửi Hội Nông dân xã, Hội Cựu chiến binh xã, Công an xã: 3 cuộc trò chuyện của 3 đơn vị.", three.Text, StringComparison.Ordinal);
        Assert.Contains("———\nHạn gửi kế hoạch TĐKT 2026 là 30/01, còn 3 hôm nữa thôi\n———", three.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xem trước tin phát động gửi Mặt trận Tổ quốc và các tổ chức chính trị - xã hội: 2 cuộc trò chuyện của 2 đơn vị.", groups.Text, StringComparison.Ordinal);
        Assert.All([three, groups], r => Assert.Contains(r.Buttons, b => b.Label == "📣 Gửi"));

        // Whom the directory does not know: the office is told what was wrong and what to write, and nothing is drafted.
        var unknown = await bot.SayAsync(office, "/phatdong tổ dân phố Nà Pàn: họp lúc 8:00");
        Assert.StartsWith("Không tìm thấy nhóm hay đơn vị «tổ dân phố Nà Pàn». Các nhóm:", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("tên đơn vị trong danh sách", unknown.Text, StringComparison.Ordinal);
        Assert.Empty(unknown.Buttons);
    }

    [Fact]
    public async Task How_long_is_left_how_far_along_and_a_report_dropped_as_written_change_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 5, 19, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "170");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "171");
        var economic = await bot.LinkAsync(economy, ChatRole.Head, "172");

        // «bao lâu» holds «báo»: it asks how long, it reports nothing.
        var left = await bot.SayAsync(farmers, "nd con bao lau nua het han nv9");
        // «đến đâu rồi, xong chưa» asks how far along the group is.
        var along = await bot.SayAsync(office, "MTTQ và các đoàn thể nộp nv 13 đến đâu rồi, xong chưa");
        // The writer corrects themself and drops it all.
        var dropped = await bot.SayAsync(economic, "phòng kt đã tổ chức sơ kết rồi, à mà khoan, cái đó là hội nghị sơ kết kinh tế quý 2 chứ ko phải thi đua, thôi bỏ qua");

        Assert.Contains("30/06/2026", left.Text, StringComparison.Ordinal);
        Assert.Contains("(còn 42 ngày)", left.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "9"));
        Assert.DoesNotContain("✅", along.Text, StringComparison.Ordinal);
        Assert.Contains(Farmers, along.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "13"));
        Assert.StartsWith("Bot đã đọc tin nhắn.", dropped.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "9"));
    }

    [Fact]
    public async Task A_forwarded_call_is_not_who_reports_and_a_launch_alone_asks_before_confirming_the_plan()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var union = await bot.LinkAsync(women, ChatRole.Head, "173");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "174");

        // The call forwarded names the Front and the organisations; the writer's own line reports the union's dossier.
        var forwarded = await bot.SayAsync(union, "Fwd: \"Kính gửi MTTQ và các đoàn thể, đề nghị hoàn thiện hồ sơ thi đua năm học 2025-2026 trình HĐ TĐKT xã trước 30/9\"\nHội PN nộp hôm qua rồi nha bot");
        // Launching the movement is part of the unit's plan (D1) and the whole of the commune's launch (item 1): it asks.
        var launch = await bot.SayAsync(farmers, "hoi nd da phat dong phong trao thi dua r");

        Assert.StartsWith("✅ Đã ghi nhận", forwarded.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "13"));
        Assert.DoesNotContain("✅", launch.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP D1"], Confirmations(launch));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task In_December_a_review_meeting_without_a_year_asks_a_report_denied_as_written_changes_nothing_and_a_wrong_group_is_no_undo()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 14, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        const string police = "Công an xã";
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        const string veterans = "Hội Cựu chiến binh xã";
        var school = await bot.LinkAsync(primary, ChatRole.Head, "175");
        var station = await bot.LinkAsync(police, ChatRole.Head, "176");
        var board = await bot.LinkAsync(council, ChatRole.Head, "177");
        var chair = await bot.LinkAsync(veterans, ChatRole.Head, "178");

        // Last year's meeting (4) is long due, this year's review (20) is due now: which one, the bot asks.
        var meeting = await bot.SayAsync(school, "Trường Tiểu học đã tổ chức hội nghị tổng kết rồi ạ.");
        // «à mà chưa»: the report is taken back in the same message.
        var denied = await bot.SayAsync(station, "dạ công an xã đã tổ chức tổng kết phong trào thi đua năm 2026 ạ, à mà chưa, mới là họp chuẩn bị thôi, tuần sau mới tổ chức chính thức");
        // The council's own report: «UBND tỉnh» is the province's committee, and «họp cụm số 2» the cluster's sitting of item 18.
        var flag = await bot.SayAsync(board, "Hội đồng TĐKT xã đã họp chấm điểm thi đua và cử đồng chí Phó Chủ tịch tham gia họp cụm số 2 hôm qua, đề nghị Chủ tịch UBND tỉnh tặng cờ cho đơn vị đứng đầu cụm. Xin báo để cập nhật.");
        var guide = await bot.SayAsync(chair, "hội ccb nộp nv 16 rồi");
        var wrongChat = await bot.SayAsync(chair, "Xin lỗi, tôi gửi nhầm nhóm.");

        Assert.DoesNotContain("✅", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 20", "NOP 4"], Confirmations(meeting));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "20"));
        Assert.StartsWith("Bot đã đọc tin nhắn.", denied.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(police, "20"));
        Assert.StartsWith("✅ Đã ghi nhận", flag.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "18"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "6"));
        Assert.StartsWith("✅ Đã ghi nhận", guide.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hủy", wrongChat.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "16"));
    }

    [Fact]
    public async Task A_dossier_compiled_but_sent_next_week_is_not_reported_and_a_review_meeting_in_November_asks()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string economy = "Phòng Kinh tế";
        var union = await bot.LinkAsync(women, ChatRole.Head, "179");
        var office = await bot.LinkAsync(economy, ChatRole.Head, "180");

        var compiled = await bot.SayAsync(union, "hội tổng hợp xong hồ sơ khen thưởng rồi nhưng chưa thẩm định, chắc tuần sau mới nộp");
        var meeting = await bot.SayAsync(office, "phòng kt họp hội nghị tổng kết thi đua xong rồi nha");

        Assert.StartsWith("Bot đã đọc tin nhắn.", compiled.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "13"));
        Assert.DoesNotContain("✅", meeting.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 20", "NOP 4"], Confirmations(meeting));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "4"));
    }

    [Fact]
    public async Task Two_months_said_together_are_one_stretch_to_the_end_of_the_second()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "181");

        var months = await bot.SayAsync(farmers, "Hội Nông dân xã còn phải làm những gì trong tháng 11 với tháng 12?");

        Assert.Contains("từ 01/11/2026 đến 31/12/2026", months.Text, StringComparison.Ordinal);
        Assert.Contains("Tổng kết phong trào thi đua", months.Text, StringComparison.Ordinal);
        Assert.Contains("Hướng dẫn tổng kết", months.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_campaign_outside_the_plan_typed_without_marks_confirms_nothing_and_a_wish_lends_the_question_no_day()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 4, 9, 9, 0, 0, TimeSpan.FromHours(7)));
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var union = await bot.LinkAsync(youth, ChatRole.Head, "182");
        var school = await bot.LinkAsync("Trường Tiểu học Hoa Thám", ChatRole.Head, "183");

        // «tháng thanh niên» typed without marks is no «hoàn thành thắng lợi» of item 1.
        var campaign = await bot.SayAsync(union, "xa doan xong dot thi dua thang thanh nien r nha 💪");
        // The day of the wish is not the day asked about: what is overdue is what is overdue now.
        var wish = await bot.SayAsync(school, "hôm nay 9/4 chúc các thầy cô trong nhóm ngày vui 😄 mà cho e hỏi trường e còn việc nào quá hạn ko ạ");

        Assert.StartsWith("Đơn vị đã nộp việc nào?", campaign.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("NOP 1", Confirmations(campaign));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(youth, "D1"));
        Assert.Contains("D1", wish.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("09/04/2026", wish.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_goes_which_month_including_the_late_ones_and_a_report_passed_on_for_another_unit_are_read_as_meant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var preschool = await bot.LinkAsync("Trường Mầm non Hoa Thám", ChatRole.Head, "184");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "185");
        var school = await bot.LinkAsync("Trường THCS Hoa Thám", ChatRole.Head, "186");

        var owed = await bot.SayAsync(preschool, "truong mn con no nhung gi, tinh ca cai qua han");
        var month = await bot.SayAsync(farmers, "hội nghị sơ kết 6 tháng tại cụm TĐKT hạn tháng mấy nhỉ");
        var whom = await bot.SayAsync(farmers, "bc so ket 6 thang dau nam la bc gi, gui cho ai");
        var passedOn = await bot.SayAsync(school, "bên hội CCB nhờ e báo giúp là họ nộp kh thi đua rồi, bot ghi nhận cho họ nhé");

        // «tính cả cái quá hạn»: the late ones among the rest, not the late ones alone.
        Assert.Contains("Nhiệm vụ 3:", owed.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 9:", owed.Text, StringComparison.Ordinal);
        // «hạn tháng mấy» asks the month: the item's date, not a list of April.
        Assert.StartsWith("Nhiệm vụ 10:", month.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: Thứ Ba, 30/06/2026", month.Text, StringComparison.Ordinal);
        // «gửi cho ai» asks about the report, not which units owe it.
        Assert.StartsWith("Nhiệm vụ 8:", whom.Text, StringComparison.Ordinal);
        // «nhờ em báo giúp là …»: a report for another unit, which the bot does not take from this chat.
        Assert.StartsWith("Tin nhắn nhắc đến Hội Cựu chiến binh xã", passedOn.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường THCS Hoa Thám", "D1"));
    }

    [Fact]
    public async Task A_meeting_only_scheduled_a_report_asked_to_be_checked_an_item_kept_and_a_number_beside_another_items_words_change_nothing_unmeant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 8, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "187");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "188");
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "189");
        var office = await bot.LinkAsync(Office, ChatRole.Head, "190");

        var scheduled = await bot.SayAsync(farmers, "dạ anh ơi cái hội nghị sơ kết bên em mới lên lịch ngày 15/7 thôi ạ, chưa họp đâu");
        var check = await bot.SayAsync(frontChat, "d1 mt nộp r mà, sao phòng vh vẫn gọi nhắc v? kiểm tra giúp mặt trận đã nộp d1 chưa");
        await bot.SayAsync(womenChat, "/nop 9");
        await bot.SayAsync(womenChat, "/nop 13");
        var kept = await bot.SayAsync(womenChat, "ơ mục 13 là hồ sơ khen các trường à, thế bỏ 13 đi nhé, chỉ giữ mục 9 thôi");
        var slip = await bot.SayAsync(office, "nv 10 to chuc hoi nghi so ket 6 thang dau nam phong lam ngay 29/6 roi, gio moi bao");
        var noSuchNumber = await bot.SayAsync(office, "nv 22 ban hành kế hoạch năm 2027 hạn khi nào");

        // A meeting set for a day to come is not held.
        Assert.StartsWith("Bot đã đọc tin nhắn.", scheduled.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "9"));
        // The writer asks the bot to look D1 up: an answer, and nothing stored.
        Assert.DoesNotContain("Đã ghi nhận", check.Text, StringComparison.Ordinal);
        Assert.StartsWith("Hạn nộp D1:", check.Text, StringComparison.Ordinal);
        Assert.Contains("Ủy ban MTTQ Việt Nam xã chưa nộp", check.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "D1"));
        // «chỉ giữ mục 9»: 13 is taken back, 9 stays.
        Assert.Contains("13", kept.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "13"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "9"));
        // Item 10's number beside item 9's words: the bot asks which, and stores nothing.
        Assert.Equal(["NOP 10", "NOP 9"], Confirmations(slip));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "10"));
        // The plan has no item 22: the words say which one is asked about.
        Assert.StartsWith("Nhiệm vụ 21:", noSuchNumber.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dictated_numbers_and_items_taken_back_in_everyday_words_change_what_was_meant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "191");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "192");

        var dictated = await bot.SayAsync(clinic, "trạm y tế xã hoa thám báo cáo đã làm xong mục mười ba rồi ạ");
        await bot.SayAsync(frontChat, "/nop 16");
        await bot.SayAsync(frontChat, "/nop 20");
        var takenBack = await bot.SayAsync(frontChat, "cái 16 thì đúng rồi, còn 20 báo sớm quá, mặt trận chưa tổng kết, bỏ 20 ra giùm");
        var holiday = await bot.SayAsync(clinic, "nghỉ lễ quốc khánh xong rồi, còn mấy ngày nữa là hết hạn nv 16 hả em");

        Assert.StartsWith("✅ Đã ghi nhận", dictated.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "13"));
        Assert.Contains("20", takenBack.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "20"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "16"));
        // The holiday over is no report: the days left of item 16 are told.
        Assert.StartsWith("Nhiệm vụ 16:", holiday.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "16"));
    }

    [Fact]
    public async Task A_correction_mid_message_and_staff_sent_along_from_another_unit_confirm_what_the_writer_meant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string militia = "Ban Chỉ huy Quân sự xã";
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var militiaChat = await bot.LinkAsync(militia, ChatRole.Head, "193");
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "194");
        var nothingYet = await bot.LinkAsync(Farmers, ChatRole.Head, "195");

        var corrected = await bot.SayAsync(militiaChat, "Ban CHQS đã xong nv 13, à k phải, xong hội nghị sơ kết (nv 9) ạ, còn 13 thì đang làm");
        var meant = await bot.SayAsync(militiaChat, "BCHQS xong nv 16 r, ý e là nv 20 🙏 16 thì chưa");
        var sentAlong = await bot.SayAsync(committeeChat, "bc: UBND đã cử đ/c PCT cùng cán bộ VH-XH dự hội nghị sơ kết phong trào thi đua, công tác khen thưởng cụm số 2 ngày 15/9");
        var undoNothing = await bot.SayAsync(nothingYet, "lúc nãy e báo nhầm việc, bot xóa giúp e");

        Assert.StartsWith("✅ Đã ghi nhận", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(militia, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(militia, "13"));
        Assert.StartsWith("✅ Đã ghi nhận", meant.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(militia, "20"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(militia, "16"));
        // The committee reports its own attendance; the office's staff only went along.
        Assert.StartsWith("✅ Đã ghi nhận", sentAlong.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "15"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "15"));
        // Nothing confirmed: the bot says so, and nothing changes.
        Assert.Equal("Hội Nông dân xã chưa xác nhận nộp việc nào nên không có gì để hủy.", undoNothing.Text);

        // A second item joined on by its own verb is confirmed too; «bỏ hết» takes back every one the words fit.
        const string economy = "Phòng Kinh tế";
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "196");
        var joined = await bot.SayAsync(nothingYet, "hội nông dân đã nộp D1 với làm xong 9 rồi");
        await bot.SayAsync(economyChat, "phòng kinh tế đã xong nhiệm vụ 16");
        await bot.SayAsync(economyChat, "phòng kinh tế đã xong nhiệm vụ 20");
        var both = await bot.SayAsync(economyChat, "ấy chết, bấm nhầm cả 2 cái, phòng chưa tổng kết gì cả, bỏ hết giúp");

        Assert.StartsWith("✅ Đã ghi nhận", joined.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "9"));
        Assert.Empty(Confirmations(both));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "16"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "20"));
    }

    [Fact]
    public async Task A_unit_turned_to_a_sending_still_to_come_and_a_reminder_not_theirs_change_nothing_and_two_deeds_in_words_are_both_confirmed()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        const string veterans = "Hội Cựu chiến binh xã";
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "197");
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "198");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "199");
        var office = await bot.LinkAsync(Office, ChatRole.Head, "200");

        var tomorrow = await bot.SayAsync(veteransChat, "bên cựu chiến binh soạn xong bản kế hoạch rồi, đang đánh máy lại cho sạch, chiều mai gửi");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 2, 6, 9, 0, 0, TimeSpan.FromHours(7)));
        var late = await bot.SayAsync(economyChat, "Phòng KT đã gửi bản kế hoạch TĐKT 2026 có chữ ký lên rồi, trễ mấy hôm mong phòng VHXH thông cảm");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.FromHours(7)));
        await bot.SayAsync(veteransChat, "/nop 13");
        var notOurs = await bot.SayAsync(veteransChat, "tin nhắn D2 gửi nhầm cho hội ccb rồi, cái này bên tôi ko phải làm");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(7)));
        var twoDeeds = await bot.SayAsync(farmers, "hội nông dân báo hai việc cuối năm là hướng dẫn tổng kết với tổng kết phong trào thi đua đã xong cả rồi nhá");
        var sentUp = await bot.SayAsync(office, "phòng mình ban hành kế hoạch TĐKT 2027 rồi nha, gửi báo cáo tổng kết công tác TĐKT 2026 lên trên luôn rồi");

        // Made, but it goes tomorrow: nothing is stored yet.
        Assert.StartsWith("Bot đã đọc tin nhắn.", tomorrow.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "D1"));
        // The office it asks to forgive the delay did not send it: the writer's own plan is confirmed.
        Assert.StartsWith("✅ Đã ghi nhận", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "D1"));
        // A reminder that was not theirs takes nothing back.
        Assert.DoesNotContain("hủy", notOurs.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "13"));
        // Two deeds named by their words: both confirmed, both named.
        Assert.StartsWith("✅ Đã ghi nhận", twoDeeds.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "16"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "20"));
        Assert.StartsWith("✅ Đã ghi nhận", sentUp.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "21"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "17"));
    }

    [Fact]
    public async Task A_report_beside_a_complaint_of_reminders_is_confirmed_and_a_reminder_asked_for_confirms_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        const string police = "Công an xã";
        const string front = "Ủy ban MTTQ Việt Nam xã";
        const string councilOffice = "Văn phòng HĐND và UBND xã";
        var policeChat = await bot.LinkAsync(police, ChatRole.Head, "201");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "202");
        var officeChat = await bot.LinkAsync(councilOffice, ChatRole.Head, "203");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "204");
        var office = await bot.LinkAsync(Office, ChatRole.Head, "205");

        var stopIt = await bot.SayAsync(policeChat, "Bên CA xã đã gửi KH thi đua 2026 về phòng VHXH hôm 28/1 rồi, đề nghị bot đừng nhắc nữa");
        var insisting = await bot.SayAsync(frontChat, "bot nhắc 3 lần 1 ngày rồi đấy, phiền quá. mà kế hoạch thi đua của mặt trận gửi từ hôm thứ 3 rồi còn gì");
        var remindAgain = await bot.SayAsync(office, "Hội ND bảo chiều nay mới nộp KH, nhắc lại giúp mình cuối giờ");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        var gotIt = await bot.SayAsync(officeChat, "nhận được tin nhắc rồi. VP đã làm nv 3, 4 từ giữa tháng 3 mà quên chưa báo, giờ báo luôn");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var again = await bot.SayAsync(policeChat, "bot nhắc hoài vụ hội nghị sơ kết, công an xã họp từ 26/6 rồi mà. ghi nhận giúp cái cho xong");
        var which = await bot.SayAsync(farmers, "nhắc hoài, nộp từ tuần trước rồi mà sao còn nhắc vậy");

        Assert.StartsWith("✅ Đã ghi nhận", stopIt.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(police, "D1"));
        Assert.StartsWith("✅ Đã ghi nhận", insisting.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "D1"));
        // A reminder asked for is no report of the association's.
        Assert.DoesNotContain("Đã ghi nhận", remindAgain.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
        Assert.StartsWith("✅ Đã ghi nhận", gotIt.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(councilOffice, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(councilOffice, "4"));
        Assert.StartsWith("✅ Đã ghi nhận", again.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(police, "9"));
        // Handed in, but what? The bot asks which, and stores nothing.
        Assert.StartsWith("Đơn vị đã nộp việc nào?", which.Text, StringComparison.Ordinal);
        Assert.Contains("NOP D1", Confirmations(which));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task Days_ahead_and_since_the_quarter_began_narrow_the_answer_and_a_notice_asked_of_the_bot_is_drafted()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 21, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "206");
        var school = await bot.LinkAsync(School, ChatRole.Head, "207");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "208");
        await bot.LinkAsync("Trường Mầm non Hoa Thám", ChatRole.Head, "209");

        var tenDays = await bot.SayAsync(frontChat, "trong 10 ngay toi mat tran co han nao ko");
        var fiveDays = await bot.SayAsync(frontChat, "trong 5 ngày tới mặt trận có hạn nào không");
        await bot.SayAsync(school, "/nop D1");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.FromHours(7)));
        var sinceQuarter = await bot.SayAsync(school, "từ đầu quý tới nay trường đã nộp được những gì rồi bot");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        var notice = await bot.SayAsync(office, "Bot ơi soạn giúp thông báo nhắc 3 trường gửi kế hoạch TĐKT năm học 2026-2027 trước 15/10");

        // D1 falls due on 30/01: within ten days, not within five.
        Assert.Contains("D1", tenDays.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("D1", fiveDays.Text, StringComparison.Ordinal);
        // From the quarter's first day to today, with the plan sent in January.
        Assert.Contains("từ 01/01/2026 đến 09/03/2026", sinceQuarter.Text, StringComparison.Ordinal);
        Assert.Contains("D1", sinceQuarter.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xem trước tin phát động gửi các đơn vị sự nghiệp giáo dục và đào tạo", notice.Text, StringComparison.Ordinal);
        Assert.Contains(notice.Buttons, b => b.Label == "📣 Gửi");
    }

    [Fact]
    public async Task Before_tet_runs_to_the_eve_of_the_next_lunar_new_year()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "210");

        var beforeTet = await bot.SayAsync(school, "trước Tết trường mình còn phải nộp những gì");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(7)));
        var toNextTet = await bot.SayAsync(school, "từ nay đến tết nguyên đán trường còn việc gì");

        // Tết 2026 is 17/02: the plan due 30/01 is listed, the first quarter's work due 31/03 is not.
        Assert.Contains("đến 16/02/2026", beforeTet.Text, StringComparison.Ordinal);
        Assert.Contains("D1", beforeTet.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("31/03/2026", beforeTet.Text, StringComparison.Ordinal);
        // At the year's end, Tết is next year's, on 06/02/2027.
        Assert.Contains("đến 06/02/2027", toNextTet.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_a_paper_went_half_a_report_taken_back_and_files_still_to_go_are_read_as_meant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "211");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "212");
        var school = await bot.LinkAsync(School, ChatRole.Head, "213");
        const string primary = "Trường Tiểu học Hoa Thám";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "214");

        var sentOver = await bot.SayAsync(clinic, "Chào bot, trạm y tế đã gửi kế hoạch thi đua khen thưởng năm 2026 sang phòng văn hóa xã hội sáng nay rồi nhé");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 17, 9, 0, 0, TimeSpan.FromHours(7)));
        var both = await bot.SayAsync(farmers, "Hội nông dân đã tổ chức hội nghị tổng kết (nv 4) và nộp hồ sơ khen thưởng năm 2025 (nv 3) luôn");
        var half = await bot.SayAsync(farmers, "cái vừa rồi sai 1 nửa: hồ sơ khen thưởng chưa nộp, chỉ hủy phần đó thôi nhé");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 5, 6, 9, 0, 0, TimeSpan.FromHours(7)));
        var filesNextWeek = await bot.SayAsync(school, "ket thuc nam hoc roi, truong c2 da hop hoi dong thi dua binh xet danh hieu LDTT, CSTDCS cho giao vien, tuan sau moi nop ho so len xa");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 9, 23, 9, 0, 0, TimeSpan.FromHours(7)));
        var draft = await bot.SayAsync(school, "Đầu năm học mới trường đã họp hội đồng sư phạm triển khai nhiệm vụ, xây dựng xong dự thảo kế hoạch thi đua năm học 2026-2027, đang chờ công đoàn góp ý");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var corrected = await bot.SayAsync(primaryChat, "Trường TH báo cáo đã hoàn thành nv 16 và nv 20. À nhầm, nv 20 chưa, mới xong 16 thôi");

        // The office named is where the plan went; the health station sent it.
        Assert.StartsWith("✅ Đã ghi nhận", sentOver.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "D1"));
        // «sai 1 nửa» is half, not item 1: only the commendation files are taken back, the conference stays.
        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "4"));
        Assert.DoesNotContain("Đã ghi nhận", half.Text, StringComparison.Ordinal);
        // The council met; the files go in next week. A teachers' council and a draft are no report of the dossiers.
        Assert.DoesNotContain("Đã ghi nhận", filesNextWeek.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã ghi nhận", draft.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D2"));
        // Corrected while written: 16 is done, 20 is not.
        Assert.StartsWith("✅ Đã ghi nhận", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "16"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "20"));
    }

    [Fact]
    public async Task A_new_year_wish_before_a_report_and_where_the_calendar_stands_before_a_question()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 23, 9, 0, 0, TimeSpan.FromHours(7)));
        const string police = "Công an xã";
        const string councilOffice = "Văn phòng HĐND và UBND xã";
        var policeChat = await bot.LinkAsync(police, ChatRole.Head, "216");
        var officeChat = await bot.LinkAsync(councilOffice, ChatRole.Head, "217");

        var wished = await bot.SayAsync(policeChat, "Chúc mừng năm mới! Ngày đầu đi làm lại, Công an xã báo cáo đã gửi hồ sơ đề nghị khen thưởng thành tích năm 2025 về Hội đồng TĐKT xã.");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        var quarter = await bot.SayAsync(officeChat, "Mai hết quý 1 rồi, quý này văn phòng còn thiếu gì không bot");

        // «Mai hết quý 1 rồi» says where the calendar stands; the question is about the whole quarter, the plan due 30/01 too.
        Assert.Contains("01/01/2026", quarter.Text, StringComparison.Ordinal);
        Assert.Contains("D1", quarter.Text, StringComparison.Ordinal);
        // A wish for the new year congratulates no one on the work: the report is the writer's.
        Assert.StartsWith("✅ Đã ghi nhận", wished.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(police, "3"));
    }

    [Fact]
    public async Task How_or_where_to_do_an_item_named_is_answered_with_what_the_item_says()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "218");
        var school = await bot.LinkAsync(primary, ChatRole.Head, "219");

        var where = await bot.SayAsync(farmers, "nhiem vu 5 la du hoi nghi o dau the");
        var organiseOrAttend = await bot.SayAsync(school, "Dạ cho em hỏi nhiệm vụ 4 tổ chức hội nghị tổng kết là trường tự tổ chức hay đi dự ở xã ạ");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var two = await bot.SayAsync(school, "nv16 với nv20 là gì, tr mình phải làm ntn");

        Assert.Contains("tỉnh Lạng Sơn", where.Text, StringComparison.Ordinal);
        Assert.Contains("Tổ chức Hội nghị tổng kết công tác TĐKT năm 2025", organiseOrAttend.Text, StringComparison.Ordinal);
        Assert.Contains("Hướng dẫn tổng kết", two.Text, StringComparison.Ordinal);
        Assert.Contains("Tổng kết phong trào thi đua", two.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/huy", where.Text + organiseOrAttend.Text + two.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_handed_to_a_person_of_the_office_is_the_writer_s_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string military = "Ban Chỉ huy Quân sự xã";
        var militaryChat = await bot.LinkAsync(military, ChatRole.Head, "220");

        var handed = await bot.SayAsync(militaryChat, "Ban CHQS xã đã nộp KH thi đua năm 2026 bản giấy cho đ/c Hương phòng VHXH r nhé");

        Assert.StartsWith("✅ Đã ghi nhận", handed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(military, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "D1"));
    }

    [Fact]
    public async Task A_story_around_a_request_to_record_reports_the_deed_it_tells_and_counts_no_one_present()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string military = "Ban Chỉ huy Quân sự xã";
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "221");
        var militaryChat = await bot.LinkAsync(military, ChatRole.Head, "222");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "223");

        var told = await bot.SayAsync(womenChat, "Chào bot ạ. Sáng thứ 6 vừa rồi hội đã tổ chức hội nghị sơ kết thi đua 6 tháng đầu năm tại hội trường UBND, có 45 chị em hội viên dự, đồng chí phó chủ tịch xã về dự và phát biểu. Biên bản em đã gửi phòng rồi. Nhờ bot ghi nhận giúp hội nhé.");
        var chaired = await bot.SayAsync(militaryChat, "Báo cáo đồng chí, Ban CHQS xã đã tổ chức hội nghị sơ kết thi đua rồi, có 30 đồng chí dân quân dự, đồng chí chính trị viên chủ trì. Nhờ bot cập nhật giúp.");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var named = await bot.SayAsync(clinic, "Chào bot. Chiều qua trạm đã họp tổng kết phong trào thi đua năm 2026, 9/10 nhân viên dự, bình bầu được 1 chiến sĩ thi đua cơ sở. Bot ghi nhận giúp trạm đã xong việc tổng kết phong trào thi đua.");

        Assert.StartsWith("✅ Đã ghi nhận", told.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "9"));
        Assert.StartsWith("✅ Đã ghi nhận", chaired.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(military, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(military, "13"));
        Assert.StartsWith("✅ Đã ghi nhận", named.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "20"));
    }

    [Fact]
    public async Task A_story_then_one_question_answers_the_question_alone()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var economy = await bot.LinkAsync("Phòng Kinh tế", ChatRole.Head, "224");

        var asked = await bot.SayAsync(economy, "Chào bot. Tuần trước phòng đi kiểm tra 4 thôn làm mô hình nông thôn mới, 3 ngày liền. Tháng này phòng kinh tế còn những việc thi đua gì chưa làm?");

        Assert.Contains("01/03/2026", asked.Text, StringComparison.Ordinal);
        Assert.Contains("31/03/2026", asked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tổng hợp, thẩm định hồ sơ", asked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_clerk_s_story_then_a_question_about_the_school_year_plan_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 8, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "226");

        var asked = await bot.SayAsync(school, "Chào bot ạ. Năm học mới trường có 2 cô giáo mới chuyển về, em được giao làm thư ký thi đua thay cô Mai. Cho em hỏi kế hoạch thi đua năm học 2026-2027 cần có những nội dung gì và gửi về đâu ạ?");

        Assert.DoesNotContain("✅", asked.Text, StringComparison.Ordinal);
        Assert.Contains("năm học 2026 - 2027", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D2"));
    }

    [Fact]
    public async Task A_review_s_report_sent_is_not_the_review_s_meeting()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 22, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "225");

        var sent = await bot.SayAsync(farmers, "hội gửi báo cáo sơ kết 6 tháng đầu năm lên xã rồi nhé");

        Assert.StartsWith("Hội Nông dân xã không có việc số 8", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "9"));
    }

    [Fact]
    public async Task A_review_of_the_year_and_of_the_movement_confirms_the_review_meeting_alone()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "227");

        var told = await bot.SayAsync(veteransChat, "Sáng nay hội tổ chức hội nghị BCH mở rộng, tổng kết công tác hội và phong trào thi đua năm 2025, triển khai nhiệm vụ 2026 xong rồi nha");
        var unclear = await bot.SayAsync(veteransChat, "Sáng nay hội họp BCH mở rộng, tổng kết công tác hội và phong trào thi đua năm 2025, triển khai nhiệm vụ năm 2026 xong rồi nha");

        Assert.StartsWith("✅ Đã ghi nhận", told.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "4"));
        Assert.DoesNotContain("✅", unclear.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "20"));
    }

    [Fact]
    public async Task Not_yet_asked_the_southern_way_is_a_question_and_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var youthChat = await bot.LinkAsync(youth, ChatRole.Head, "228");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "229");

        var own = await bot.SayAsync(youthChat, "đoàn tui nộp D1 chưa dzậy bot, tui quên mất tiêu");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var other = await bot.SayAsync(office, "hội cựu chiến binh xong nv 3 chưa zậy");

        Assert.DoesNotContain("✅", own.Text + other.Text, StringComparison.Ordinal);
        Assert.Contains("D1", own.Text, StringComparison.Ordinal);
        Assert.Contains("Hội Cựu chiến binh xã", other.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(youth, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Hội Cựu chiến binh xã", "3"));
    }

    [Fact]
    public async Task Dossiers_put_to_the_council_ask_which_unless_the_report_names_whose_they_are()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 8, 17, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "230");

        var either = await bot.SayAsync(office, "Đã tổng hợp xong hồ sơ, trình HĐ TĐKT họp xét rồi");
        var synthesised = await bot.SayAsync(office, "đã tổng hợp xong hồ sơ, trình HĐ TĐKT rồi");
        var schools = await bot.SayAsync(office, "phòng đã tổng hợp, thẩm định xong hồ sơ cho các trường, trình hội đồng họp xét rồi");

        Assert.StartsWith("Đơn vị đã nộp việc nào?", either.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 13", "NOP 19"], either.Buttons.Select(b => b.Command).Order(StringComparer.Ordinal));
        Assert.StartsWith("Đơn vị đã nộp việc nào?", synthesised.Text, StringComparison.Ordinal);
        Assert.Contains(synthesised.Buttons, b => b.Command == "NOP 13");
        Assert.Contains(synthesised.Buttons, b => b.Command == "NOP 19");
        Assert.StartsWith("✅ Đã ghi nhận", schools.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "19"));
    }

    [Fact]
    public async Task A_request_to_record_after_the_deeds_in_one_sentence_records_the_deeds()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 24, 9, 0, 0, TimeSpan.FromHours(7)));
        const string military = "Ban Chỉ huy Quân sự xã";
        var militaryChat = await bot.LinkAsync(military, ChatRole.Head, "231");
        var police = await bot.LinkAsync("Công an xã", ChatRole.Head, "232");

        var both = await bot.SayAsync(militaryChat, "Ban CHQS đã hoàn thành hồ sơ khen thưởng năm 2025 và tổ chức hội nghị tổng kết, đề nghị cập nhật");
        bot.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var early = await bot.SayAsync(police, "công an tổ chức hội nghị sơ kết TĐKT 6 tháng xong rùi nha, sớm hơn kế hoạch á");

        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(military, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(military, "4"));
        Assert.StartsWith("✅ Đã ghi nhận", early.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync("Công an xã", "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Công an xã", "D1"));
    }

    [Fact]
    public async Task A_newcomer_s_request_for_guidance_and_a_school_s_own_due_date_are_answered_as_asked()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 8, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var clerk = await bot.LinkAsync("Văn phòng HĐND và UBND xã", ChatRole.Head, "233");
        var school = await bot.LinkAsync(School, ChatRole.Head, "234");

        var guide = await bot.SayAsync(clerk, "tôi là chánh văn phòng mới về, bot hướng dẫn tôi xài với");
        var due = await bot.SayAsync(school, "bot ơi nv 13 hạn chót ngày mấy, trường tui chưa gom đủ hồ sơ");

        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", guide.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 13:", due.Text, StringComparison.Ordinal);
        Assert.Contains("30/09/2026", due.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trường Mầm non", due.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_handed_through_a_person_of_the_office_is_the_writer_s_own_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 19, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "235");

        var sent = await bot.SayAsync(veteransChat, "Hội CCB đã nộp kế hoạch thi đua năm 2026 qua đồng chí Lan bên phòng văn hóa rồi nhé");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "D1"));
    }

    [Fact]
    public async Task Taking_back_the_dossier_of_the_year_keeps_the_other_item_of_the_same_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "236");

        var both = await bot.SayAsync(councilChat, "Hội đồng đã chấm điểm và họp cụm đề nghị tặng cờ thi đua xong; hồ sơ khen thưởng năm 2026 cũng đã thẩm định và trình xét");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "18"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "19"));

        var undone = await bot.SayAsync(councilChat, "phần hồ sơ năm 2026 tôi báo sớm, chưa trình, rút lại giúp");

        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Contains("19", undone.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "19"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "18"));
    }

    [Fact]
    public async Task A_review_report_sent_to_the_cluster_is_the_report_not_the_cluster_s_conference()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 24, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "237");

        var sent = await bot.SayAsync(office, "bcao tổng kết 2025 gửi cụm xong r nhé");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "2"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "6"));
    }

    [Fact]
    public async Task A_dossier_sent_long_ago_names_no_dossier_and_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 14, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "238");

        var waiting = await bot.SayAsync(clinic, "trạm gửi hồ sơ lâu rồi mà chưa thấy gì, sốt ruột quá");

        Assert.DoesNotContain("✅", waiting.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "3"));
    }

    [Fact]
    public async Task The_office_s_word_for_the_police_and_a_school_s_level_are_units_not_itself_or_an_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "239");

        var police = await bot.SayAsync(office, "ca xã gửi báo cáo tổng kết phong trào thi đua rồi, phòng nhận bản giấy");
        var school = await bot.SayAsync(office, "trường c2 nộp tổng kết phong trào rồi nhé");
        var undone = await bot.SayAsync(office, "ấy nhầm, c2 chưa nộp, xoá cái vừa rồi giùm");

        Assert.Contains("Công an xã", police.Text, StringComparison.Ordinal);
        Assert.Contains("Trường THCS Hoa Thám", school.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "20"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "2"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "20"));
        Assert.StartsWith("Tin nhắn nhắc đến Trường THCS Hoa Thám", undone.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hearsay_about_a_school_records_nothing_and_a_plan_sent_by_zalo_is_the_writer_s_own()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        const string clerks = "Văn phòng HĐND và UBND xã";
        var youthChat = await bot.LinkAsync(youth, ChatRole.Head, "240");
        var clerksChat = await bot.LinkAsync(clerks, ChatRole.Head, "241");

        var heard = await bot.SayAsync(youthChat, "nghe nói trường c2 nộp kế hoạch thi đua rồi đấy");
        var sent = await bot.SayAsync(clerksChat, "văn phòng gửi kế hoạch năm qua zalo phòng vhxh rồi nhé");

        Assert.DoesNotContain("✅", heard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bạn đang xác nhận", heard.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D1"));
        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(clerks, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "D1"));
    }

    [Fact]
    public async Task A_worry_or_a_wish_is_talk_and_a_late_report_with_an_apology_is_recorded()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 26, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "242");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "243");

        var worry = await bot.SayAsync(farmers, "lo ko kịp nộp D1 quá, cuối tuần này hết hạn rồi");
        var weary = await bot.SayAsync(clinic, "mệt quá, tháng nào cũng báo cáo");
        var late = await bot.SayAsync(clinic, "hôm qua trạm đã nộp kế hoạch thi đua năm 2026 rồi, tuy hơi trễ, mong phòng thông cảm");

        Assert.StartsWith("Xin chào", worry.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xin chào", weary.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
        Assert.StartsWith("✅ Đã ghi nhận", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "D1"));
    }

    [Fact]
    public async Task A_question_closed_the_central_way_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 12, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "244");

        var asked = await bot.SayAsync(primaryChat, "kế hoạch năm học D2 của trường nộp rồi hỉ");

        Assert.DoesNotContain("✅", asked.Text, StringComparison.Ordinal);
        Assert.Contains("D2", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "D2"));
    }

    [Fact]
    public async Task A_report_that_asks_the_office_to_check_it_is_recorded()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        const string police = "Công an xã";
        var policeChat = await bot.LinkAsync(police, ChatRole.Head, "245");

        var sent = await bot.SayAsync(policeChat, "công an xã đã nộp kế hoạch thi đua năm 2026 từ hôm 27 rồi, đề nghị phòng kiểm tra lại");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(police, "D1"));
    }

    [Fact]
    public async Task Work_due_only_at_the_month_s_end_or_sent_in_part_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "246");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "247");

        var later = await bot.SayAsync(school, "cuối tháng trường c2 mới tổng kết năm học, lúc đó báo sau");
        var part = await bot.SayAsync(clinic, "trạm mới gửi được một phần hồ sơ khen thưởng năm 2025, còn thiếu bản thành tích cá nhân, mai gửi nốt");

        Assert.DoesNotContain("✅", later.Text + part.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "12"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "3"));
    }

    [Fact]
    public async Task Taking_back_one_of_two_keeps_the_one_said_to_stay()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        var preschoolChat = await bot.LinkAsync(preschool, ChatRole.Head, "248");

        var both = await bot.SayAsync(preschoolChat, "trường đã gửi hồ sơ đề nghị khen thưởng năm học 2025 - 2026 và kế hoạch năm học 2026 - 2027 rồi");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "13"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "D2"));

        var undone = await bot.SayAsync(preschoolChat, "kế hoạch năm học thì em rút lại nhé, sếp chưa ký, chỉ hồ sơ khen thôi");

        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.Contains("D2", undone.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "D2"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(preschool, "13"));
    }

    [Fact]
    public async Task A_plan_issued_with_no_year_from_a_body_owing_two_years_plans_is_asked_about()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "249");

        var yearless = await bot.SayAsync(committeeChat, "ubnd xã ban hành kế hoạch tđkt r");

        Assert.DoesNotContain("✅", yearless.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 21", "NOP D1"], Confirmations(yearless));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "21"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "D1"));

        var named = await bot.SayAsync(committeeChat, "ubnd xã ban hành kế hoạch tđkt năm 2027 r");

        Assert.StartsWith("✅ Đã ghi nhận", named.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "21"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "D1"));
    }

    [Fact]
    public async Task Work_a_few_days_off_or_on_a_day_of_this_week_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 26, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var preschoolChat = await bot.LinkAsync(preschool, ChatRole.Head, "250");
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "251");

        var fewDays = await bot.SayAsync(preschoolChat, "dăm hôm nữa gửi D1 nhé");
        var friday = await bot.SayAsync(womenChat, "hội pn thứ 6 này nộp D1 nhé");

        Assert.DoesNotContain("✅", fewDays.Text + friday.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "D1"));
    }

    [Fact]
    public async Task What_another_unit_says_it_sent_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 22, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "252");

        var theirs = await bot.SayAsync(womenChat, "bên hội nd nói họ gửi kế hoạch rồi, bên em đang làm");
        var they = await bot.SayAsync(womenChat, "họ bảo đã gửi kế hoạch thi đua rồi");

        Assert.DoesNotContain("✅", theirs.Text + they.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tin nhắn nhắc đến", theirs.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "D1"));
    }

    [Fact]
    public async Task A_take_back_that_says_what_alone_is_done_takes_back_the_rest()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        const string veterans = "Hội Cựu chiến binh xã";
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "253");
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "254");

        var both = await bot.SayAsync(economyChat, "phòng kt xong nv 16, nv 20");
        var theirBoth = await bot.SayAsync(veteransChat, "hội ccb xong 16 và 20 rồi");
        Assert.StartsWith("✅ Đã ghi nhận", both.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", theirBoth.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "20"));

        var onlySixteen = await bot.SayAsync(economyChat, "lộn rồi, mới xong 16 thôi");
        var notTwenty = await bot.SayAsync(veteransChat, "Mình nhầm, hội ccb mới xong nv 16, còn 20 thì chưa");

        Assert.Contains("20", onlySixteen.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "16"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "20"));
        Assert.Contains("20", notTwenty.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "16"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "20"));
    }

    [Fact]
    public async Task A_unit_s_dossier_for_emulation_is_asked_about_between_its_two_commendation_items()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 11, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "255");

        var dossier = await bot.SayAsync(frontChat, "mặt trận gửi hồ sơ thi đua rồi");

        Assert.DoesNotContain("✅", dossier.Text, StringComparison.Ordinal);
        Assert.Equal(["NOP 13", "NOP 3"], Confirmations(dossier));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "3"));
    }

    [Fact]
    public async Task A_report_naming_nothing_just_after_asking_about_an_item_is_of_that_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "256");
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "257");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "258");

        var when = await bot.SayAsync(veteransChat, "hạn nộp D1 là ngày nào");
        var sent = await bot.SayAsync(veteransChat, "cựu chiến binh gửi rồi nhé, hôm qua");
        Assert.Contains("30/01/2026", when.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "D1"));

        // A question about no item in particular says nothing of what a bare report is about.
        await bot.SayAsync(clinic, "trạm còn gì phải nộp ko");
        var bare = await bot.SayAsync(clinic, "ok da nop roi nhe");
        Assert.DoesNotContain("✅", bare.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "D1"));

        // Once the answer is long off the screen, the report stands on its own.
        await bot.SayAsync(farmers, "hạn nộp D1 là ngày nào");
        bot.Clock.Advance(TimeSpan.FromMinutes(31));
        var late = await bot.SayAsync(farmers, "ok em nộp r nha");
        Assert.DoesNotContain("✅", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task The_council_s_review_of_the_schools_dossiers_is_the_council_s_own_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "259");

        var reviewed = await bot.SayAsync(councilChat, "báo cáo bot là hội đồng đã tổng hợp thẩm định xong hồ sơ khen thưởng năm học 2025 2026 của các trường mầm non tiểu học thcs và trình chủ tịch ubnd xã rồi nhé");

        Assert.StartsWith("✅ Đã ghi nhận", reviewed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "13"));
    }

    [Fact]
    public async Task A_number_corrected_with_y_la_confirms_only_the_right_one()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "260");

        var corrected = await bot.SayAsync(office, "phòng nộp nv 8 rồi nhé, ý là nv 10, hội nghị sơ kết ở cụm ấy");

        Assert.StartsWith("✅ Đã ghi nhận", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "10"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "8"));
    }

    [Fact]
    public async Task A_meeting_of_the_executive_committee_is_not_next_year_s_plan_issued()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "261");

        var met = await bot.SayAsync(office, "hôm trước phòng đã họp ban chấp hành công đoàn xong rồi");

        Assert.DoesNotContain("✅", met.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "21"));
    }

    [Fact]
    public async Task Dossiers_reviewed_for_the_schools_listed_one_by_one_are_the_council_s_own_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "262");

        var reviewed = await bot.SayAsync(councilChat, "Hội đồng đã họp xét, thẩm định xong hồ sơ khen thưởng năm học 2025 - 2026 cho các trường mầm non, tiểu học và THCS.");

        Assert.StartsWith("✅ Đã ghi nhận", reviewed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường Tiểu học Hoa Thám", "13"));
    }

    [Fact]
    public async Task Asking_what_to_type_to_confirm_an_item_is_help_and_confirms_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "263");

        var how = await bot.SayAsync(primaryChat, "Trường tiểu học cần hỗ trợ: gõ lệnh gì để xác nhận đã gửi D2 ạ");
        var syntax = await bot.SayAsync(primaryChat, "em phải nhắn cú pháp gì để bot liệt kê việc còn thiếu ạ");

        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", syntax.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "D2"));
    }

    [Fact]
    public async Task What_the_office_will_approve_later_is_not_approved_yet()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "264");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "265");
        await bot.SayAsync(school, "NOP D1");

        var later = await bot.SayAsync(office, "chiều nay tôi sẽ tiếp nhận hồ sơ của Trường THCS Hoa Thám D1");
        Assert.DoesNotContain("Đã tiếp nhận", later.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D1"));

        var now = await bot.SayAsync(office, "tiếp nhận hồ sơ của Trường THCS Hoa Thám D1");
        Assert.StartsWith("Đã tiếp nhận", now.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Accepted, await bot.StatusAsync(School, "D1"));
    }

    [Fact]
    public async Task A_report_that_insists_before_a_complaint_is_recorded()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        const string primary = "Trường Tiểu học Hoa Thám";
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "266");
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "267");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "268");

        var front1 = await bot.SayAsync(frontChat, "Mặt trận đã nộp D1 rồi mà, sao bot vẫn nhắc hoài vậy");
        var primary2 = await bot.SayAsync(primaryChat, "dạ tiểu học gửi D2 hôm 14 rồi ạ, chắc phòng chưa cập nhật");
        var farmers20 = await bot.SayAsync(farmers, "hội nông dân đã tổ chức tổng kết phong trào thi đua r, dc ko");

        Assert.StartsWith("✅ Đã ghi nhận", front1.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", primary2.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", farmers20.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "D2"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "20"));
    }

    [Fact]
    public async Task The_minutes_sent_with_a_meeting_s_report_are_not_another_meeting()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "270");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "271");

        var held = await bot.SayAsync(clinic, "tram y te to chuc hoi nghi so ket 6 thang xong roi, gui kem bien ban hop");
        var minutes = await bot.SayAsync(farmers, "gui kem bien ban hop");

        Assert.StartsWith("✅ Đã ghi nhận", held.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "4"));
        Assert.DoesNotContain("✅", minutes.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "4"));
    }

    [Fact]
    public async Task Dossiers_put_to_the_committee_s_chairman_are_the_council_s_own_report()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "272");

        var reviewed = await bot.SayAsync(councilChat, "Hội đồng TĐKT đã họp xét hồ sơ thi đua khen thưởng năm 2026, đề nghị Chủ tịch UBND xã tặng danh hiệu");

        Assert.StartsWith("✅ Đã ghi nhận", reviewed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "19"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "19"));
    }

    [Fact]
    public async Task A_question_about_an_item_then_insisting_it_was_sent_reports_that_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "273");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "274");

        var d2 = await bot.SayAsync(school, "mai là hạn D2 hả, trường c2 nộp từ tuần trước r mà");
        var three = await bot.SayAsync(farmers, "sao bot bảo hội nd còn nợ nv 3, hôm trước nộp rồi mà");
        var notYet = await bot.SayAsync(farmers, "D1 hạn khi nào, em chưa nộp mà");

        Assert.StartsWith("✅ Đã ghi nhận", d2.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", three.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", notYet.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D2"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task The_office_s_doan_xa_is_the_youth_union_not_the_office()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 23, 9, 0, 0, TimeSpan.FromHours(7)));
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "275");

        var youthReport = await bot.SayAsync(office, "đoàn xã nộp tổng kết phong trào thi đua rồi nhé, bản giấy");

        Assert.StartsWith("Bot không xác nhận thay " + youth, youthReport.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "20"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(youth, "20"));
    }

    [Fact]
    public async Task A_year_end_report_that_fits_the_commune_s_report_better_than_the_unit_s_guidance_asks_first()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 29, 9, 0, 0, TimeSpan.FromHours(7)));
        const string police = "Công an xã";
        var policeChat = await bot.LinkAsync(police, ChatRole.Head, "277");

        var report = await bot.SayAsync(policeChat, "ca xã nộp báo cáo tổng kết năm rồi");
        var plain = await bot.SayAsync(policeChat, "ca xã gửi báo cáo tổng kết rồi nhé");

        // The reports fit are the commune's, which the police do not owe: the police choose among their own items.
        Assert.DoesNotContain("✅", report.Text, StringComparison.Ordinal);
        Assert.Contains("NOP 16", Confirmations(report));
        Assert.Contains("NOP 20", Confirmations(report));
        Assert.DoesNotContain("✅", plain.Text, StringComparison.Ordinal);
        Assert.Contains("NOP 20", Confirmations(plain));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(police, "16"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(police, "20"));
    }

    [Fact]
    public async Task The_council_checking_the_schools_dossiers_reports_its_own_work_but_the_schools_sending_theirs_is_theirs_to_confirm()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        const string primary = "Trường Tiểu học Hoa Thám";
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "278");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "282");

        var checkedDossiers = await bot.SayAsync(councilChat, "hs khen thuong cac truong da tong hop tham dinh xong, trinh hoi dong r");
        var schoolsSent = await bot.SayAsync(farmers, "các trường đã nộp nv 13 rồi đấy");

        Assert.StartsWith("✅ Đã ghi nhận", checkedDossiers.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "13"));
        Assert.StartsWith("Tin nhắn nhắc đến các đơn vị sự nghiệp giáo dục và đào tạo", schoolsSent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "13"));
    }

    [Fact]
    public async Task News_seen_of_another_unit_s_report_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 17, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "279");

        var heard = await bot.SayAsync(farmers, "thấy bên hội phụ nữ báo xong sơ kết rồi, bên mình thì chưa");

        Assert.DoesNotContain("✅", heard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("bạn đang xác nhận", heard.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "9"));
    }

    [Fact]
    public async Task Asking_leave_to_be_late_records_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        const string preschool = "Trường Mầm non Hoa Thám";
        const string veterans = "Hội Cựu chiến binh xã";
        var preschoolChat = await bot.LinkAsync(preschool, ChatRole.Head, "280");
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "281");

        var late = await bot.SayAsync(preschoolChat, "xin phép phòng cho mầm non nộp D2 chậm 2 hôm, cô hiệu trưởng đi tập huấn");
        var putOff = await bot.SayAsync(veteransChat, "xin phép cho hội ccb lùi nv 13 sang thứ 3 tuần sau được ko ạ, đang chờ chủ tịch hội ký");

        Assert.DoesNotContain("✅", late.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", putOff.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(preschool, "D2"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "13"));
    }

    [Fact]
    public async Task A_name_signed_after_a_title_is_no_day_and_no_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "283");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "284");

        // "Mai" is the head's name, not tomorrow; "Sơn" and "chủ tịch" say who writes, not an item.
        var sent = await bot.SayAsync(primaryChat, "Chào bot, cô Mai hiệu trưởng TH đây. Trường đã nộp kế hoạch thi đua năm 2026 rồi nhé");
        var ahead = await bot.SayAsync(frontChat, "Chào bot, anh Sơn chủ tịch mặt trận. Sắp tới mặt trận có việc gì phải nộp không");
        var tomorrow = await bot.SayAsync(frontChat, "chị mai nộp D1 nhé");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "D1"));
        Assert.Contains("còn các việc sau chưa nộp (từ 20/01/2026 đến 19/02/2026)", ahead.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", tomorrow.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "D1"));
    }

    [Fact]
    public async Task An_undo_by_place_takes_back_the_earlier_or_the_later_report_of_today()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 13, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "285");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "286");

        await bot.SayAsync(frontChat, "MTTQ xã đã nộp nv 3");
        await bot.SayAsync(farmers, "hội nd đã nộp nv 3");
        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        await bot.SayAsync(frontChat, "MTTQ xã đã tổ chức hội nghị sơ kết 6 tháng");
        await bot.SayAsync(farmers, "hội nd đã tổ chức hội nghị sơ kết 6 tháng");
        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await bot.SayAsync(frontChat, "cái sau báo nhầm nhé, hủy đi");
        var earlier = await bot.SayAsync(farmers, "cái đầu tiên a báo nhầm nhé, bỏ đi, cái sau thì đúng");

        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 9", later.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "9"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "3"));
        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 3", earlier.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "9"));
    }

    [Fact]
    public async Task A_unit_named_before_a_request_to_record_is_whose_report_it_is_and_not_the_writers()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 8, 17, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "287");

        var recorded = await bot.SayAsync(office, "Trường TH ghi nhận đã nộp hồ sơ khen thưởng năm học 2025-2026");

        // Each unit confirms its own work: the office's own item 13 is not the school's report.
        Assert.StartsWith("Bot không xác nhận thay Trường Tiểu học Hoa Thám", recorded.Text, StringComparison.Ordinal);
        Assert.Contains("Việc số 13: Trường Tiểu học Hoa Thám chưa xác nhận nộp", recorded.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "13"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "13"));
    }

    [Fact]
    public async Task A_report_the_plan_does_not_ask_for_is_no_plan_drawn_up()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "288");

        var report = await bot.SayAsync(farmers, "Hội ND đã gửi báo cáo kết quả xây dựng nông thôn mới rồi");
        var plan = await bot.SayAsync(farmers, "hội đã xây dựng xong kế hoạch thi đua năm 2026 và gửi về phòng rồi");

        Assert.Equal("Đơn vị đã nộp việc nào? Chọn bên dưới, hoặc trả lời NOP <số>.", report.Text);
        Assert.StartsWith("✅ Đã ghi nhận", plan.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task An_answer_typed_to_the_bots_question_of_which_item_is_taken_as_the_choice()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        const string council = "Hội đồng Thi đua - Khen thưởng xã";
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "289");
        var councilChat = await bot.LinkAsync(council, ChatRole.Head, "290");

        var asked = await bot.SayAsync(committeeChat, "đi dự hội nghị tổng kết rồi");
        var answered = await bot.SayAsync(committeeChat, "hội nghị của tỉnh ở thành phố Lạng Sơn ấy");
        var again = await bot.SayAsync(committeeChat, "cụm số 2 ấy");

        Assert.DoesNotContain("✅", asked.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", answered.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "5"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "4"));
        // Answered once: a second fragment is no second choice.
        Assert.DoesNotContain("✅", again.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "6"));

        // A number among what the unit owes is the choice; a question typed after the bot asks is answered as a question.
        await bot.SayAsync(councilChat, "hđ gửi hồ sơ rồi");
        var number = await bot.SayAsync(councilChat, "cái nv 19 ấy");
        await bot.SayAsync(councilChat, "hđ gửi hồ sơ rồi");
        var question = await bot.SayAsync(councilChat, "nv 3 hạn bao giờ?");

        Assert.StartsWith("✅ Đã ghi nhận", number.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(council, "19"));
        Assert.DoesNotContain("✅", question.Text, StringComparison.Ordinal);
        Assert.Contains("31/03/2026", question.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(council, "3"));
    }

    [Fact]
    public async Task Asking_what_the_bot_can_do_gets_the_help()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "291");

        foreach (var text in new[]
                 {
                     "bot ơi dùng thế nào để báo là đã nộp vậy", "bot có nhắc tự động khi sắp đến hạn không", "cái bot này có gửi file được ko",
                     "bác muốn hỏi cái bot này làm được những việc gì", "bot có xem được trường khác nộp chưa không",
                 })
        {
            var reply = await bot.SayAsync(school, text);
            Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", reply.Text, StringComparison.Ordinal);
        }

        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D1"));
    }

    [Fact]
    public async Task What_the_writer_saw_another_body_do_is_no_report_of_its_own_or_of_that_body()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 25, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "292");

        var seen = await bot.SayAsync(primaryChat, "hôm qua thấy hội phụ nữ họp sơ kết đông vui ghê");
        var own = await bot.SayAsync(primaryChat, "em thấy trường mình nộp D1 rồi mà");

        Assert.DoesNotContain("Tin nhắn nhắc đến", seen.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", seen.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "9"));
        Assert.StartsWith("✅ Đã ghi nhận", own.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "D1"));
    }

    [Fact]
    public async Task A_clause_that_tells_more_of_an_item_named_by_number_confirms_nothing_else()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "293");

        var reply = await bot.SayAsync(school, "cả nv 3 và nv 4 trường mình làm xong r nhé, hồ sơ khen gửi tuần trước, hôm qua dự hội nghị");

        Assert.StartsWith("✅ Đã ghi nhận", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "4"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "13"));
    }

    [Fact]
    public async Task A_quarter_typed_to_the_bots_question_of_which_item_picks_the_one_due_in_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 22, 9, 0, 0, TimeSpan.FromHours(7)));
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        var chat = await bot.LinkAsync(committee, ChatRole.Head, "294");

        var asked = await bot.SayAsync(chat, "UBND xa da tham du hoi nghi so ket cum");
        var answered = await bot.SayAsync(chat, "cái quý 3 ấy");

        Assert.DoesNotContain("✅", asked.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", answered.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "15"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "10"));

        // A quarter asked about there is a question, not a choice.
        await bot.SayAsync(chat, "UBND xa da tham du hoi nghi so ket cum");
        var question = await bot.SayAsync(chat, "quý này có việc gì");
        Assert.DoesNotContain("✅ Đã ghi nhận", question.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "10"));
    }

    [Fact]
    public async Task Saying_not_yet_of_what_was_just_reported_takes_it_back()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        const string primary = "Trường Tiểu học Hoa Thám";
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "295");
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "296");
        var clinicChat = await bot.LinkAsync(Clinic, ChatRole.Head, "297");
        var economyStaff = await bot.LinkAsync(economy, ChatRole.Staff, "307");

        var reported = await bot.SayAsync(economyChat, "p kinh te da tong ket phong trao thi dua nam");
        Assert.StartsWith("✅ Đã ghi nhận", reported.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "20"));
        // Staff may ask, not take back: read as an undo, it is refused as one (the obligations service enforces roles).
        var staff = await bot.SayAsync(economyStaff, "ay chua, moi len ke hoach tong ket thoi");
        Assert.StartsWith("Hủy xác nhận nộp do thủ trưởng đơn vị", staff.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "20"));
        var notYet = await bot.SayAsync(economyChat, "ay chua, moi len ke hoach tong ket thoi");

        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 20", notYet.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "20"));

        // Of two items reported together, the one said not yet goes; the other stays.
        await bot.SayAsync(primaryChat, "Trường TH Hoa Thám gửi hồ sơ thi đua khen thưởng năm học 2025 - 2026 và kế hoạch thi đua năm học mới 2026-2027 ạ");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "D2"));
        await bot.SayAsync(primaryChat, "à kế hoạch năm học mới chưa gửi đâu, mới có hồ sơ thôi");

        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "D2"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "13"));

        // Not yet said of something never reported takes nothing back.
        await bot.SayAsync(clinicChat, "tyt tổng kết phong trào thi đua xong rồi");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "20"));
        var other = await bot.SayAsync(clinicChat, "kế hoạch năm sau thì chưa gửi đâu nhé");
        Assert.DoesNotContain("Đã hủy", other.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "20"));
    }

    [Fact]
    public async Task Items_added_by_number_after_a_report_are_reported_too_and_what_is_left_is_not()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var chat = await bot.LinkAsync(front, ChatRole.Head, "298");

        await bot.SayAsync(chat, "mặt trận đã xong nv 16, 20 rồi nhé");
        var added = await bot.SayAsync(chat, "với cả nv 13 nữa");
        var left = await bot.SayAsync(chat, "còn nv 9 nữa");
        var oneMore = await bot.SayAsync(chat, "nv 4 nữa là xong");

        Assert.StartsWith("✅ Đã ghi nhận", added.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "13"));
        Assert.DoesNotContain("✅ Đã ghi nhận", left.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "9"));
        Assert.DoesNotContain("✅ Đã ghi nhận", oneMore.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "4"));
    }

    [Fact]
    public async Task A_paper_signed_and_sent_is_reported_and_one_awaiting_signature_is_not()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "299");
        var school = await bot.LinkAsync(School, ChatRole.Head, "300");

        var sent = await bot.SayAsync(office, "P.VHXH đã hoàn thành báo cáo sơ kết công tác TĐKT 6 tháng đầu năm, trình ký và gửi đi rồi");
        var awaiting = await bot.SayAsync(school, "Hồ sơ khen năm học 2025-2026 em scan xong rồi, đang trình hiệu trưởng ký, ký xong e gửi ngay");

        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "8"));
        Assert.DoesNotContain("✅", awaiting.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "13"));
    }

    [Fact]
    public async Task Sending_a_reminder_or_a_notice_in_shorthand_drafts_a_notice()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "301");
        await bot.LinkAsync(School, ChatRole.Head, "302");

        var remind = await bot.SayAsync(office, "gửi nhắc các trường hoàn thành nv 13 trước 30/10");
        var notice = await bot.SayAsync(office, "gui tb: de nghi cac truong mn, th, thcs gui kh thi dua nam hoc 2026-2027 truoc 15/10");

        Assert.StartsWith("Xem trước tin phát động gửi các đơn vị sự nghiệp giáo dục và đào tạo", remind.Text, StringComparison.Ordinal);
        Assert.Contains(remind.Buttons, b => b.Label == "📣 Gửi");
        Assert.StartsWith("Xem trước tin phát động gửi", notice.Text, StringComparison.Ordinal);
        Assert.Contains(notice.Buttons, b => b.Label == "📣 Gửi");
    }

    [Fact]
    public async Task Guidance_received_and_still_being_passed_on_is_not_the_guiding_done()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "303");
        var youthChat = await bot.LinkAsync(youth, ChatRole.Head, "304");

        var received = await bot.SayAsync(womenChat, "hướng dẫn tổng kết năm 2026 phụ nữ nhận rồi nhé, đang triển khai xuống các chi hội");
        var passedOn = await bot.SayAsync(youthChat, "Đoàn xã đã nhận hướng dẫn tổng kết năm 2026 và triển khai xuống các chi đoàn");

        Assert.DoesNotContain("✅", received.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "16"));
        Assert.StartsWith("✅ Đã ghi nhận", passedOn.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "16"));
    }

    [Fact]
    public async Task Taking_back_everything_or_what_the_office_sent_back_is_understood()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "305");
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "306");

        await bot.SayAsync(frontChat, "mttq đã nộp kế hoạch thi đua 2026");
        await bot.SayAsync(frontChat, "đã dự hội nghị tổng kết xã");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "4"));
        await bot.SayAsync(frontChat, "xin lỗi báo nhầm hết, chưa cái nào xong cả");

        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "4"));

        await bot.SayAsync(farmersChat, "hội nd đã gửi hồ sơ thi đua nv 3 rồi");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "3"));
        var undone = await bot.SayAsync(farmersChat, "thôi huỷ đi, phòng vừa trả lại để sửa");

        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 3", undone.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "3"));
    }

    [Fact]
    public async Task The_second_of_two_reports_is_taken_back_by_its_place_and_a_send_this_afternoon_changes_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "308");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "309");

        await bot.SayAsync(school, "trường thcs đã nộp hồ sơ khen thưởng năm học 2025-2026");
        await bot.SayAsync(school, "đã tổng kết phong trào thi đua năm 2026");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "13"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "20"));
        var second = await bot.SayAsync(school, "lộn r, cái thứ 2 chưa làm");

        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 20", second.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "20"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "13"));

        var later = await bot.SayAsync(farmers, "bên hội nd sáng nay vừa họp xong thống nhất rồi chiều em gửi kế hoạch thi đua năm 2026 nha chị");
        Assert.DoesNotContain("Đã ghi nhận", later.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task The_office_saying_it_received_a_units_plan_changes_nothing_and_offers_to_accept_what_the_unit_confirmed()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 14, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "310");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "311");

        var before = await bot.SayAsync(office, "Đã nhận KH thi đua năm 2026 của hội nd");
        Assert.StartsWith("Bot không xác nhận thay Hội Nông dân xã", before.Text, StringComparison.Ordinal);
        Assert.Contains("Việc số D1: Hội Nông dân xã chưa xác nhận nộp", before.Text, StringComparison.Ordinal);
        Assert.Empty(before.Buttons);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));

        await bot.SayAsync(farmers, "hội nd nộp kế hoạch thi đua năm rồi");
        var after = await bot.SayAsync(office, "mình nhận được kế hoạch thi đua năm của hội nông dân rồi");
        Assert.Contains("Việc số D1: Hội Nông dân xã đã xác nhận nộp", after.Text, StringComparison.Ordinal);
        var accept = Assert.Single(after.Buttons);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));

        await bot.SayAsync(office, accept.Command);
        Assert.Equal(ObligationStatus.Accepted, await bot.StatusAsync(Farmers, "D1"));
        // Asking whether it came is a question, not the office's word that it did.
        var asked = await bot.SayAsync(office, "đã nhận kế hoạch của hội nd chưa nhỉ");
        Assert.DoesNotContain("Bot không xác nhận thay", asked.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_with_a_plea_for_lateness_or_a_list_attached_are_reports_and_a_promise_for_when_done_is_no_question()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string veterans = "Hội Cựu chiến binh xã";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "312");
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "313");
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "314");
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "315");

        var late = await bot.SayAsync(primaryChat, "Trường tiểu học xin báo đã gửi kế hoạch thi đua khen thưởng năm học 2026-2027, trễ hạn mong phòng thông cảm ạ.");
        var toldLate = await bot.SayAsync(womenChat, "Hội Phụ nữ xã đã xây dựng và gửi kế hoạch TĐKT năm 2026 từ tháng 1 nhưng giờ mới báo lên bot ạ");
        var attached = await bot.SayAsync(veteransChat, "hội ccb cũng đã nộp hồ sơ nv13 ạ, kèm theo danh sách hội viên tiêu biểu");
        var promise = await bot.SayAsync(farmersChat, "Hội ND đang chuẩn bị hồ sơ khen thưởng cho 3 hội viên điển hình, khi nào xong em báo");

        Assert.StartsWith("✅ Đã ghi nhận", late.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "D2"));
        Assert.StartsWith("✅ Đã ghi nhận", toldLate.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "D1"));
        Assert.StartsWith("✅ Đã ghi nhận", attached.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "13"));
        Assert.StartsWith("Bot đã đọc tin nhắn.", promise.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "13"));
    }

    [Fact]
    public async Task The_office_heading_a_notice_with_its_name_drafts_it_and_asking_what_units_owe_soon_is_about_them()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "316");
        await bot.LinkAsync(School, ChatRole.Head, "317");
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "318");

        var notice = await bot.SayAsync(office, "Phòng VHXH thông báo: đề nghị các cơ quan, đơn vị chưa gửi báo cáo tổng kết khẩn trương gửi trước ngày 20/12/2026.");
        var soon = await bot.SayAsync(office, "sắp tới các đơn vị phải nộp những gì");
        var how = await bot.SayAsync(farmersChat, "nếu báo nhầm thì hủy thế nào hả bot");

        Assert.StartsWith("Xem trước tin phát động gửi tất cả đơn vị", notice.Text, StringComparison.Ordinal);
        Assert.Contains(notice.Buttons, b => b.Label == "📣 Gửi");
        Assert.DoesNotContain(Office + " còn", soon.Text, StringComparison.Ordinal);
        Assert.Contains(School, soon.Text, StringComparison.Ordinal);
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_to_which_item_corrections_and_numbered_reports_change_only_what_was_meant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        var school = await bot.LinkAsync(School, ChatRole.Head, "319");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "320");
        var farmers = await bot.LinkAsync(Farmers, ChatRole.Head, "321");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "322");

        // «cả 2» to the bot's «which?» takes both it offered; a year alone picks the one of that year, not the school year.
        var which = await bot.SayAsync(school, "trường thcs đã nộp kế hoạch thi đua rồi ạ");
        Assert.Equal(["NOP D1", "NOP D2"], which.Buttons.Select(b => b.Command).Order(StringComparer.Ordinal));
        await bot.SayAsync(school, "cả 2 ạ");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D2"));
        await bot.SayAsync(frontChat, "ben mat tran gui ho so khen thuong roi nhe");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "3"));
        await bot.SayAsync(frontChat, "nam 2025 a");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "13"));

        // «nv 4 thì xong chứ nv 3 chưa»: only item 3 goes back.
        await bot.SayAsync(farmers, "hội nd đã xong nv 3, nv 4");
        await bot.SayAsync(farmers, "lộn rồi, nv 4 thì xong chứ nv 3 chưa nộp hồ sơ, bỏ nv 3 giúp");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "4"));

        // A report's own numbering «1) … 2) …» names no item; «ghi nhận nv 3 cho MTTQ» is the Front's, not the office's.
        await bot.SayAsync(office, "Phòng VHXH báo cáo: 1) Kế hoạch TĐKT năm 2026 đã gửi; 2) Hồ sơ khen thưởng năm 2025 đã nộp.");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Office, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "2"));
        await bot.SayAsync(office, "/huy 3");
        var forFront = await bot.SayAsync(office, "Mặt trận đã gửi hồ sơ khen thưởng năm 2025 qua văn thư, phòng ghi nhận nv 3 cho MTTQ");
        Assert.StartsWith("Bot không xác nhận thay " + front, forFront.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "3"));
    }

    [Fact]
    public async Task A_year_end_report_named_without_its_year_asks_which_and_a_report_addressed_to_the_office_is_the_writers()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        const string veterans = "Hội Cựu chiến binh xã";
        var office = await bot.LinkAsync(Office, ChatRole.Office, "323");
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "324");

        // Two of the office's items are year-end reports (2025's and 2026's); the season does not pick one.
        var report = await bot.SayAsync(office, "bao cao tong ket nam gui r nha");
        Assert.DoesNotContain("✅", report.Text, StringComparison.Ordinal);
        Assert.Contains(report.Buttons, b => b.Command == "NOP 2");
        Assert.Contains(report.Buttons, b => b.Command == "NOP 17");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "17"));

        var addressed = await bot.SayAsync(veteransChat, "Báo cáo phòng: Hội CCB xã đã dự HN sơ kết 6 tháng đầu năm 2026 của xã. Ảnh + biên bản đính kèm.");
        Assert.StartsWith("✅ Đã ghi nhận", addressed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(veterans, "9"));
    }

    [Fact]
    public async Task The_committee_named_alone_or_in_an_answer_is_never_the_office_and_hearsay_or_a_question_reports_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "325");
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "326");

        var committee = await bot.SayAsync(office, "Ủy ban đã nộp nv 2 rồi");
        Assert.StartsWith("Bot không xác nhận thay Ủy ban nhân dân xã Hoa Thám", committee.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "2"));

        // Asked which dossier, the office answers whose it is: not one of its own, so nothing is recorded.
        await bot.SayAsync(office, "xong hồ sơ khen thưởng rồi");
        var whose = await bot.SayAsync(office, "của ubnd, năm 2026");
        Assert.DoesNotContain("✅", whose.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "19"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Office, "3"));

        var asked = await bot.SayAsync(office, "trường mn xong D2 chưa b");
        Assert.DoesNotContain("Bot không xác nhận thay", asked.Text, StringComparison.Ordinal);
        var hearsay = await bot.SayAsync(farmersChat, "bên tiểu học nộp D2 hôm thứ 2 rồi, em đi họp gặp cô hiệu trưởng bảo thế");
        Assert.DoesNotContain("Tin nhắn nhắc đến", hearsay.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", hearsay.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_ending_rồi_chu_a_correction_to_not_done_and_a_meeting_others_attended_record_only_what_the_writer_did()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        const string front = "Ủy ban MTTQ Việt Nam xã";
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var clinicChat = await bot.LinkAsync(Clinic, ChatRole.Head, "327");
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "328");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "329");
        var schoolChat = await bot.LinkAsync(School, ChatRole.Head, "330");

        // "… rồi chu" (chứ typed plain) asks whether it was sent.
        var asked = await bot.SayAsync(clinicChat, "d1 tyt nop roi chu");
        Assert.DoesNotContain("✅", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "D1"));

        // An earlier report corrected to not done takes that item back.
        Assert.StartsWith("✅ Đã ghi nhận", (await bot.SayAsync(womenChat, "xong nv 20 rồi nhé")).Text, StringComparison.Ordinal);
        var corrected = await bot.SayAsync(womenChat, "hôm trc chị có báo xong nv 20 r đấy, nay sửa lại là chưa xong nha");
        Assert.Contains("Đã hủy xác nhận nộp nhiệm vụ số 20", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "20"));

        // The Front held its meeting; the organisations only came to it.
        var held = await bot.SayAsync(frontChat, "Mặt trận đã tổ chức xong hội nghị sơ kết thi đua 6 tháng đầu năm sáng nay, các đoàn thể đến đủ cả, báo để phòng nắm.");
        Assert.StartsWith("✅ Đã ghi nhận", held.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(front, "9"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "9"));

        // Whether today is the day D2 is due, then that the school sent it: the report of D2.
        var sent = await bot.SayAsync(schoolChat, "hôm nay hạn D2 đúng k, trường e gửi sáng nay rồi");
        Assert.StartsWith("✅ Đã ghi nhận", sent.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D2"));
    }

    [Fact]
    public async Task A_correction_in_the_same_message_records_only_the_item_it_keeps()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 4, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string primary = "Trường Tiểu học Hoa Thám";
        const string economy = "Phòng Kinh tế";
        const string women = "Hội Liên hiệp Phụ nữ xã";
        var primaryChat = await bot.LinkAsync(primary, ChatRole.Head, "331");
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "332");
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "333");

        // The dossier is taken back; the plan, said sent in the same message, stays.
        await bot.SayAsync(primaryChat, "truong tieu hoc da gui ke hoach tdkt nam 2026 va ho so de nghi khen thuong thanh tich nam 2025 roi a");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "D1"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "3"));
        var kept = await bot.SayAsync(primaryChat, "hồ sơ khen thưởng chưa gửi đâu, gỡ giúp cái đó, kế hoạch thì gửi rồi");
        Assert.Contains("Đã hủy xác nhận nộp nhiệm vụ số 3", kept.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(primary, "3"));
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(primary, "D1"));

        // "chỉ gửi 3 thôi" closes the report: item 4 was named, then set aside.
        var only = await bot.SayAsync(economyChat, "đã gửi 3, 4. à 4 là hội nghị, bên em chưa đi, chỉ gửi 3 thôi");
        Assert.StartsWith("✅ Đã ghi nhận", only.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(economy, "4"));

        // "à nhầm, gửi nv 3 chứ, D1 thì chưa": the report corrected to item 3; D1, never confirmed, is not touched.
        var corrected = await bot.SayAsync(womenChat, "hôm nay hội phụ nữ gửi D1 rồi, à nhầm, gửi nv 3 chứ, D1 thì chưa");
        Assert.StartsWith("✅ Đã ghi nhận", corrected.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "3"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "D1"));
    }

    [Fact]
    public async Task Short_questions_plans_for_later_a_notice_and_a_dossier_typed_short_record_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string front = "Ủy ban MTTQ Việt Nam xã";
        const string police = "Công an xã";
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "334");
        var frontChat = await bot.LinkAsync(front, ChatRole.Head, "335");
        var policeChat = await bot.LinkAsync(police, ChatRole.Head, "336");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "337");
        await bot.LinkAsync(School, ChatRole.Head, "338");

        var asked = await bot.SayAsync(womenChat, "d1 nop r ak");
        Assert.DoesNotContain("✅ Đã ghi nhận", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(women, "D1"));

        var later = await bot.SayAsync(frontChat, "chieu moi gui d1");
        Assert.StartsWith("Bot đã đọc tin nhắn.", later.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(front, "D1"));

        // The office's notice to the schools is drafted to send, not taken as their report.
        var notice = await bot.SayAsync(office, "thong bao cac truong gui d2 truoc 15/10");
        Assert.StartsWith("Xem trước tin phát động gửi", notice.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D2"));

        // "hồ sơ kt" is a commendation dossier: which of the two the police owe, the bot asks.
        var dossier = await bot.SayAsync(policeChat, "cong an xa nop ho so kt roi");
        Assert.DoesNotContain("✅", dossier.Text, StringComparison.Ordinal);
        Assert.Contains(dossier.Buttons, b => b.Command == "NOP 3");
        Assert.Contains(dossier.Buttons, b => b.Command == "NOP 13");
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(police, "13"));
    }

    [Fact]
    public async Task The_one_just_now_after_a_question_asks_which_instead_of_taking_back_the_report_before_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 7, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        const string youth = "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã";
        var youthChat = await bot.LinkAsync(youth, ChatRole.Head, "339");
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "340");

        // A report, then a message the bot answers as a question: «cái vừa rồi» is that message, not the report.
        await bot.SayAsync(youthChat, "xã đoàn đã nộp hồ sơ khen thưởng năm 2025");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "3"));
        await bot.SayAsync(youthChat, "hạn nộp nv 9 khi nào vậy");
        var which = await bot.SayAsync(youthChat, "cái vừa rồi nhầm nhé");
        Assert.StartsWith("Bạn muốn hủy xác nhận việc nào?", which.Text, StringComparison.Ordinal);
        Assert.Contains(which.Buttons, b => b.Command == "HUY 3");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(youth, "3"));

        // Right after the report, the same words take it back.
        await bot.SayAsync(farmersChat, "hội nông dân đã nộp kế hoạch thi đua năm 2026");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Farmers, "D1"));
        var undone = await bot.SayAsync(farmersChat, "cái vừa rồi nhầm nhé");
        Assert.StartsWith("Đã hủy xác nhận nộp", undone.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));
    }

    [Fact]
    public async Task Counts_words_passed_on_a_review_done_and_an_organisations_own_office_are_read_as_people_mean_them()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.FromHours(7)));
        const string women = "Hội Liên hiệp Phụ nữ xã";
        const string veterans = "Hội Cựu chiến binh xã";
        const string communeOffice = "Văn phòng HĐND và UBND xã";
        var womenChat = await bot.LinkAsync(women, ChatRole.Head, "341");
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "342");
        var veteransChat = await bot.LinkAsync(veterans, ChatRole.Head, "343");

        // "12 hồ sơ" counts the dossiers: the 2025 commendations are reported, not item 12.
        var dossiers = await bot.SayAsync(womenChat, "hoi pn da nop 12 ho so khen thuong nam 2025 len xa roi nhe");
        Assert.StartsWith("✅ Đã ghi nhận", dossiers.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "3"));

        // What the chairman said is why the head asks: a question, and nothing recorded.
        var asked = await bot.SayAsync(farmersChat, "hội nông dân gửi D1 chưa vậy, hôm trước anh chủ tịch bảo gửi rồi");
        Assert.DoesNotContain("Đã ghi nhận", asked.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "D1"));

        // The review done fits the guide to it (16) and the review itself (20): the bot asks.
        var review = await bot.SayAsync(veteransChat, "Hội xong việc tổng kết năm 2026 rồi ạ, anh chủ tịch dặn em báo bot");
        Assert.Equal(["NOP 16", "NOP 20"], review.Buttons.Select(b => b.Command).Order(StringComparer.Ordinal));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "16"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(veterans, "20"));

        // "Văn phòng hội" is the association's own office: the association's plan is reported, not the commune office's.
        var relayed = await bot.SayAsync(womenChat,
            "Văn phòng hội báo thay chị Chủ tịch: Hội LHPN xã đã gửi kế hoạch thi đua năm 2026 và công văn phát động thi đua về UBND xã qua phòng văn hóa-xã hội");
        Assert.StartsWith("✅ Đã ghi nhận", relayed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(women, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(communeOffice, "D1"));
    }

    [Fact]
    public async Task What_the_bot_is_for_gets_the_help_and_the_head_of_an_office_asking_is_no_mention_of_the_commune_office()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 8, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "344");
        var economyChat = await bot.LinkAsync(economy, ChatRole.Staff, "345");

        var help = await bot.SayAsync(farmersChat, "bot này dùng để làm gì thế, gõ số mấy");
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", help.Text, StringComparison.Ordinal);

        // "trưởng phòng hỏi": the head of the writer's own office asks; "phòng hỏi" is no short name of "Văn phòng HĐND …".
        var due = await bot.SayAsync(economyChat, "Chị trưởng phòng hỏi: nv 13 phòng KT có phải làm ko, hạn khi nào");
        Assert.Contains("30/09/2026", due.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Văn phòng HĐND", due.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_with_their_details_who_took_them_and_whom_the_message_addresses_are_read_for_what_was_done()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 30, 9, 0, 0, TimeSpan.FromHours(7)));
        const string economy = "Phòng Kinh tế";
        const string committee = "Ủy ban nhân dân xã Hoa Thám";
        const string communeOffice = "Văn phòng HĐND và UBND xã";
        var farmersChat = await bot.LinkAsync(Farmers, ChatRole.Head, "346");
        var economyChat = await bot.LinkAsync(economy, ChatRole.Head, "347");
        var committeeChat = await bot.LinkAsync(committee, ChatRole.Head, "348");
        var officeChat = await bot.LinkAsync(communeOffice, ChatRole.Head, "349");

        // "đồng chí phụ trách thi đua" is who took the dossier: the words of item 13 it shares decide nothing, the bot asks.
        var dossier = await bot.SayAsync(farmersChat, "hội nông dân đã gửi hồ sơ khen thưởng rồi, gửi qua đồng chí phụ trách thi đua");
        Assert.Equal(["NOP 13", "NOP 3"], dossier.Buttons.Select(b => b.Command).Order(StringComparer.Ordinal));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Farmers, "13"));

        // What went with the report, and how, is not what was done.
        var review = await bot.SayAsync(economyChat, "P.KT họp sơ kết TĐKT 6 tháng đầu năm r, e gửi kèm biên bản + danh sách dự họp qua mail ạ");
        Assert.StartsWith("✅ Đã ghi nhận", review.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(economy, "9"));

        // "Báo cáo phòng văn hóa, …" addresses the office: the committee reports its own attendance.
        var attended = await bot.SayAsync(committeeChat, "báo cáo phòng văn hóa chủ tịch với phó chủ tịch đã dự hội nghị tổng kết thi đua khen thưởng của tỉnh sáng nay rồi nhé");
        Assert.StartsWith("✅ Đã ghi nhận", attended.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(committee, "5"));

        // "văn phòng hđnd và ủy ban xã" is the writer's own office, "UBND" said as "ủy ban".
        var own = await bot.SayAsync(officeChat, "văn phòng hđnd và ủy ban xã nộp kế hoạch thi đua năm 2026 rồi nhé");
        Assert.StartsWith("✅ Đã ghi nhận", own.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(communeOffice, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(committee, "D1"));
    }

    [Fact]
    public async Task What_a_takeback_keeps_stays_a_follow_up_by_number_reads_on_and_small_talk_gets_no_list()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinicChat = await bot.LinkAsync(Clinic, ChatRole.Head, "350");
        var schoolChat = await bot.LinkAsync(School, ChatRole.Staff, "351");
        var officeChat = await bot.LinkAsync(Office, ChatRole.Office, "352");

        // "D1 thì đúng rồi": the plan stays confirmed whatever else the takeback names.
        await bot.SayAsync(clinicChat, "TYT xã báo cáo: đã nộp D1");
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "D1"));
        var kept = await bot.SayAsync(clinicChat, "à danh sách khen thưởng chưa gửi đâu, bỏ cái đó ra giúp, D1 thì đúng rồi");
        Assert.DoesNotContain("Đã hủy xác nhận", kept.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Clinic, "D1"));

        // "thế còn nv 13?" asks the question before of item 13: its due date.
        await bot.SayAsync(schoolChat, "nv 9 hạn bao giờ vậy");
        var next = await bot.SayAsync(schoolChat, "thế còn nv 13?");
        Assert.Contains("30/09/2026", next.Text, StringComparison.Ordinal);

        // Small talk that only looks like a question lists nothing.
        var talk = await bot.SayAsync(officeChat, "hnay valentine ai rủ đi cafe ko 😂");
        Assert.StartsWith("Xin lỗi, bot chưa hiểu câu này.", talk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_said_aloud_a_notice_to_draft_and_how_to_write_to_the_bot_are_read_as_meant()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinicChat = await bot.LinkAsync(Clinic, ChatRole.Head, "353");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "354");
        await bot.LinkAsync(School, ChatRole.Head, "355");

        // «tháng sáu», dictated with its marks, is June: the mid-year meeting due 30/06 is listed, nothing of July.
        var june = await bot.SayAsync(clinicChat, "trạm còn phải làm những gì từ giờ đến cuối tháng sáu");
        Assert.Contains("30/06/2026", june.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/07/2026", june.Text, StringComparison.Ordinal);

        // «soạn giúp tôi thông báo …» asks for the notice itself, drafted for the office to send.
        var notice = await bot.SayAsync(office, "soạn giúp tôi thông báo gửi các trường nhắc hạn nộp kế hoạch năm học là ngày 15/10 nhé");
        Assert.StartsWith("Xem trước tin phát động gửi", notice.Text, StringComparison.Ordinal);

        // Asking how to write a report to the bot gets the help, and records nothing.
        var how = await bot.SayAsync(clinicChat, "tôi già rồi không biết dùng cái máy này nhắn thế nào thì nó ghi là đã nộp rồi hả cháu");
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", how.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Clinic, "9"));
    }

    [Fact]
    public async Task Start_without_a_code_greets_and_shows_all_the_bot_can_do()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 8, 9, 0, 0, TimeSpan.FromHours(7)));
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "140");

        var start = await bot.SayAsync(clinic, "/start");

        Assert.StartsWith("Xin chào", start.Text, StringComparison.Ordinal);
        Assert.Contains("Bot đang phục vụ Trạm Y tế xã.", start.Text, StringComparison.Ordinal);
        Assert.Contains("Bot nhắc việc thi đua, khen thưởng.", start.Text, StringComparison.Ordinal);
        Assert.Contains("/huy", start.Text, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Confirmations(Reply reply) =>
        reply.Buttons.Select(b => b.Command).Where(c => c.StartsWith("NOP", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
}
