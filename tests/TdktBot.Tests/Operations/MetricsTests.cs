using Microsoft.EntityFrameworkCore;
using TdktBot.Data.Entities;
using TdktBot.Reminders;
using TdktBot.Tests.EndToEnd;
using static TdktBot.Tests.Operations.OperationsEndpoints;

namespace TdktBot.Tests.Operations;

/// <summary><c>GET /metrics</c> of the whole bot, scraped over HTTP after it answered people on Telegram and Zalo and sent a reminder through the fake Telegram.</summary>
[Collection(OneAtATime.Name)]
public sealed class MetricsTests
{
    private const long School = 4201;
    private const string Telegram = "messenger=\"telegram\"";

    [Fact]
    public async Task Metrics_count_the_deliveries_sent_retried_the_replies_and_time_the_reminders_lag_and_the_replies()
    {
        // As in the confirmation test: the plan is loaded the day before the school's first D1 reminder.
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 22, 10));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock, Settings(out var listen));
        var before = await MetricsAsync(listen);
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");
        await bot.SayOnZaloAsync("zalo-4202", "xin chào");

        // The 08:00 reminder: swept 30 s late, its first try refused by Telegram (502), sent on the retry 1 s later.
        bot.Fake.FailNext("sendMessage", 502);
        clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 1, 23, 8, 0, 30));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        await RetryRecordedAsync(bot);
        clock.Advance(TimeSpan.FromSeconds(1));
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School && m.Buttons.Count > 0, timeout: MessengerBotUnderTest.Patience);
        await bot.OutboxSettledAsync();

        var after = await MetricsAsync(listen);

        Assert.Null(Sample(before, "tdkt_deliveries_sent_total", Telegram));
        Assert.Null(Sample(before, "tdkt_replies_total", Telegram));
        Assert.Equal(0, Sample(before, "tdkt_deliveries_pending"));

        Assert.Equal(1, Sample(after, "tdkt_deliveries_sent_total", Telegram));
        Assert.Equal(1, Sample(after, "tdkt_deliveries_retried_total", Telegram));
        Assert.Null(Sample(after, "tdkt_deliveries_failed_total", Telegram));
        Assert.Equal(0, Sample(after, "tdkt_deliveries_pending"));
        Assert.Equal(1, Sample(after, "tdkt_reminder_lag_seconds_count"));
        Assert.Equal(31, Sample(after, "tdkt_reminder_lag_seconds_sum"));
        Assert.Equal(0, Sample(after, "tdkt_reminder_lag_seconds_bucket", "le=\"30\""));
        Assert.Equal(1, Sample(after, "tdkt_reminder_lag_seconds_bucket", "le=\"60\""));

        // The /start reply on Telegram and the greeting's on Zalo: one reply to one message each, within the patience of the test.
        Assert.Equal(1, Sample(after, "tdkt_replies_total", Telegram));
        Assert.Equal(1, Sample(after, "tdkt_reply_latency_seconds_count", Telegram));
        Assert.InRange(Sample(after, "tdkt_reply_latency_seconds_sum", Telegram)!.Value, 0.000_001, MessengerBotUnderTest.Patience.TotalSeconds);
        Assert.Equal(1, Sample(after, "tdkt_replies_total", "messenger=\"zalo\""));
        Assert.Equal(1, Sample(after, "tdkt_reply_latency_seconds_count", "messenger=\"zalo\""));
    }

    /// <summary>Waits until the sender has stored the refused try with its retry time, taken from the clock before it moves.</summary>
    private static async Task RetryRecordedAsync(MessengerBotUnderTest bot)
    {
        var deadline = DateTime.UtcNow + MessengerBotUnderTest.Patience;
        while (true)
        {
            await using (var db = bot.OpenStore())
            {
                if (await db.Deliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending && d.Attempts == 1))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The refused try was not recorded for a retry.");
            await Task.Delay(20);
        }
    }
}
