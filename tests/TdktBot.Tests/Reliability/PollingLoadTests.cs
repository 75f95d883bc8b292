using System.Globalization;
using TdktBot.Tests.EndToEnd;
using Xunit.Abstractions;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// Load through long polling: updates arrive at a steady rate from many linked chats while the bot answers. Every
/// update gets exactly one reply (none dropped, none handled twice) and each chat's replies keep its order; the reply
/// times are reported. Reduced here (100 updates/s for 5 s); 500 updates/s for 60 s with TDKT_STRESS=1.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class PollingLoadTests(ITestOutputHelper output)
{
    private const string SchoolUnit = "Trường THCS Hoa Thám";

    private static readonly string[] Questions = ["quý này có việc gì", "/conno", "tuần này có việc gì", "/sapden"];

    [Fact]
    public async Task Every_update_at_a_steady_rate_is_answered_once_in_its_chats_order()
    {
        var perSecond = Stress.Size("LOAD_RATE", reduced: 100, full: 500);
        var seconds = Stress.Size("LOAD_SECONDS", reduced: 5, full: 60);
        const int Chats = 20;
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 4, 10, 9)));
        var chats = Enumerable.Range(0, Chats).Select(i => 40_000L + i).ToList();
        foreach (var chat in chats)
        {
            await bot.LinkAsync(chat, SchoolUnit);
        }

        // What each question's answer starts with, to tell the answers apart below.
        var firstLines = new Dictionary<string, string>();
        foreach (var question in Questions)
        {
            firstLines[question] = (await bot.SayAsync(chats[0], question)).PlainText.Split('\n')[0];
        }

        Assert.Equal(Questions.Length, firstLines.Values.Distinct().Count());
        var baseline = bot.Fake.Sent.Count;
        var asked = new List<(long Chat, string Question, TimeSpan At)>();
        var total = perSecond * seconds;
        using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10)))
        {
            var started = bot.Fake.Elapsed;
            while (asked.Count < total && await tick.WaitForNextTickAsync())
            {
                // As many as the rate allows by now, so a late tick catches up instead of lowering the rate.
                var due = Math.Min(total, (int)((bot.Fake.Elapsed - started).TotalSeconds * perSecond));
                while (asked.Count < due)
                {
                    // Each chat goes through the questions in turn, so its answers show whether they kept its order.
                    var chat = chats[asked.Count % Chats];
                    var question = Questions[(asked.Count / Chats) % Questions.Length];
                    asked.Add((chat, question, bot.Fake.Elapsed));
                    bot.Fake.SendText(chat, question);
                }
            }
        }

        await bot.Fake.WaitUntilAsync(() => bot.Fake.Sent.Count - baseline >= total, TimeSpan.FromSeconds(30 + seconds), "every update answered");
        await Task.Delay(500);
        var replies = bot.Fake.Sent.Skip(baseline).ToList();

        // One reply per update, per chat, and the n-th reply answers the n-th question.
        Assert.Equal(total, replies.Count);
        var latencies = new List<TimeSpan>();
        foreach (var chat in chats)
        {
            var sent = asked.Where(a => a.Chat == chat).ToList();
            var got = replies.Where(r => r.ChatId == chat).OrderBy(r => r.MessageId).ToList();
            Assert.Equal(sent.Count, got.Count);
            Assert.Equal(sent.Select(q => firstLines[q.Question]), got.Select(r => r.PlainText.Split('\n')[0]));
            latencies.AddRange(sent.Zip(got, (q, r) => r.ReceivedAt - q.At));
        }

        Assert.Empty(bot.Fake.Refused);
        latencies.Sort();
        var p50 = latencies[latencies.Count / 2];
        var p99 = latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(latencies.Count * 0.99) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total} updates at {perSecond}/s over {seconds} s from {Chats} chats: p50 {p50.TotalMilliseconds:F0} ms, p99 {p99.TotalMilliseconds:F0} ms, max {latencies[^1].TotalMilliseconds:F0} ms"));
    }
}
