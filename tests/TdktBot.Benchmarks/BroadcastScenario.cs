using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TdktBot.Broadcasts;
using TdktBot.Core.Access;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Testing;
using TdktBot.Obligations;
using TdktBot.Core.Conversations;

namespace TdktBot.Benchmarks;

/// <summary>
/// A broadcast (phát động) to many chats through the whole bot, against a fake Telegram that enforces flood limits
/// (a global rate, one message a second per chat, 20 a minute per group) and answers 429 beyond them. The global rate
/// is scaled up so the run is short, and the bot's Delivery:MessagesPerSecond is set to the same. The chats are
/// stored directly (three per unit); the office drafts and confirms through BroadcastService, as "/phatdong" does.
/// </summary>
internal static class BroadcastScenario
{
    private const long OfficeChat = 900_001;
    private const long FirstChat = 1_000_000;
    private const int ChatsPerUnit = 3;

    public static async Task<Report> RunAsync(Size size)
    {
        var rate = size.RatePerSecond;
        var settings = new Dictionary<string, string?>
        {
            ["Delivery:MessagesPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
            ["Delivery:PerChatInterval"] = "00:00:01",

            // As shipped (appsettings.example.json): the office hears of progress within 5 s. The test hosts' 0.1 s
            // would re-count thousands of rows ten times a second beside the sender.
            ["Broadcasts:CheckInterval"] = "00:00:05",
        };
        var start = new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));
        await using var host = await BenchHost.StartAsync(start, settings, fake => fake.EnforceLimits(rate, 1, 20));
        var fake = host.Fake;
        await host.LinkOfficeAsync(OfficeChat);

        var chats = Enumerable.Range(0, size.BroadcastChats).Select(i => FirstChat + i).ToArray();
        List<long> units;
        long officeChatId;
        await using (var db = host.OpenStore())
        {
            var now = host.Get<TimeProvider>().GetUtcNow();
            var made = Enumerable.Range(0, (chats.Length + ChatsPerUnit - 1) / ChatsPerUnit)
                .Select(i => new UnitRecord { Name = $"Tổ dân phố thử {i + 1}", InDirectory = false })
                .ToList();
            db.Units.AddRange(made);
            await db.SaveChangesAsync();
            db.Chats.AddRange(chats.Select((id, i) => new Chat
            {
                Channel = Messenger.Telegram,
                Address = id.ToString(CultureInfo.InvariantCulture),
                UnitId = made[i / ChatsPerUnit].Id,
                CreatedAt = now,
            }));
            await db.SaveChangesAsync();
            units = [.. made.Select(u => u.Id)];
            officeChatId = await db.Chats.Where(c => c.Address == OfficeChat.ToString(CultureInfo.InvariantCulture)).Select(c => c.Id).SingleAsync();
        }

        foreach (var id in chats)
        {
            fake.AddChat(id);
        }

        var before = fake.Stats;
        var text = "Phát động phong trào thi đua chào mừng ngày Quốc khánh 2/9. Đề nghị các đơn vị đăng ký danh hiệu thi đua trước 15/8.";
        await using (var db = host.OpenStore())
        {
            var broadcasts = new BroadcastService(db, host.Get<TimeProvider>());
            var office = new Actor("bench", null, Role.Office);
            var draft = await broadcasts.DraftAsync(officeChatId, office, text, null, units);
            if (draft.Chats != chats.Length || await broadcasts.ConfirmAsync(draft.BroadcastId, officeChatId, office) != BroadcastStep.Confirmed)
            {
                throw new InvalidOperationException($"The draft reached {draft.Chats} chats, not {chats.Length}, or was not confirmed.");
            }
        }

        host.Get<DeliverySignal>().Notify();
        var sent = await BenchHost.WaitForAllAsync(fake, chats, rate);

        var stats = fake.Stats;

        var seconds = (sent[^1].ReceivedAt - sent[0].ReceivedAt).TotalSeconds;
        var achieved = (sent.Count - 1) / seconds;
        var ratio = achieved / rate;
        var tooMany = stats.TooManyRequests - before.TooManyRequests;
        var minGap = stats.MinGapInOneChat is { } gap ? gap.TotalMilliseconds : -1;

        var report = new Report("broadcast");
        report.Row("chats", $"{chats.Length}", "", $"{units.Count} units, {ChatsPerUnit} chats each");
        report.Row("achieved rate, messages/s", Report.Number(achieved), $"{rate}",
            $"ratio {Report.Number(ratio, 3)} " + Report.Target(ratio >= 0.95, "≥ 0.95 of the limit"));
        report.Row("429 answers", $"{tooMany}", "0", Report.Target(tooMany == 0, "none"));
        report.Row("worst global second, sends", $"{stats.MaxPerSecond}", $"{rate}", "most sends in any sliding 1 s window, all chats");
        report.Row("min gap in one chat, ms", minGap < 0 ? "n/a" : Report.Number(minGap), "1,000.0",
            "shortest gap between two sends to one chat (only the office chat gets more than one)");
        report.Row("time to send all, s", Report.Number(seconds, 2), Report.Number((chats.Length - 1.0) / rate, 2), "first to last broadcast message");
        report.Json("chats", chats.Length);
        report.Json("achieved_per_s", achieved);
        report.Json("limit_per_s", rate);
        report.Json("ratio", ratio);
        report.Json("http_429", tooMany);
        report.Json("worst_chat_gap_ms", minGap);
        report.Json("worst_global_second", stats.MaxPerSecond);
        return report;
    }
}
