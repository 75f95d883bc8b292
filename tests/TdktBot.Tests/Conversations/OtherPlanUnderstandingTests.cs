using TdktBot.Data.Entities;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Conversations;

/// <summary>
/// The same kinds of message against a plan written with other habits: its own campaigns ("Dân vận khéo"), a legal
/// quiz, quarterly reports, a registration deadline, numbers with gaps. Nothing here was tuned on; it checks that the
/// reading goes by the plan it is given.
/// </summary>
public sealed class OtherPlanUnderstandingTests : IDisposable
{
    private const string Police = "Công an xã";
    private const string Women = "Hội Liên hiệp Phụ nữ xã";

    private const string Plan = """
        year: 2026
        title: Kế hoạch thi đua năm 2026 (bản thử, cách viết khác)
        tasks:
          - number: "1"
            quarter: 1
            content: Đăng ký danh hiệu thi đua và ký giao ước thi đua năm 2026
            units: [Công an xã, Hội Liên hiệp Phụ nữ xã]
            due: 2026-02-27
          - number: "2"
            quarter: 2
            content: Tổ chức Hội thi tìm hiểu pháp luật về thi đua, khen thưởng
            units: [Công an xã, Hội Liên hiệp Phụ nữ xã]
            due: 2026-05-29
          - number: "5"
            quarter: 2
            content: Sơ kết phong trào thi đua "Dân vận khéo"
            units: [Công an xã, Hội Liên hiệp Phụ nữ xã]
            due: 2026-06-30
          - number: "6"
            quarter: 4
            content: Tổng kết phong trào thi đua "Dân vận khéo"
            units: [Công an xã, Hội Liên hiệp Phụ nữ xã]
            due: 2026-12-15
          - number: "8"
            quarter: 3
            content: Gửi báo cáo kết quả thi đua quý III về Thường trực Hội đồng
            units: [Công an xã]
            due: 2026-09-25
        deadlines:
          - id: D1
            due: 2026-02-13
            content: Các cơ quan, đơn vị gửi bản đăng ký thi đua về UBND xã trước ngày 13/02/2026.
            appliesTo: [tat-ca]
        """;

    private readonly TempFolder _folder = new();

    private Dictionary<string, string?> Settings() => new() { ["Plan:File"] = _folder.Write("ke-hoach-khac.yaml", Plan) };

    [Fact]
    public async Task Sơ_kết_and_tổng_kết_of_a_campaign_are_told_apart_in_questions_and_reports()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.FromHours(7)), Settings());
        var chat = await bot.LinkAsync(Women, ChatRole.Head, "1");

        var when = await bot.SayAsync(chat, "sơ kết dân vận khéo hạn khi nào");
        var done = await bot.SayAsync(chat, "hội đã sơ kết phong trào dân vận khéo rồi nhé");

        Assert.StartsWith("Nhiệm vụ 5:", when.Text, StringComparison.Ordinal);
        Assert.Contains("30/06/2026", when.Text, StringComparison.Ordinal);
        Assert.Contains("nhiệm vụ số 5", done.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await bot.StatusAsync(Women, "5"));
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Women, "6"));
    }

    [Fact]
    public async Task A_report_by_its_own_words_and_a_plain_undo_work_on_this_plan_too()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.FromHours(7)), Settings());
        var chat = await bot.LinkAsync(Police, ChatRole.Head, "2");

        await bot.SayAsync(chat, "công an xã đã tổ chức hội thi tìm hiểu pháp luật xong");
        var confirmed = await bot.StatusAsync(Police, "2");
        var undone = await bot.SayAsync(chat, "nhầm rồi, hủy giúp");

        Assert.Equal(ObligationStatus.Submitted, confirmed);
        Assert.StartsWith("Đã hủy xác nhận nộp nhiệm vụ số 2", undone.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Pending, await bot.StatusAsync(Police, "2"));
    }

    [Fact]
    public async Task Periods_and_an_item_that_does_not_exist_are_read_against_this_plan()
    {
        await using var bot = await EngineUnderTest.StartAsync(new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.FromHours(7)), Settings());
        var chat = await bot.LinkAsync(Police, ChatRole.Head, "3");

        var soon = await bot.SayAsync(chat, "tháng này công an còn gì phải nộp");
        var missing = await bot.SayAsync(chat, "đã nộp nv 3");

        Assert.Contains("Hạn nộp D1", soon.Text, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ 1", soon.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhiệm vụ 2", soon.Text, StringComparison.Ordinal);
        Assert.StartsWith("Kế hoạch không có mục «3»", missing.Text, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
