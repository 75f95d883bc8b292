using Microsoft.EntityFrameworkCore;
using TdktBot.Data.Entities;
using TdktBot.Messaging;
using TdktBot.Testing;

namespace TdktBot.Tests.Conversations;

/// <summary>What people see when they write to the bot: questions, confirmations, the office's tools, and strangers; on SQLite and on PostgreSQL.</summary>
public abstract class ConversationTests(TestStore store) : IAsyncLifetime
{
    private const string School = "Trường THCS Hoa Thám";
    private const string Clinic = "Trạm Y tế xã";
    private const string Office = "Phòng Văn hóa - Xã hội";
    private static readonly DateTimeOffset April10 = new(2026, 4, 10, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset January20 = new(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("quý này có việc gì")]
    [InlineData("quy nay co viec gi")]
    [InlineData("/quy")]
    [InlineData("QUÝ II")]
    public async Task This_quarter_in_April_lists_the_second_quarter_tasks_with_due_date_and_status(string question)
    {
        await using var bot = await StartAsync(April10);
        var chat = await bot.LinkAsync(School, ChatRole.Head, "100");

        var reply = await bot.SayAsync(chat, question);

        Assert.StartsWith("Quý II/2026", reply.Text, StringComparison.Ordinal);
        foreach (var number in new[] { "7", "8", "9", "10", "12" })
        {
            Assert.Contains($"Nhiệm vụ {number}:", reply.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Nhiệm vụ 1:", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: Thứ Ba, 30/06/2026", reply.Text, StringComparison.Ordinal);
        Assert.Contains("đơn vị chưa nộp", reply.Text, StringComparison.Ordinal);
        Assert.Contains("đơn vị không phải thực hiện", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_marked_blocked_that_writes_again_is_answered_and_active_once_more()
    {
        await using var bot = await StartAsync(January20);
        var chat = await bot.LinkAsync(School, ChatRole.Head, "100");
        Assert.Contains("Hạn nộp D1", (await bot.SayAsync(chat, "đơn vị tôi còn việc gì")).Text, StringComparison.Ordinal);
        await using (var db = bot.Store())
        {
            var blocked = await db.Chats.SingleAsync(c => c.Address == chat);
            blocked.Active = false;
            blocked.InactiveReason = "Telegram 403: Forbidden: bot was blocked by the user";
            await db.SaveChangesAsync();
        }

        Assert.Contains("Hạn nộp D1", (await bot.SayAsync(chat, "đơn vị tôi còn việc gì")).Text, StringComparison.Ordinal);

        await using (var db = bot.Store())
        {
            var stored = await db.Chats.SingleAsync(c => c.Address == chat);
            Assert.True(stored.Active);
            Assert.Null(stored.InactiveReason);
        }

        Assert.StartsWith("✅ Đã ghi nhận", (await bot.SayAsync(chat, "NOP D1")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_follow_what_another_process_writes_to_the_store_at_once()
    {
        // The engine answers from its copy of the store while nothing has changed; the command line, a plan reload or
        // the office's own tools write with contexts and connections of their own.
        await using var bot = await StartAsync(January20);
        var chat = await bot.LinkAsync(School, ChatRole.Head, "100");
        Assert.Contains("Hạn nộp D1", (await bot.SayAsync(chat, "đơn vị tôi còn việc gì")).Text, StringComparison.Ordinal);

        await using (var other = bot.Store())
        {
            foreach (var obligation in await other.Obligations.Where(o => o.Target.Number == "D1").ToListAsync())
            {
                obligation.Status = ObligationStatus.Submitted;
                obligation.StatusChangedAt = January20.AddHours(-1);
            }

            await other.SaveChangesAsync();
        }

        var pending = await bot.SayAsync(chat, "đơn vị tôi còn việc gì");
        Assert.DoesNotContain("Hạn nộp D1", pending.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn nộp D2", pending.Text, StringComparison.Ordinal);
        var again = await bot.SayAsync(chat, "NOP D1");
        Assert.StartsWith("Đơn vị đã xác nhận nộp hạn nộp D1", again.Text, StringComparison.Ordinal);
        Assert.Contains("ngày 20/01/2026 rồi", again.Text, StringComparison.Ordinal);

        // A chat unlinked elsewhere is a stranger from its next message.
        await using (var other = bot.Store())
        {
            await other.Chats.Where(c => c.Address == "100").ExecuteUpdateAsync(s => s.SetProperty(c => c.UnitId, (long?)null));
            await other.MarkChangedAsync();
        }

        Assert.Equal(TdktBot.Core.Conversations.ReplyTexts.Stranger, (await bot.SayAsync(chat, "đơn vị tôi còn việc gì")).Text);
    }

    [Fact]
    public async Task Confirming_by_command_stores_the_submission_tells_the_office_and_drops_it_from_the_pending_list()
    {
        await using var bot = await StartAsync(January20);
        var chat = await bot.LinkAsync(School, ChatRole.Head, "100");
        await bot.LinkAsync(Office, ChatRole.Office, "900");

        var reply = await bot.SayAsync(chat, "NOP D1");

        Assert.StartsWith("✅ Đã ghi nhận", reply.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D1"));
        var pending = await bot.SayAsync(chat, "đơn vị tôi còn việc gì chưa nộp");
        Assert.DoesNotContain("Hạn nộp D1", pending.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn nộp D2", pending.Text, StringComparison.Ordinal);
        Assert.Contains(pending.Buttons, b => b.Command == "NOP D2");
        await using var db = bot.Store();
        var notice = await db.Deliveries.Include(d => d.Chat).SingleAsync(d => d.Kind == "notice");
        Assert.Equal("900", notice.Chat.Address);
        Assert.Contains($"{School} đã xác nhận nộp Hạn nộp D1", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_whose_words_fit_two_plans_asks_which_and_changes_nothing_until_one_is_pressed()
    {
        await using var bot = await StartAsync(January20);
        var chat = await bot.LinkAsync(School, ChatRole.Head, "100");

        var first = await bot.SayAsync(chat, "đã nộp kế hoạch rồi");
        var unchanged = await bot.StatusAsync(School, "D1");
        var pressed = await bot.SayAsync(chat, "NOP D1", fromButton: true);
        var again = await bot.SayAsync(chat, "/nop D1");

        Assert.StartsWith("Đơn vị đã nộp việc nào?", first.Text, StringComparison.Ordinal);
        Assert.Contains(first.Buttons, b => b.Command == "NOP D1");
        Assert.Contains(first.Buttons, b => b.Command == "NOP D2");
        Assert.Equal(ObligationStatus.Pending, unchanged);
        Assert.StartsWith("✅ Đã ghi nhận: đơn vị đã nộp hạn nộp D1", pressed.Text, StringComparison.Ordinal);
        Assert.Contains("rồi, không cần xác nhận lại", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_cannot_confirm_what_it_does_not_owe_and_staff_cannot_confirm()
    {
        await using var bot = await StartAsync(January20);
        var clinic = await bot.LinkAsync(Clinic, ChatRole.Head, "200");
        var staff = await bot.LinkAsync(School, ChatRole.Staff, "300");

        var notOwed = await bot.SayAsync(clinic, "NOP D2");
        var byStaff = await bot.SayAsync(staff, "NOP D1", fromButton: true);

        Assert.Contains("không có việc số D2", notOwed.Text, StringComparison.Ordinal);
        Assert.Contains("thủ trưởng đơn vị", byStaff.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(School, "D1"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync("Trường Mầm non Hoa Thám", "D2"));
    }

    [Fact]
    public async Task A_stranger_learns_only_how_to_get_an_invite_even_with_a_forged_button()
    {
        await using var bot = await StartAsync(January20);

        var reply = await bot.SayAsync("555", "NOP D1", fromButton: true);

        Assert.Contains("chưa được liên kết", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/start", reply.Text, StringComparison.Ordinal);
        await using var db = bot.Store();
        Assert.False(await db.Obligations.AnyAsync(o => o.Status != ObligationStatus.Pending));
    }

    [Fact]
    public async Task The_office_invites_a_unit_and_the_code_links_a_new_chat()
    {
        await using var bot = await StartAsync(January20);
        var office = await bot.LinkAsync(Office, ChatRole.Office, "900");

        var invite = await bot.SayAsync(office, "/moi Trạm Y tế xã");
        var code = CodeIn(invite);
        var linked = await bot.SayAsync("777", "/start " + code);
        var question = await bot.SayAsync("777", "tuần này có hạn gì");

        Assert.Contains("Mã mời cho Trạm Y tế xã (thủ trưởng đơn vị)", invite.Text, StringComparison.Ordinal);
        Assert.Contains("hiệu lực đến hết 27/01/2026", invite.Text, StringComparison.Ordinal);
        Assert.Contains("Đã liên kết cuộc trò chuyện này với Trạm Y tế xã", linked.Text, StringComparison.Ordinal);
        Assert.StartsWith("Tuần 19/01 – 25/01/2026", question.Text, StringComparison.Ordinal);
        Assert.Contains("Mã mời này đã được dùng", (await bot.SayAsync("778", "/start " + code)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_chats_guessing_codes_pause_redemption_for_everyone_for_15_minutes_and_the_office_is_told_once()
    {
        await using var bot = await StartAsync(January20);
        var office = await bot.LinkAsync(Office, ChatRole.Office, "900");
        var code = CodeIn(await bot.SayAsync(office, "/moi Trạm Y tế xã"));

        // 17 chats × 3 wrong codes: each chat stays under its own limit of 5, together they pass 50.
        for (var guess = 0; guess < 51; guess++)
        {
            await bot.SayAsync($"66{guess % 17}", $"/start SAIMA{guess:D5}");
        }

        var paused = await bot.SayAsync("777", "/start " + code);
        bot.Clock.Advance(TimeSpan.FromMinutes(14));
        var still = await bot.SayAsync("778", "/start " + code);
        bot.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var linked = await bot.SayAsync("777", "/start " + code);

        Assert.Equal(
            "Bot đang tạm ngừng nhận mã mời vì có quá nhiều mã sai được gửi tới. Vui lòng đợi khoảng 15 phút rồi gửi lại mã.",
            paused.Text);
        Assert.Equal(paused.Text, still.Text);
        Assert.Contains("Đã liên kết cuộc trò chuyện này với Trạm Y tế xã", linked.Text, StringComparison.Ordinal);
        await using var db = bot.Store();
        var notice = Assert.Single(await db.Deliveries.Where(d => d.Kind == "notice").Include(d => d.Chat).ToListAsync());
        Assert.Equal(office, notice.Chat.Address);
        Assert.StartsWith("⚠️ Có hơn 50 mã mời sai được gửi tới bot trong một giờ qua, có thể có người đang dò mã. "
            + "Bot tạm ngừng nhận mã mời 15 phút với mọi người.", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Office_tools_are_refused_politely_to_units_and_work_for_the_office()
    {
        await using var bot = await StartAsync(new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync(School, ChatRole.Head, "100");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "900");
        await bot.SayAsync(school, "NOP D1");

        var refused = await bot.SayAsync(school, "ai chưa nộp D1");
        var list = await bot.SayAsync(office, "ai chưa nộp D1");
        var accepted = await bot.SayAsync(office, "/tiepnhan Trường THCS Hoa Thám D1");

        Assert.Contains("chỉ Phòng Văn hóa - Xã hội", refused.Text, StringComparison.Ordinal);
        Assert.Contains("15 đơn vị chưa nộp", list.Text, StringComparison.Ordinal);
        Assert.Contains("- Trạm Y tế xã", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("- " + School, list.Text, StringComparison.Ordinal);
        Assert.StartsWith("Đã tiếp nhận", accepted.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Accepted, await bot.StatusAsync(School, "D1"));
    }

    [Fact]
    public async Task The_office_sees_units_in_vietnamese_alphabetical_order()
    {
        await using var bot = await StartAsync(January20);
        var office = await bot.LinkAsync(Office, ChatRole.Office, "900");

        var list = await bot.SayAsync(office, "/chuanop D1");

        // In code-point order «Hội Nông dân» came before «Hội đồng …», «Trường …» before «Trạm Y tế» and «Ủy ban …» last.
        string[] expected =
        [
            "Ban Chỉ huy Quân sự xã", "Công an xã", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Hội Cựu chiến binh xã",
            "Hội đồng Thi đua - Khen thưởng xã", "Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội",
            "Trạm Y tế xã", "Trường Mầm non Hoa Thám", "Trường THCS Hoa Thám", "Trường Tiểu học Hoa Thám", "Ủy ban MTTQ Việt Nam xã",
            "Ủy ban nhân dân xã Hoa Thám", "Văn phòng HĐND và UBND xã",
        ];
        Assert.Equal(expected, list.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]));
    }

    [Fact]
    public async Task A_head_who_joins_in_the_units_group_confirms_there_and_the_groups_other_members_only_ask()
    {
        await using var bot = await StartAsync(January20);
        var office = await bot.LinkAsync(Office, ChatRole.Office, "900");
        var invite = await bot.SayAsync(office, "/moi Trường THCS Hoa Thám");
        var code = CodeIn(invite);

        var joined = await bot.SayAsync("-100", "501", isGroup: true, "/start " + code);
        var byMember = await bot.SayAsync("-100", "502", isGroup: true, "NOP D1", fromButton: true);
        var owed = await bot.SayAsync("-100", "502", isGroup: true, "/conno");
        var byHead = await bot.SayAsync("-100", "501", isGroup: true, "NOP D1");

        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {School} (thủ trưởng đơn vị).", joined.Text, StringComparison.Ordinal);
        Assert.Contains("các thành viên khác trong nhóm dùng bot với vai trò cán bộ", joined.Text, StringComparison.Ordinal);
        Assert.Equal(TdktBot.Core.Conversations.ReplyTexts.HeadOnly, byMember.Text);
        Assert.Contains("Hạn nộp D1", owed.Text, StringComparison.Ordinal);
        Assert.Empty(owed.Buttons);
        Assert.StartsWith("✅ Đã ghi nhận", byHead.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(School, "D1"));

        await using var db = bot.Store();
        var group = await db.Chats.Include(c => c.Unit).SingleAsync(c => c.Address == "-100");
        Assert.Equal((School, true), (group.Unit!.Name, group.IsGroup));
        var people = await db.Members.Where(m => m.Unit.Name == School).Select(m => new { m.PersonId, m.Role }).ToListAsync();
        Assert.Equal([("501", ChatRole.Head)], people.Select(m => (m.PersonId, m.Role)));
        var audit = await db.Audit.SingleAsync(a => a.Action == "obligation.confirm");
        Assert.Equal(("Telegram Người dùng 501 (Trường THCS Hoa Thám)", "telegram:501"), (audit.Actor, audit.ActorId));
    }

    [Fact]
    public async Task An_unknown_message_suggests_what_to_ask_and_an_ambiguous_one_offers_choices()
    {
        await using var bot = await StartAsync(January20);
        var chat = await bot.LinkAsync(School, ChatRole.Head, "100");

        var unknown = await bot.SayAsync(chat, "con mèo nhà tôi màu vàng");
        var ambiguous = await bot.SayAsync(chat, "nộp");

        Assert.Contains("quý này có việc gì", unknown.Text, StringComparison.Ordinal);
        Assert.Equal("Bạn muốn hỏi điều nào?", ambiguous.Text);
        Assert.True(ambiguous.Buttons.Count >= 2);
    }

    /// <summary>The code in the office's invite reply.</summary>
    private static string CodeIn(Reply invite) => System.Text.RegularExpressions.Regex.Match(invite.Text, "/start ([A-Z0-9]{10})").Groups[1].Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    private Task<EngineUnderTest> StartAsync(DateTimeOffset now) => EngineUnderTest.StartAsync(now, store.Settings());

    public sealed class OnSqlite() : ConversationTests(new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : ConversationTests(new TestStore(postgres));
}
