using TdktBot.Core.Conversations;

namespace TdktBot.Core.Tests.Conversations;

public sealed class BroadcastTextsTests
{
    private const string Launch = "Hưởng ứng phong trào thi đua «Xã hội học tập» năm 2026, các đơn vị đăng ký danh hiệu trước ngày 15/03/2026.\nChi tiết xem kế hoạch kèm theo.";
    private static readonly DateOnly Confirmed = new(2026, 3, 2);

    [Fact]
    public void The_report_gives_the_counts_then_names_the_failed_and_blocked_chats()
    {
        var report = BroadcastTexts.Report(298, 300, ["Nhóm THCS Hoa Thám (Trường THCS Hoa Thám)"], ["Nhóm Công an xã (Công an xã)"], Confirmed, Launch);

        Assert.Equal(
            """
            📣 Kết quả phát động: đã gửi 298/300; lỗi 1; bị chặn 1:
            Lỗi (bot đã thử lại nhiều lần nhưng không gửi được):
            - Nhóm THCS Hoa Thám (Trường THCS Hoa Thám)
            Bị chặn (bot bị chặn hoặc bị xóa khỏi nhóm; hãy mời lại đơn vị để tiếp tục nhận tin):
            - Nhóm Công an xã (Công an xã)
            Nội dung phát động ngày 02/03/2026: «Hưởng ứng phong trào thi đua «Xã hội học tập» năm 2026, các…»
            """.ReplaceLineEndings("\n"),
            report);
    }

    [Fact]
    public void A_report_with_nothing_wrong_ends_after_the_counts()
    {
        var report = BroadcastTexts.Report(12, 12, [], [], Confirmed, "Phát động thi đua");

        Assert.Equal("📣 Kết quả phát động: đã gửi 12/12; lỗi 0; bị chặn 0.\nNội dung phát động ngày 02/03/2026: «Phát động thi đua»", report);
    }

    [Fact]
    public void A_long_list_is_cut_so_the_report_stays_one_message()
    {
        var blocked = Enumerable.Range(1, 300).Select(i => $"Nhóm số {i} (Đơn vị số {i})").ToList();

        var report = BroadcastTexts.Report(0, 300, [], blocked, Confirmed, Launch);

        Assert.Contains("- Nhóm số 40 (Đơn vị số 40)\n- … và 260 cuộc trò chuyện khác\n", report, StringComparison.Ordinal);
        Assert.DoesNotContain("Nhóm số 41 ", report, StringComparison.Ordinal);
        Assert.True(report.Length < 4096, $"{report.Length} characters");
    }

    [Fact]
    public void Progress_says_how_many_went_and_how_many_did_not()
    {
        Assert.Equal(
            "📣 Đã gửi 120/300 tin phát động…\nNội dung phát động ngày 02/03/2026: «Phát động thi đua»",
            BroadcastTexts.Progress(120, 300, 0, Confirmed, "Phát động thi đua"));
        Assert.Equal(
            "📣 Đã gửi 150/300 tin phát động (2 tin chưa gửi được)…\nNội dung phát động ngày 02/03/2026: «Phát động thi đua»",
            BroadcastTexts.Progress(150, 300, 2, Confirmed, "  Phát động thi đua\r\nDòng hai"));
    }

    [Theory]
    [InlineData("Nhóm THCS", "Trường THCS Hoa Thám", "Nhóm THCS (Trường THCS Hoa Thám)")]
    [InlineData("Công an xã", "Công an xã", "Công an xã")]
    [InlineData("-1001", null, "-1001")]
    public void A_chat_is_named_with_its_unit_when_that_says_more(string chat, string? unit, string expected) =>
        Assert.Equal(expected, BroadcastTexts.ChatLabel(chat, unit));
}
