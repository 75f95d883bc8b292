using MiniExcelLibs;
using TdktBot.Data.Entities;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// "/baocao" through the real Telegram.Bot client and the Zalo client: the office on Telegram gets the summary and the
/// .xlsx itself (sendDocument); on Zalo, which sends no files, the summary says where the file was saved; a unit head
/// is refused.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class ReportChatTests
{
    private const long Office = 5101;
    private const long School = 6101;

    [Fact]
    public async Task The_office_gets_the_report_file_on_Telegram_and_its_summary_on_Zalo_and_a_head_is_refused()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 2, 10, 9)));
        await bot.LinkOfficeAsync(Office);
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");
        Assert.StartsWith("✅ Đã ghi nhận", (await bot.SayAsync(School, "NOP D1")).PlainText, StringComparison.Ordinal);
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.PlainText.StartsWith("📥", StringComparison.Ordinal), 1, MessengerBotUnderTest.Patience);
        await bot.OutboxSettledAsync();
        await bot.LinkOnZaloAsync("zalo-office", MessengerBotUnderTest.OfficeUnit, ChatRole.Office);

        var summary = await bot.SayAsync(Office, "/baocao D1");
        var document = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.Method == "sendDocument", 1, MessengerBotUnderTest.Patience));
        var refused = await bot.SayAsync(School, "/baocao");
        var onZalo = await bot.SayOnZaloAsync("zalo-office", "/baocao quý 1");

        Assert.StartsWith("📊 Báo cáo mục D1, tính đến ngày 10/02/2026: 16 đơn vị, 16 việc.", summary.PlainText, StringComparison.Ordinal);
        // Sent on 10/02 for 30/01: done, but late.
        Assert.Contains("• Hoàn thành đúng hạn: 0\n• Hoàn thành quá hạn: 1\n• Chưa hoàn thành, trong hạn: 0\n• Chưa hoàn thành, quá hạn: 15", summary.PlainText, StringComparison.Ordinal);
        Assert.Contains("Tệp Excel gửi kèm", summary.PlainText, StringComparison.Ordinal);
        Assert.Equal("baocao-2026-02-10-D1.xlsx", document.Document!.FileName);
        using (var xlsx = new MemoryStream(document.Document.Content.ToArray()))
        {
            var rows = MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>().ToList();
            var school = rows.Single(r => Equals(r["B"], "Trường THCS Hoa Thám"));
            Assert.Equal((0.0, 1.0), (Convert.ToDouble(school["C"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(school["D"], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.StartsWith("Xin lỗi, việc này chỉ Phòng Văn hóa - Xã hội", refused.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Sent, m => m.ChatId == School && m.Method == "sendDocument");
        Assert.StartsWith("📊 Báo cáo quý 1, tính đến ngày 10/02/2026", onZalo.Text, StringComparison.Ordinal);
        Assert.Contains("Tệp Excel đã lưu trên máy chạy bot: ", onZalo.Text, StringComparison.Ordinal);
        var saved = onZalo.Text[(onZalo.Text.IndexOf("bot: ", StringComparison.Ordinal) + 5)..].Split(' ')[0];
        Assert.True(File.Exists(saved), saved);
        Assert.EndsWith("baocao-2026-02-10-quy1.xlsx", saved, StringComparison.Ordinal);
    }
}
