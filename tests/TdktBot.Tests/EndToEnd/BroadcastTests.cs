using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Cli;
using TdktBot.Core.Text;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// A campaign launch to 200 Telegram chats, with Telegram's flood limits enforced at the fake, one injected 429 and
/// one user who blocked the bot: everyone else gets it once, the office gets a true report, and the sender's own
/// pacing never runs into the limits.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class BroadcastTests
{
    private const long Office = 5001;
    private const long FirstUnitChat = 100_001;
    private const int UnitChats = 199;
    private const long Blocked = 100_077;
    private const int PerSecond = 100;
    private const string Launch = "Phát động phong trào thi đua yêu nước năm 2026, chào mừng Đại hội Đảng bộ xã";

    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_broadcast_to_200_chats_with_a_429_and_a_blocked_chat_reaches_all_others_once_reports_truly_and_keeps_the_limits()
    {
        // A clock running at real speed, since the sender's pause after a 429 is kept on the bot's clock; started on a
        // Sunday, so no reminder falls due and mixes with the launch.
        var time = new SimulatedClock(MessengerBotUnderTest.Vn(2026, 3, 1, 9), TimeProvider.System);
        await using var bot = await MessengerBotUnderTest.StartAsync(time, new Dictionary<string, string?>
        {
            ["Delivery:MessagesPerSecond"] = PerSecond.ToString(CultureInfo.InvariantCulture),
            ["Delivery:PerChatInterval"] = "00:00:01",
            ["Delivery:PerGroupPerMinute"] = "20",
        });
        // The office's own chat is the 200th recipient: its unit is one of "all units".
        await bot.LinkOfficeAsync(Office);
        var recipients = await AddUnitChatsAsync(bot);
        var blockedLabel = $"{recipients[Blocked].Name} ({recipients[Blocked].Unit})";
        bot.Fake.Block(Blocked);

        var preview = await bot.SayAsync(Office, "/phatdong " + Launch);
        var send = preview.Buttons.SelectMany(row => row).Single(b => b.Text == "📣 Gửi");

        // A person reads the preview before pressing «Gửi»; a press within the same second would make the bot's answer
        // follow the preview faster than Telegram allows in one chat, through the tester's haste. From here on the fake
        // refuses whatever exceeds Telegram's limits, counting what was sent before.
        var reading = preview.ReceivedAt + OneSecond - bot.Fake.Elapsed;
        if (reading > TimeSpan.Zero)
        {
            await Task.Delay(reading);
        }

        bot.Fake.EnforceLimits(globalPerSecond: PerSecond, perChatPerSecond: 1, perGroupPerMinute: 20);
        var confirmed = await bot.PressAsync(Office, preview.MessageId, send.CallbackData!);

        // Telegram's flood control strikes in the middle of the launch, once the sender is going at full speed.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.Sent.Count(m => m.PlainText == Launch) >= 50, MessengerBotUnderTest.Patience, "50 launch messages");
        bot.Fake.FailNext("sendMessage", 429, retryAfter: 1);
        var report = Assert.Single(await bot.Fake.WaitForMessagesAsync(
            m => m.ChatId == Office && m.PlainText.StartsWith("📣 Kết quả phát động", StringComparison.Ordinal), timeout: TimeSpan.FromSeconds(30)));

        Assert.Contains("Xem trước tin phát động gửi tất cả đơn vị: 200 cuộc trò chuyện của 16 đơn vị.", preview.PlainText, StringComparison.Ordinal);
        Assert.Equal(ReplyTexts.BroadcastConfirmed(200), confirmed.Reply.PlainText);

        // Every chat but the blocked one got the launch exactly once; the blocked one was tried once and refused.
        var launches = bot.Fake.Sent.Where(m => m.PlainText == Launch).Select(m => m.ChatId).ToList();
        Assert.Equal(199, launches.Count);
        Assert.Equal(recipients.Keys.Where(id => id != Blocked).Append(Office).Order(), launches.Order());
        // Also: no send was refused for exceeding a limit (those are 429s recorded here, unlike the injected one).
        Assert.Equal([(Blocked, 403)], bot.Fake.Refused.Select(m => (m.ChatId, m.ErrorCode ?? 0)));

        var lines = report.PlainText.Split('\n');
        Assert.Equal("📣 Kết quả phát động: đã gửi 199/200; lỗi 0; bị chặn 1:", lines[0]);
        Assert.Equal(["- " + blockedLabel], lines.Where(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Equal($"Nội dung phát động ngày 01/03/2026: «{VietnameseFormat.Shorten(Launch, 60)}»", lines[^1]);

        // The only 429 was the injected one, and after it the sender waited retry_after before sending anything.
        var stats = bot.Fake.Stats;
        Assert.Equal(1, stats.TooManyRequests);
        Assert.InRange(stats.MaxPerSecond, 1, PerSecond);
        Assert.Equal(0, stats.MaxPerMinuteInOneGroup);
        var sends = bot.Fake.Calls.Where(c => c.Method == "sendMessage").ToList();
        var tooMany = sends.FindIndex(c => c.StatusCode == 429);
        Assert.InRange(tooMany, 0, sends.Count - 2);
        Assert.True(sends[tooMany + 1].At - sends[tooMany].At >= OneSecond,
            $"The next send came {(sends[tooMany + 1].At - sends[tooMany].At).TotalMilliseconds:0} ms after a 429 with retry_after 1 s.");

        // The office chat, the only one written to more than once, never got two messages within a second once sending began.
        var toOffice = bot.Fake.Sent.Concat(bot.Fake.Refused)
            .Where(m => m.ChatId == Office && m.ReceivedAt >= confirmed.Reply.ReceivedAt)
            .Select(m => m.ReceivedAt).Order().ToList();
        Assert.All(toOffice.Zip(toOffice.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= OneSecond, $"Two messages to the office {gap.TotalMilliseconds:0} ms apart."));

        var notice = Assert.Single(bot.Fake.Sent, m => m.ChatId == Office && m.PlainText.StartsWith("⚠️", StringComparison.Ordinal));
        Assert.StartsWith(
            $"⚠️ Bot không gửi được tin nhắn tới «{recipients[Blocked].Name}» ({recipients[Blocked].Unit}) trên Telegram: Telegram 403",
            notice.PlainText,
            StringComparison.Ordinal);

        await using var db = bot.OpenStore();
        var blocked = await db.Chats.SingleAsync(c => c.Address == MessengerBotUnderTest.Address(Blocked));
        Assert.False(blocked.Active);
        Assert.StartsWith("Telegram 403", blocked.InactiveReason, StringComparison.Ordinal);
        var rows = await db.Deliveries.Where(d => d.BroadcastId != null).ToListAsync();
        Assert.Equal((199, 1), (rows.Count(d => d.Status == DeliveryStatus.Sent), rows.Count(d => d.Status == DeliveryStatus.Failed)));
        Assert.Single(rows, d => d.Attempts == 2 && d.Status == DeliveryStatus.Sent);
    }

    /// <summary>
    /// 199 private chats of the 15 units other than the office, linked as if each had redeemed an invite, and known
    /// to Telegram; returns each chat's name and unit by chat id.
    /// </summary>
    private static async Task<Dictionary<long, (string Name, string Unit)>> AddUnitChatsAsync(MessengerBotUnderTest bot)
    {
        await using var db = bot.OpenStore();
        var units = await db.Units.Where(u => u.InDirectory && !u.IsOffice).OrderBy(u => u.Id).ToListAsync();
        var now = bot.Get<TimeProvider>().GetUtcNow();
        var recipients = new Dictionary<long, (string Name, string Unit)>();
        for (var i = 0; i < UnitChats; i++)
        {
            var id = FirstUnitChat + i;
            var unit = units[i % units.Count];
            var name = $"Người nhận {id}";
            db.Chats.Add(new Chat { Channel = Messenger.Telegram, Address = MessengerBotUnderTest.Address(id), DisplayName = name, UnitId = unit.Id, CreatedAt = now });
            bot.Fake.AddChat(id, name);
            recipients[id] = (name, unit.Name);
        }

        await db.SaveChangesAsync();
        return recipients;
    }
}
