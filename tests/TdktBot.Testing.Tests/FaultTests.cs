using System.Diagnostics;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace TdktBot.Testing.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task An_injected_429_carries_retry_after_in_its_parameters()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");
        h.Fake.FailNext("sendMessage", 429, retryAfter: 35);

        var limited = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(42, "Nhắc việc"));
        await h.Bot.SendMessage(42, "Nhắc việc");

        Assert.Equal((429, "Too Many Requests: retry after 35"), (limited.ErrorCode, limited.Message));
        Assert.Equal(35, limited.Parameters?.RetryAfter);
        Assert.Single(h.Fake.Sent);
        Assert.Equal(1, h.Fake.Stats.TooManyRequests);
    }

    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(502, "Bad Gateway")]
    public async Task Injected_server_errors_fail_the_given_number_of_calls(int status, string description)
    {
        await using var h = await Harness.StartAsync();
        h.Fake.FailNext("getMe", status, times: 2);

        var first = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.GetMe());
        var second = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.GetMe());
        await h.Bot.GetMe();

        Assert.Equal((status, description), (first.ErrorCode, first.Message));
        Assert.Equal(status, second.ErrorCode);
    }

    [Fact]
    public async Task Enforced_limits_answer_a_burst_to_one_chat_with_429_and_the_stats_show_it()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");
        h.Fake.EnforceLimits(globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20);
        await h.Bot.GetMe();

        var burst = await Task.WhenAll(Enumerable.Range(1, 5).Select(async i =>
        {
            try
            {
                await h.Bot.SendMessage(42, $"Tin {i}");
                return (Status: 200, RetryAfter: (int?)null);
            }
            catch (ApiRequestException limited)
            {
                return (Status: limited.ErrorCode, RetryAfter: limited.Parameters?.RetryAfter);
            }
        }));

        Assert.Equal(1, burst.Count(b => b.Status == 200));
        Assert.All(burst.Where(b => b.Status != 200), b => Assert.Equal((429, (int?)1), b));
        var stats = h.Fake.Stats;
        Assert.Equal((5, 5, 4), (stats.Attempts, stats.MaxPerSecond, stats.TooManyRequests));
        Assert.True(stats.MinGapInOneChat < TimeSpan.FromSeconds(1));
        Assert.Equal(stats.MinGapInOneChat, stats.MinGapByChat[42]);
        Assert.Single(h.Fake.Sent);
        Assert.Equal(4, h.Fake.Refused.Count(r => r.ErrorCode == 429));
    }

    [Fact]
    public async Task The_clients_own_retry_waits_out_a_short_429_and_delivers_a_second_apart()
    {
        await using var h = await Harness.StartAsync(retryThreshold: 60);
        h.Fake.SendText(-4001, "chào", chatType: "group");
        h.Fake.EnforceLimits(perChatPerSecond: 1);

        await h.Bot.SendMessage(-4001, "một");
        await h.Bot.SendMessage(-4001, "hai");

        var sent = h.Fake.Sent;
        Assert.Equal(2, sent.Count);
        // The client waited the 1 s retry_after (its timer may end a few milliseconds early).
        Assert.InRange(sent[1].ReceivedAt - sent[0].ReceivedAt, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(5));
        var stats = h.Fake.Stats;
        // Three attempts (one refused, then retried by the client), all inside the group's minute.
        Assert.Equal((3, 1, 3), (stats.Attempts, stats.TooManyRequests, stats.MaxPerMinuteInOneGroup));
    }

    [Fact]
    public async Task A_malformed_answer_or_a_dropped_connection_is_a_request_error_not_an_API_error()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");
        h.Fake.MalformedNext("getMe");
        h.Fake.DropNext("sendMessage", afterProcessing: true);

        var malformed = await Assert.ThrowsAnyAsync<RequestException>(() => h.Bot.GetMe());
        var dropped = await Assert.ThrowsAnyAsync<RequestException>(() => h.Bot.SendMessage(42, "Nhắc việc"));
        await h.Bot.GetMe();

        Assert.IsNotType<ApiRequestException>(malformed);
        Assert.IsNotType<ApiRequestException>(dropped);
        // The drop came after the message was sent: the user has it although the bot saw an error.
        Assert.Equal("Nhắc việc", Assert.Single(h.Fake.Sent).Text);
        Assert.Contains(h.Fake.Calls, c => c.Method == "sendMessage" && c.StatusCode == 0);
    }

    [Fact]
    public async Task A_delayed_method_answers_late_until_the_delay_is_lifted()
    {
        await using var h = await Harness.StartAsync();
        await h.Bot.GetMe();
        h.Fake.Delay("getMe", TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        await h.Bot.GetMe();
        var slow = watch.Elapsed;
        // A delay far beyond the bound below shows it was lifted, without a bound a busy machine could miss.
        h.Fake.Delay("getMe", TimeSpan.FromSeconds(30));
        h.Fake.Delay("getMe", TimeSpan.Zero);
        watch.Restart();
        await h.Bot.GetMe();

        Assert.True(slow >= TimeSpan.FromMilliseconds(300), $"took {slow}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
