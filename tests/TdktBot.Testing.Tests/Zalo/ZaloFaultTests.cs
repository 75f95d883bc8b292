using System.Diagnostics;
using System.Text.Json;

namespace TdktBot.Testing.Tests.Zalo;

public sealed class ZaloFaultTests
{
    [Fact]
    public async Task An_injected_429_carries_retry_after_in_the_header_and_the_body()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        h.Fake.FailNext("sendMessage", 429, retryAfter: 35);

        var limited = await h.SendMessageAsync("u1", "Nhắc việc");
        var next = await h.SendMessageAsync("u1", "Nhắc việc");

        Assert.Equal((429, TimeSpan.FromSeconds(35)), (limited.Status, limited.RetryAfter));
        Assert.Equal((429, 35), (limited.Json["error_code"]!.GetValue<int>(), limited.Json["parameters"]!["retry_after"]!.GetValue<int>()));
        Assert.False(limited.Json["ok"]!.GetValue<bool>());
        Assert.Equal(200, next.Status);
        Assert.Single(h.Fake.Sent);
        Assert.Equal((1, 1), (h.Fake.Stats.TooManyRequests, h.Fake.Stats.Attempts));
    }

    [Fact]
    public async Task Injected_failures_hit_the_given_number_of_calls_of_that_method_only()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        h.Fake.FailNext("getMe", 500, times: 2);
        h.Fake.FailNext("getMe", 502);
        // Method names are case-sensitive: this one is not sendMessage.
        h.Fake.FailNext("sendmessage", 503);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await h.CallAsync("getMe")).Status);
        }

        var sent = await h.SendMessageAsync("u1", "chào");

        Assert.Equal([500, 500, 502, 200], statuses);
        Assert.Equal(200, sent.Status);
        Assert.Equal([500, 500, 502, 200, 200], h.Fake.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task An_injected_failure_keeps_the_description_given()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.FailNext("getMe", 403, description: "Forbidden: bot disabled");

        var reply = await h.CallAsync("getMe");

        Assert.Equal("""{"ok":false,"error_code":403,"description":"Forbidden: bot disabled"}""", reply.Raw);
    }

    [Fact]
    public async Task A_blocked_user_gets_403_until_unblocked()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.Block("u1");

        var blocked = await h.SendMessageAsync("u1", "chào");
        h.Fake.Unblock("u1");
        var unblocked = await h.SendMessageAsync("u1", "chào");

        Assert.Equal((403, 403), (blocked.Status, blocked.Json["error_code"]!.GetValue<int>()));
        Assert.Contains("blocked", blocked.Description, StringComparison.Ordinal);
        Assert.Equal(200, unblocked.Status);
        Assert.Equal(403, h.Fake.Refused.Single().ErrorCode);
    }

    [Fact]
    public async Task ChatNotFound_makes_a_known_chat_answer_400()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.SendText("u1", "chào");
        h.Fake.ChatNotFound("u1");

        var reply = await h.SendMessageAsync("u1", "chào");

        Assert.Equal(400, reply.Status);
        Assert.Contains("chat not found", reply.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delayed_method_answers_late_and_a_client_that_gives_up_is_recorded_as_dropped()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.Delay("getMe", TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        var late = await h.CallAsync("getMe");
        var took = clock.Elapsed;
        // Far longer than the client waits, so the server answers only by seeing it go, however slow the machine.
        h.Fake.Delay("getMe", TimeSpan.FromSeconds(30));
        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.CallAsync("getMe", cancellationToken: impatient.Token));
        await h.Fake.WaitUntilAsync(() => h.Fake.Calls.Count == 2, what: "the abandoned call recorded");
        h.Fake.Delay("getMe", TimeSpan.Zero);
        var prompt = await h.CallAsync("getMe");

        Assert.True(took >= TimeSpan.FromMilliseconds(300), $"answered after {took}");
        Assert.Equal((200, 200), (late.Status, prompt.Status));
        Assert.Equal(0, h.Fake.Calls[1].StatusCode);
    }

    [Fact]
    public async Task MalformedNext_answers_200_with_a_body_that_is_not_JSON()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        h.Fake.MalformedNext("sendMessage");
        h.Fake.MalformedNext("sendMessage", afterProcessing: true);

        var before = await h.SendMessageAsync("u1", "một");
        var after = await h.SendMessageAsync("u1", "hai");

        Assert.Equal((200, 200), (before.Status, after.Status));
        Assert.ThrowsAny<JsonException>(() => before.Json);
        Assert.Equal(["hai"], h.Fake.Sent.Select(m => m.Text));
    }

    [Fact]
    public async Task DropNext_aborts_the_connection_before_or_after_the_message_is_sent()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        h.Fake.DropNext("sendMessage");
        h.Fake.DropNext("sendMessage", afterProcessing: true);

        await Assert.ThrowsAsync<HttpRequestException>(() => h.SendMessageAsync("u1", "một"));
        await Assert.ThrowsAsync<HttpRequestException>(() => h.SendMessageAsync("u1", "hai"));
        var third = await h.SendMessageAsync("u1", "ba");

        Assert.Equal(200, third.Status);
        Assert.Equal(["hai", "ba"], h.Fake.Sent.Select(m => m.Text));
        Assert.Equal([0, 0, 200], h.Fake.Calls.Select(c => c.StatusCode));
    }

    [Fact]
    public async Task Enforced_per_chat_interval_answers_a_burst_with_429_and_the_stats_show_it()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        h.Fake.EnforceLimits(globalPerSecond: 30, perChatInterval: TimeSpan.FromMilliseconds(500));

        var burst = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => h.SendMessageAsync("u1", $"Tin {i}")));

        Assert.Equal(1, burst.Count(r => r.Status == 200));
        Assert.All(burst.Where(r => r.Status != 200), r =>
        {
            Assert.Equal((429, TimeSpan.FromSeconds(1)), (r.Status, r.RetryAfter));
            Assert.Equal(1, r.Json["parameters"]!["retry_after"]!.GetValue<int>());
        });
        var stats = h.Fake.Stats;
        Assert.Equal((4, 4, 3), (stats.Attempts, stats.MaxPerSecond, stats.TooManyRequests));
        Assert.Equal(stats.MinGapInOneChat, stats.MinGapByChatId["u1"]);
        Assert.Empty(stats.MinGapByChat);
        Assert.Equal(3, h.Fake.Refused.Count(r => r.ErrorCode == 429));
    }

    [Fact]
    public async Task Enforced_global_rate_limits_sends_across_chats()
    {
        await using var h = await ZaloHarness.StartAsync();
        string[] chats = ["u1", "u2", "u3"];
        foreach (var chat in chats)
        {
            h.Fake.AddChat(chat);
        }

        h.Fake.EnforceLimits(globalPerSecond: 2, perChatInterval: TimeSpan.Zero);
        var statuses = new List<int>();
        foreach (var chat in chats)
        {
            statuses.Add((await h.SendMessageAsync(chat, "chào")).Status);
        }

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal((3, 1), (h.Fake.Stats.Attempts, h.Fake.Stats.TooManyRequests));
        Assert.Null(h.Fake.Stats.MinGapInOneChat);
    }
}
