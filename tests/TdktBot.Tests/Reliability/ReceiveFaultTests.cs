using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TdktBot.Core.Conversations;
using TdktBot.Testing;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// Faults on the way in: getUpdates on Telegram and Zalo fails (429, 500, 502, a dropped connection, a body that is not
/// JSON, JSON of the wrong shape) and the bot polls again and answers the next message, logging no error.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class ReceiveFaultTests
{
    private const long TelegramUser = 8001;
    private const string ZaloUser = "z-receive-fault";
    private const string Poll = "getUpdates";

    [Fact]
    public async Task After_each_failed_poll_on_both_messengers_the_next_message_is_still_answered()
    {
        var log = new RecordingLog();
        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9)),
            configureServices: s => s.AddSingleton<ILoggerProvider>(log));

        // How each fault shows: the status the fake answered, or (an unreadable 200 looks like any other) the bot's warning.
        (string What, Action<FakeTelegramServer> Telegram, Action<FakeZaloServer> Zalo, Func<ApiCall, bool>? Seen)[] faults =
        [
            ("429", t => t.FailNext(Poll, 429, retryAfter: 1), z => z.FailNext(Poll, 429, retryAfter: 1), c => c.StatusCode == 429),
            ("500", t => t.FailNext(Poll, 500), z => z.FailNext(Poll, 500), c => c.StatusCode == 500),
            ("502", t => t.FailNext(Poll, 502), z => z.FailNext(Poll, 502), c => c.StatusCode == 502),
            ("dropped", t => t.DropNext(Poll), z => z.DropNext(Poll), c => c.StatusCode == 0),
            ("malformed", t => t.MalformedNext(Poll), z => z.MalformedNext(Poll), null),
        ];
        foreach (var (what, telegram, zalo, seen) in faults)
        {
            var telegramCalls = bot.Fake.Calls.Count;
            var zaloCalls = bot.Zalo.Calls.Count;
            var warnings = log.Entries.Count(PollWarning);
            telegram(bot.Fake);
            zalo(bot.Zalo);

            // The polls waiting now end with these messages; the next ones meet the fault.
            await StrangerIsAnsweredAsync(bot);
            if (seen is null)
            {
                await bot.Fake.WaitUntilAsync(() => log.Entries.Count(PollWarning) >= warnings + 2, MessengerBotUnderTest.Patience, $"both {what} polls");
            }
            else
            {
                await bot.Fake.WaitUntilAsync(() => bot.Fake.Calls.Skip(telegramCalls).Any(c => c.Method == Poll && seen(c)), MessengerBotUnderTest.Patience, $"Telegram's {what} poll");
                await bot.Zalo.WaitUntilAsync(() => bot.Zalo.Calls.Skip(zaloCalls).Any(c => c.Method == Poll && seen(c)), MessengerBotUnderTest.Patience, $"Zalo's {what} poll");
            }

            await StrangerIsAnsweredAsync(bot);
        }

        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    /// <summary>
    /// Zalo answers getUpdates with JSON that is not an update ("result" a string, or a field of the wrong type). The
    /// client threw a JsonException the receiver did not expect, which ended polling and with it the whole host.
    /// </summary>
    [Theory]
    [InlineData("{\"ok\":true,\"result\":\"x\"}")]
    [InlineData("{\"ok\":true,\"result\":{\"event_name\":5}}")]
    [InlineData("{\"ok\":true,\"result\":[]}")]
    [InlineData("[1,2,3]")]
    public async Task A_Zalo_poll_answered_with_JSON_of_the_wrong_shape_is_retried_and_the_bot_keeps_running(string body)
    {
        var log = new RecordingLog();
        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9)),
            configureServices: s => s.AddSingleton<ILoggerProvider>(log));
        var calls = bot.Zalo.Calls.Count;
        bot.Zalo.AnswerNext(Poll, 200, body);

        await StrangerIsAnsweredAsync(bot);
        await bot.Zalo.WaitUntilAsync(() => bot.Zalo.Calls.Skip(calls).Count(c => c.Method == Poll) >= 2, MessengerBotUnderTest.Patience, "the odd poll");
        await StrangerIsAnsweredAsync(bot);

        Assert.False(bot.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "The host is stopping.");
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Zalo: getUpdates không thành", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    private static bool PollWarning(LogEntry e) =>
        e.Level == LogLevel.Warning && e.Message.Contains(": getUpdates không thành", StringComparison.Ordinal);

    private static async Task StrangerIsAnsweredAsync(MessengerBotUnderTest bot)
    {
        Assert.Equal(ReplyTexts.Stranger, (await bot.SayAsync(TelegramUser, "xin chào")).PlainText);
        Assert.Equal(ReplyTexts.Stranger, (await bot.SayOnZaloAsync(ZaloUser, "xin chào")).Text);
    }
}
