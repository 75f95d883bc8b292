using TdktBot.Data.Entities;

namespace TdktBot.Tests.Conversations;

/// <summary>A question that reads on from the one before it in the same chat, end to end through the engine and the store.</summary>
public sealed class FollowUpTests
{
    private const string Office = "Phòng Văn hóa - Xã hội";
    private const string Economy = "Phòng Kinh tế";
    private static readonly DateTimeOffset August5 = new(2026, 8, 5, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task A_unit_or_a_period_alone_after_a_question_asks_it_again_for_them()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "1");

        var first = await bot.SayAsync(office, "cong an con no gi");
        var clinic = await bot.SayAsync(office, "tram y te");
        var schools = await bot.SayAsync(office, "còn mấy trường thì sao");

        Assert.StartsWith("Công an xã còn các việc sau chưa nộp", first.Text, StringComparison.Ordinal);
        Assert.StartsWith("Trạm Y tế xã còn các việc sau chưa nộp", clinic.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Công an", clinic.Text, StringComparison.Ordinal);
        Assert.Contains("Trường", schools.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trạm Y tế", schools.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_period_keeps_whose_and_what_was_asked_and_the_item_pointed_at_is_the_one_before()
    {
        await using var bot = await EngineUnderTest.StartAsync(August5);
        var economy = await bot.LinkAsync(Economy, ChatRole.Staff, "2");

        var thisQuarter = await bot.SayAsync(economy, "quy nay con gi k");
        var next = await bot.SayAsync(economy, "quý sau thì sao");
        var what = await bot.SayAsync(economy, "nv 13 là gì vậy");
        var when = await bot.SayAsync(economy, "cái đó hạn bao giờ");

        Assert.Contains("30/09/2026", thisQuarter.Text, StringComparison.Ordinal);
        Assert.StartsWith("Phòng Kinh tế còn các việc sau chưa nộp (", next.Text, StringComparison.Ordinal);
        Assert.Contains("31/12/2026", next.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("30/09/2026", next.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 13:", what.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 13:", when.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: ", when.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task How_many_days_are_left_after_a_question_about_an_item_is_asked_of_that_item()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 1, 13, 9, 0, 0, TimeSpan.FromHours(7)));
        var school = await bot.LinkAsync("Trường Mầm non Hoa Thám", ChatRole.Staff, "5");
        var other = await bot.LinkAsync("Trạm Y tế xã", ChatRole.Staff, "6");

        await bot.SayAsync(school, "D1 hạn ngày nào ạ");
        var left = await bot.SayAsync(school, "vậy còn mấy ngày nữa ạ");
        // Asked first, with nothing before it, it names nothing to count to.
        var alone = await bot.SayAsync(other, "còn mấy ngày");

        Assert.StartsWith("Hạn nộp D1:", left.Text, StringComparison.Ordinal);
        Assert.Contains("30/01/2026 (còn 17 ngày)", left.Text, StringComparison.Ordinal);
        Assert.StartsWith("Xin lỗi, bot chưa hiểu", alone.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fragment_long_after_the_question_or_from_another_chat_is_not_read_on_from_it_and_changes_nothing()
    {
        await using var bot = await EngineUnderTest.StartAsync(August5);
        var economy = await bot.LinkAsync(Economy, ChatRole.Staff, "3");
        var office = await bot.LinkAsync(Office, ChatRole.Office, "4");

        await bot.SayAsync(economy, "quy nay con gi k");
        var elsewhere = await bot.SayAsync(office, "quý sau thì sao");
        bot.Clock.Advance(TimeSpan.FromMinutes(45));
        var late = await bot.SayAsync(economy, "quý sau thì sao");

        Assert.DoesNotContain("còn các việc sau chưa nộp", elsewhere.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("còn các việc sau chưa nộp", late.Text, StringComparison.Ordinal);
        await using var db = bot.Store();
        Assert.All(db.Obligations.Where(o => o.Unit.Name == Economy).ToList(), o => Assert.Equal(ObligationStatus.Pending, o.Status));
    }

    [Fact]
    public async Task What_about_an_item_after_a_question_about_another_asks_the_same_of_it()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 5, 11, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "7");

        var report = await bot.SayAsync(office, "Báo cáo sơ kết 6 tháng hạn chót ngày bao nhiêu");
        var meeting = await bot.SayAsync(office, "còn hội nghị sơ kết của xã thì sao");

        Assert.StartsWith("Nhiệm vụ 8:", report.Text, StringComparison.Ordinal);
        Assert.StartsWith("Nhiệm vụ 9:", meeting.Text, StringComparison.Ordinal);
        Assert.Contains("Hạn: ", meeting.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Which_of_them_is_not_done_narrows_the_list_asked_for_before()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(7)));
        var office = await bot.LinkAsync(Office, ChatRole.Office, "8");

        await bot.SayAsync(office, "phòng đã nộp nv 17 rồi");
        var december = await bot.SayAsync(office, "Tháng 12 có những việc gì đến hạn");
        var notDone = await bot.SayAsync(office, "phòng mình thì còn việc nào chưa làm trong số đó");

        Assert.Contains("Nhiệm vụ 17:", december.Text, StringComparison.Ordinal);
        Assert.StartsWith("Phòng Văn hóa - Xã hội còn các việc sau chưa nộp (", notDone.Text, StringComparison.Ordinal);
        Assert.Contains("31/12/2026", notDone.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 21:", notDone.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 17:", notDone.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("30/09/2026", notDone.Text, StringComparison.Ordinal);
    }
}
