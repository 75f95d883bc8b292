using System.Text;
using Microsoft.EntityFrameworkCore;
using TdktBot.Data.Entities;

namespace TdktBot.Tests.EndToEnd;

/// <summary>A unit confirms by sending its file with "NOP D1" as the caption: the office gets the notice and the file itself.</summary>
[Collection(OneAtATime.Name)]
public sealed class AttachmentTests
{
    private const long Office = 5001;
    private const long School = 6001;

    [Fact]
    public async Task A_file_sent_with_a_confirmation_is_forwarded_to_the_office_and_a_file_alone_asks_what_it_is_for()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 26, 9)));
        await bot.LinkOfficeAsync(Office);
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");

        var before = bot.Fake.Sent.Count(m => m.ChatId == School);
        bot.Fake.SendDocument(School, "ke-hoach-2026.pdf", Encoding.UTF8.GetBytes("%PDF kế hoạch"));
        var alone = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School, before + 1, MessengerBotUnderTest.Patience))[^1];

        var beforeConfirm = bot.Fake.Sent.Count(m => m.ChatId == School);
        bot.Fake.SendDocument(School, "ke-hoach-2026.pdf", Encoding.UTF8.GetBytes("%PDF kế hoạch"), caption: "NOP D1 bản có chữ ký");
        var confirmed = (await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School, beforeConfirm + 1, MessengerBotUnderTest.Patience))[^1];
        var forwarded = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.Method == "sendDocument", 1, MessengerBotUnderTest.Patience);

        Assert.Contains("«ke-hoach-2026.pdf»", alone.PlainText, StringComparison.Ordinal);
        Assert.Contains("NOP D1", alone.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận", confirmed.PlainText, StringComparison.Ordinal);
        var notice = Assert.Single(bot.Fake.Sent, m => m.ChatId == Office && m.PlainText.StartsWith("📥", StringComparison.Ordinal));
        Assert.Contains("Ghi chú: bản có chữ ký", notice.PlainText, StringComparison.Ordinal);
        Assert.Contains("Tệp đính kèm: ke-hoach-2026.pdf", notice.PlainText, StringComparison.Ordinal);
        Assert.Equal("%PDF kế hoạch", Encoding.UTF8.GetString(Assert.Single(forwarded).Document!.Content.Span));
        await using var db = bot.OpenStore();
        Assert.Equal(ObligationStatus.Submitted, await db.Obligations.Where(o => o.Unit.Name == "Trường THCS Hoa Thám" && o.Target.Number == "D1").Select(o => o.Status).SingleAsync());
    }
}
