using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Testing;
using TdktBot.Core.Conversations;

namespace TdktBot.Benchmarks;

/// <summary>
/// Many chats reminded at once on a PostgreSQL store: the reminder deliveries a morning sweep stores (one per chat, due
/// now) are written straight into the store, then sent by one instance, and in a second run on a fresh database by two
/// instances sharing the store and one fake Telegram that enforces a global limit (Telegram's own 30/s at full size;
/// 100/s at the tiny size CI runs) and one message a second per chat, and answers 429 beyond them. Each instance's <c>Delivery:MessagesPerSecond</c> is that limit, as an operator
/// sets it: the rate holds across instances, so two must not send more together than one.
/// </summary>
internal static class BurstScenario
{
    private const long FirstChat = 3_000_000;

    public static async Task<Report> RunAsync(Size size)
    {
        using var postgres = new PostgresCluster();
        var one = await SendAsync(postgres, size, instances: 1);
        var two = await SendAsync(postgres, size, instances: 2);
        var rate = size.BurstRatePerSecond;

        var report = new Report("burst");
        report.Row("chats", $"{size.BroadcastChats}", "", "one reminder each, all due at once");
        foreach (var (name, run) in new[] { ("one instance", one), ("two instances", two) })
        {
            report.Row($"{name}: achieved rate, messages/s", Report.Number(run.Achieved), $"{rate}",
                $"ratio {Report.Number(run.Achieved / rate, 3)} " + Report.Target(run.Achieved / rate >= 0.95, "≥ 0.95 of the limit"));
            report.Row($"{name}: worst global second", $"{run.WorstSecond}", $"{rate}",
                Report.Target(run.WorstSecond <= rate, "never above the limit") + ", both instances counted at the fake");
            report.Row($"{name}: 429 answers", $"{run.TooMany}", "0", Report.Target(run.TooMany == 0, "none"));
        }

        report.Json("chats", size.BroadcastChats);
        report.Json("limit_per_s", rate);
        report.Json("one_ratio", one.Achieved / rate);
        report.Json("two_ratio", two.Achieved / rate);
        report.Json("one_worst_second", one.WorstSecond);
        report.Json("two_worst_second", two.WorstSecond);
        report.Json("http_429", one.TooMany + two.TooMany);
        return report;
    }

    private sealed record Run(double Achieved, int WorstSecond, int TooMany);

    private static async Task<Run> SendAsync(PostgresCluster postgres, Size size, int instances)
    {
        var rate = size.BurstRatePerSecond;
        var connection = postgres.CreateDatabase();
        var start = new DateTimeOffset(2026, 3, 24, 8, 0, 30, TimeSpan.FromHours(7));
        await using var fake = await FakeTelegramServer.StartAsync();
        fake.EnforceLimits(rate, 1, 20);
        var hosts = new List<BenchHost>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                hosts.Add(await BenchHost.StartAsync(start, new Dictionary<string, string?>
                {
                    ["Store:Provider"] = nameof(StoreProvider.Postgres),
                    ["ConnectionStrings:Tdkt"] = connection,
                    ["Instance:Id"] = $"burst-{i + 1}",
                    ["Delivery:MessagesPerSecond"] = rate.ToString(CultureInfo.InvariantCulture),
                    ["Delivery:PerChatInterval"] = "00:00:01",
                }, shared: fake));
            }

            await fake.WaitUntilAsync(() => fake.WaitingPolls > 0, BenchHost.Patience, "one instance polling");
            var chats = Enumerable.Range(0, size.BroadcastChats).Select(i => FirstChat + i).ToArray();
            await StoreAsync(hosts[0], chats);
            foreach (var id in chats)
            {
                fake.AddChat(id);
            }

            var before = fake.Stats;
            hosts.ForEach(h => h.Get<DeliverySignal>().Notify());
            var sent = await BenchHost.WaitForAllAsync(fake, chats, rate);

            if (sent.Count != chats.Length)
            {
                throw new InvalidOperationException($"{instances} instance(s): {sent.Count} messages for {chats.Length} chats (a repeat).");
            }

            var stats = fake.Stats;
            var seconds = (sent[^1].ReceivedAt - sent[0].ReceivedAt).TotalSeconds;
            return new Run((sent.Count - 1) / seconds, stats.MaxPerSecond, stats.TooManyRequests - before.TooManyRequests);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            postgres.DropDatabase(connection);
        }
    }

    /// <summary>One unit and chat per chat id, and one reminder delivery to each, due now, as the sweep stores them.</summary>
    private static async Task StoreAsync(BenchHost host, long[] chats)
    {
        await using var db = host.OpenStore();
        var now = host.Get<TimeProvider>().GetUtcNow();
        var units = chats.Select(id => new UnitRecord { Name = $"Tổ dân phố thử {id - FirstChat + 1}", InDirectory = false }).ToList();
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        var stored = chats.Select((id, i) => new Chat
        {
            Channel = Messenger.Telegram,
            Address = id.ToString(CultureInfo.InvariantCulture),
            UnitId = units[i].Id,
            CreatedAt = now,
        }).ToList();
        db.Chats.AddRange(stored);
        await db.SaveChangesAsync();
        db.Deliveries.AddRange(stored.Select(chat => new Delivery
        {
            Key = $"rem:burst:{chat.Address}",
            Kind = "reminder",
            ChatId = chat.Id,
            Text = "Nhắc việc: Hạn nộp D1 (kế hoạch công tác thi đua, khen thưởng của đơn vị) là Thứ Sáu, 30/01/2026, còn 7 ngày.",
            Status = DeliveryStatus.Pending,
            NotBefore = now,
            CreatedAt = now,
        }));
        await db.SaveChangesAsync();
    }
}
