using System.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using TdktBot.Testing;
using TdktBot.Messaging.Zalo;

namespace TdktBot.Zalo.Tests;

/// <summary>The typed client with the host's resilience pipeline: envelopes read, transient failures retried, the rest reported.</summary>
public sealed class ZaloClientTests
{
    [Fact]
    public async Task getMe_and_the_webhook_calls_read_Zalos_envelopes()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);

        var me = await bot.Client.GetMeAsync(CancellationToken.None);
        var set = await bot.Client.SetWebhookAsync("https://bot.example.org/zalo/webhook", ZaloBot.Secret, CancellationToken.None);
        var info = await bot.Client.GetWebhookInfoAsync(CancellationToken.None);
        var deleted = await bot.Client.DeleteWebhookAsync(CancellationToken.None);

        Assert.Equal((bot.Fake.BotId, "bot.tdkt.test"), (me.Id, me.AccountName));
        Assert.Equal("https://bot.example.org/zalo/webhook", set.Url);
        Assert.Equal(set.Url, info.Url);
        Assert.True(string.IsNullOrEmpty(deleted.Url));
        Assert.Null(bot.Fake.WebhookUrl);
    }

    [Fact]
    public async Task getUpdates_with_nothing_waiting_is_Zalos_408_and_is_not_retried()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);

        var update = await bot.Client.GetUpdatesAsync(1, CancellationToken.None);

        Assert.Null(update);
        Assert.Equal(408, Assert.Single(bot.Fake.Calls, c => c.Method == "getUpdates").StatusCode);
    }

    [Fact]
    public async Task getUpdates_returns_the_one_update_waiting()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.SendText("u1", "NOP 3", "Anh Minh");

        var update = await bot.Client.GetUpdatesAsync(1, CancellationToken.None);

        Assert.Equal(TdktBot.Messaging.Zalo.ZaloUpdate.TextReceived, update!.EventName);
        Assert.Equal(("u1", "u1", "Anh Minh", "NOP 3"), (update.Message!.Chat!.Id, update.Message.From!.Id, update.Message.From.DisplayName, update.Message.Text));
    }

    [Fact]
    public async Task A_429_then_success_sends_the_message_once_after_waiting_as_told()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.AddChat("u1");
        bot.Fake.FailNext("sendMessage", 429, retryAfter: 1);
        var clock = Stopwatch.StartNew();

        var sent = await bot.Client.SendMessageAsync("u1", "Nhắc việc", CancellationToken.None);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed}");
        Assert.Equal([429, 200], bot.Fake.Calls.Where(c => c.Method == "sendMessage").Select(c => c.StatusCode));
        Assert.Equal(sent.MessageId, Assert.Single(bot.Fake.Sent).MessageId);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_server_error_is_retried_with_backoff(int status)
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.AddChat("u1");
        bot.Fake.FailNext("sendMessage", status, times: 2);

        await bot.Client.SendMessageAsync("u1", "Nhắc việc", CancellationToken.None);

        Assert.Equal([status, status, 200], bot.Fake.Calls.Where(c => c.Method == "sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task A_server_error_that_lasts_ends_as_an_error_after_three_attempts()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.AddChat("u1");
        bot.Fake.FailNext("sendMessage", 502, times: int.MaxValue);

        var error = await Assert.ThrowsAsync<ZaloApiException>(() => bot.Client.SendMessageAsync("u1", "Nhắc việc", CancellationToken.None));

        Assert.Equal(502, error.ErrorCode);
        Assert.Equal(3, bot.Fake.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refusal_is_not_retried(int status)
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.AddChat("u1");
        bot.Fake.FailNext("sendMessage", status);

        var error = await Assert.ThrowsAsync<ZaloApiException>(() => bot.Client.SendMessageAsync("u1", "Nhắc việc", CancellationToken.None));

        Assert.Equal(status, error.ErrorCode);
        Assert.Single(bot.Fake.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.AddChat("u1");
        bot.Fake.DropNext("sendMessage");

        await bot.Client.SendMessageAsync("u1", "Nhắc việc", CancellationToken.None);

        Assert.Equal([0, 200], bot.Fake.Calls.Where(c => c.Method == "sendMessage").Select(c => c.StatusCode));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_reported_as_such()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.MalformedNext("getMe");

        var error = await Assert.ThrowsAsync<ZaloException>(() => bot.Client.GetMeAsync(CancellationToken.None));

        Assert.Equal("Zalo getMe: câu trả lời không phải JSON (HTTP 200)", error.Message);
    }

    [Fact]
    public async Task An_answer_slower_than_the_attempt_timeout_is_abandoned_and_tried_again()
    {
        // The host's pipeline with a short timeout (settings allow 10 s at least, too long for a test).
        await using var fake = await FakeZaloServer.StartAsync();
        var options = new ZaloOptions { BotToken = fake.Token, ApiBaseUrl = fake.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        ZaloHosting.Resilience(pipeline, options);
        using var http = new HttpClient(new ResilienceHandler(pipeline.Build()) { InnerHandler = new SocketsHttpHandler() });
        var client = new ZaloClient(http, Options.Create(options));
        fake.Delay("getMe", TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<ZaloException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.StartsWith("Zalo getMe: không kết nối được (TimeoutRejectedException", error.Message, StringComparison.Ordinal);
        await fake.WaitUntilAsync(() => fake.Calls.Count(c => c.Method == "getMe") == 3, TimeSpan.FromSeconds(10), "three attempts");
    }
}
