using System.Diagnostics;
using System.Runtime;
using TdktBot.Benchmarks.EchoBot;
using TdktBot.Testing;

namespace TdktBot.Benchmarks;

/// <summary>
/// Reply time through the whole bot: from the moment the fake Telegram makes a user's message available to
/// getUpdates until it has received the complete reply (the last part of a long one), on the fake's one clock.
/// First one message at a time (p50, p99), then many queued at once (throughput). The baseline is a bare
/// Telegram.Bot echo bot against the same kind of fake, with the same messages.
/// </summary>
internal static class LatencyScenario
{
    // What unit heads write most: the quarter's tasks, a confirmation (the first one changes a status, later ones are
    // refused as done already), what is still owed, a due date.
    private static readonly string[] Texts = ["quý này có việc gì", "/nop 3", "đơn vị tôi còn việc gì", "nhiệm vụ 3 hạn khi nào"];

    // A pasted document of 10,000 characters, one short clause after another: the bot reads free text by its first
    // 200 words, and cutting a message into clauses must not cost more than that.
    private static readonly string Pasted = string.Concat(Enumerable.Repeat("còn việc gì; ", 770));

    private const string Unit = "Trường THCS Hoa Thám";

    // A working day in the first quarter, so the questions have answers; the clock runs on from there.
    private static readonly DateTimeOffset Start = new(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));

    public static async Task<Report> RunAsync(Size size)
    {
        var chats = Enumerable.Range(1, size.Chats).Select(i => 700_000L + i).ToArray();
        Figures bot;
        double pasted;
        // The outbox and broadcast checks as shipped (every 5 s), not the test hosts' 20 a second.
        var shipped = new Dictionary<string, string?>
        {
            ["Delivery:PollInterval"] = "00:00:05",
            ["Broadcasts:CheckInterval"] = "00:00:05",
        };
        await using (var host = await BenchHost.StartAsync(Start, shipped))
        {
            foreach (var chat in chats)
            {
                await host.LinkAsync(chat, Unit);
            }

            // Every chat says everything once, so the one status change is behind us, and then each kind of message
            // shows how many parts its reply has (all chats speak for the same unit, so the same for all).
            foreach (var chat in chats)
            {
                foreach (var text in Texts)
                {
                    await host.SayAsync(chat, text);
                }
            }

            var parts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var text in Texts)
            {
                parts[text] = await PartsAsync(host.Fake, chats[0], text);
                Console.WriteLine($"  «{text}» → {parts[text]} message(s): «{Shorten(host.Fake.Sent.Last(m => m.ChatId == chats[0]).PlainText)}»");
            }

            bot = await MeasureAsync(host.Fake, chats, size, t => parts[t]);
            pasted = await PastedAsync(host.Fake, chats[0]);
        }

        Figures echo;
        await using (var fake = await FakeTelegramServer.StartAsync())
        using (var http = new HttpClient())
        using (var stop = new CancellationTokenSource())
        {
            var loop = Task.Run(() => EchoLoop.RunAsync(EchoLoop.Client(fake.Token, fake.BaseUrl, http), stop.Token));
            await fake.WaitUntilAsync(() => fake.WaitingPolls > 0, BenchHost.Patience, "the echo bot polling");
            foreach (var chat in chats)
            {
                fake.SendText(chat, Texts[0]);
            }

            await fake.WaitForMessagesAsync(chats.Length, BenchHost.Patience);
            echo = await MeasureAsync(fake, chats, size, _ => 1);
            await stop.CancelAsync();
            await loop;
        }

        var report = new Report("latency");
        var p99Ratio = bot.P99 / echo.P99;
        report.Row("messages, one at a time", $"{size.Messages}", $"{size.Messages}", $"{chats.Length} chats of one unit");
        report.Row("p50 reply, ms", Report.Number(bot.P50, 2), Report.Number(echo.P50, 2), $"ratio {Report.Number(bot.P50 / echo.P50, 2)}");
        report.Row("p99 reply, ms", Report.Number(bot.P99, 2), Report.Number(echo.P99, 2),
            $"ratio {Report.Number(p99Ratio, 2)} " + Report.Target(p99Ratio <= 2, "≤ 2× echo bot"));
        report.Row("throughput, messages/s", Report.Number(bot.PerSecond), Report.Number(echo.PerSecond),
            $"ratio {Report.Number(bot.PerSecond / echo.PerSecond, 2)}, {size.Queued} queued at once");
        report.Row("pasted 10,000 characters, median reply, ms", Report.Number(pasted, 2), Report.Number(bot.P50, 2),
            $"ratio {Report.Number(pasted / bot.P50, 1)} to the bot's own p50 (reported, no target)");
        report.Json("messages", size.Messages);
        report.Json("queued", size.Queued);
        report.Json("p50_ms", bot.P50);
        report.Json("baseline_p50_ms", echo.P50);
        report.Json("p50_ratio", bot.P50 / echo.P50);
        report.Json("p99_ms", bot.P99);
        report.Json("baseline_p99_ms", echo.P99);
        report.Json("p99_ratio", p99Ratio);
        report.Json("per_s", bot.PerSecond);
        report.Json("baseline_per_s", echo.PerSecond);
        report.Json("throughput_ratio", bot.PerSecond / echo.PerSecond);
        report.Json("pasted_ms", pasted);
        return report;
    }

    private static async Task<Figures> MeasureAsync(FakeTelegramServer fake, long[] chats, Size size, Func<string, int> parts)
    {
        // Both bots are measured warm, as they run most of their lives: the same messages go first, not recorded,
        // until the JIT has settled (a second of them compiles almost nothing new) or for at most 30 s. Tiered
        // compilation recompiles hot code in the background for a while after start, the bot has far more code than
        // the echo, and a measurement taken meanwhile would mostly time the JIT.
        var round = chats.Length * Texts.Length;
        var warming = Stopwatch.StartNew();
        var warmUp = 0;
        while (true)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            var second = Stopwatch.StartNew();
            while (second.Elapsed < TimeSpan.FromSeconds(1))
            {
                await ExchangeAsync(fake, chats, round, parts);
                warmUp += round;
            }

            if (JitInfo.GetCompiledMethodCount() - compiled < 10 || warming.Elapsed > TimeSpan.FromSeconds(30))
            {
                Console.WriteLine($"  warm after {warmUp} messages, {warming.Elapsed.TotalSeconds:0.0} s");
                break;
            }
        }

        var times = await ExchangeAsync(fake, chats, size.Messages, parts);
        times.Sort();
        return await QueuedAsync(fake, chats, size, parts, times);
    }

    /// <summary>Sends <paramref name="count"/> messages one at a time, each after the reply to the one before; returns the reply times in ms.</summary>
    private static async Task<List<double>> ExchangeAsync(FakeTelegramServer fake, long[] chats, int count, Func<string, int> parts)
    {
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var chat = chats[i % chats.Length];
            var text = Texts[i % Texts.Length];
            // Only what arrived since the update is looked at: copying and scanning every message so far on each of
            // the fake's changes would take more CPU from the bot (which shares the machine) as the run goes on.
            var before = fake.SentCount;
            var expected = parts(text);
            var at = fake.Elapsed;
            fake.SendText(chat, text);
            IReadOnlyList<SentMessage> reply = [];
            await fake.WaitUntilAsync(() => (reply = [.. fake.SentSince(before).Where(m => m.ChatId == chat)]).Count >= expected, BenchHost.Patience, $"{expected} message(s) to {chat}");
            times.Add((reply[^1].ReceivedAt - at).TotalMilliseconds);
        }

        return times;
    }

    private static async Task<Figures> QueuedAsync(FakeTelegramServer fake, long[] chats, Size size, Func<string, int> parts, List<double> times)
    {
        var total = fake.SentCount;
        var queued = 0;
        var start = fake.Elapsed;
        for (var i = 0; i < size.Queued; i++)
        {
            var text = Texts[i % Texts.Length];
            queued += parts(text);
            fake.SendText(chats[i % chats.Length], text);
        }

        await fake.WaitUntilAsync(() => fake.SentCount >= total + queued, BenchHost.Patience, $"{queued} replies");
        var seconds = (fake.SentSince(total + queued - 1)[0].ReceivedAt - start).TotalSeconds;
        return new Figures(Percentile(times, 0.50), Percentile(times, 0.99), size.Queued / seconds);
    }

    /// <summary>The median reply time of five pasted documents, one at a time, each reply counted whole.</summary>
    private static async Task<double> PastedAsync(FakeTelegramServer fake, long chat)
    {
        var expected = await PartsAsync(fake, chat, Pasted);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var before = fake.SentCount;
            var at = fake.Elapsed;
            fake.SendText(chat, Pasted);
            IReadOnlyList<SentMessage> reply = [];
            await fake.WaitUntilAsync(() => (reply = [.. fake.SentSince(before).Where(m => m.ChatId == chat)]).Count >= expected, BenchHost.Patience, "the reply to a pasted document");
            times.Add((reply[^1].ReceivedAt - at).TotalMilliseconds);
        }

        times.Sort();
        return times[2];
    }

    /// <summary>How many messages the reply to <paramref name="text"/> has: the first, then whatever follows within a moment.</summary>
    private static async Task<int> PartsAsync(FakeTelegramServer fake, long chat, string text)
    {
        var before = fake.Sent.Count(m => m.ChatId == chat);
        fake.SendText(chat, text);
        await fake.WaitForMessagesAsync(m => m.ChatId == chat, before + 1, BenchHost.Patience);
        await Task.Delay(500);
        return fake.Sent.Count(m => m.ChatId == chat) - before;
    }

    // Nearest rank on sorted values.
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Shorten(string text) => (text.Length <= 60 ? text : text[..60] + "…").ReplaceLineEndings(" ");

    private sealed record Figures(double P50, double P99, double PerSecond);
}
