using System.Text.Json.Nodes;

namespace TdktBot.Testing.Tests.Zalo;

public sealed class ZaloWebhookTests
{
    private const string SecretHeader = "X-Bot-Api-Secret-Token";

    [Fact]
    public async Task setWebhook_getWebhookInfo_and_deleteWebhook_answer_the_url_and_when_it_changed()
    {
        await using var h = await ZaloHarness.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var none = await h.CallAsync("getWebhookInfo");
        var set = await h.CallAsync("setWebhook", """{"url":"https://bot.example/zalo","secret_token":"12345678"}""");
        var info = await h.CallAsync("getWebhookInfo");
        var (url, secret) = (h.Fake.WebhookUrl, h.Fake.WebhookSecret);
        var deleted = await h.CallAsync("deleteWebhook");
        var after = await h.CallAsync("getWebhookInfo");

        Assert.Equal("""{"ok":true,"result":{"url":"","updated_at":0}}""", none.Raw);
        Assert.Equal(200, set.Status);
        Assert.Equal("https://bot.example/zalo", set.Result!["url"]!.GetValue<string>());
        Assert.InRange(set.Result["updated_at"]!.GetValue<long>(), before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True(JsonNode.DeepEquals(set.Json, info.Json));
        Assert.Equal(("https://bot.example/zalo", "12345678"), (url, secret));
        Assert.Equal("", deleted.Result!["url"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(deleted.Json, after.Json));
        Assert.Equal((null, null), (h.Fake.WebhookUrl, h.Fake.WebhookSecret));
    }

    [Theory]
    [InlineData("/zalo/hook", "12345678")]
    [InlineData("ftp://bot.example/zalo", "12345678")]
    [InlineData("http://bot.example/zalo", "12345678")]
    [InlineData("", "12345678")]
    [InlineData("https://bot.example/zalo", "1234567")]
    [InlineData("https://bot.example/zalo", "")]
    public async Task setWebhook_refuses_a_bad_url_or_secret_with_400(string url, string secret)
    {
        await using var h = await ZaloHarness.StartAsync();

        var reply = await h.CallAsync("setWebhook", new JsonObject { ["url"] = url, ["secret_token"] = secret }.ToJsonString());

        Assert.Equal((400, 400), (reply.Status, reply.Json["error_code"]!.GetValue<int>()));
        Assert.Null(h.Fake.WebhookUrl);
    }

    [Fact]
    public async Task setWebhook_takes_secrets_of_8_to_256_characters_and_http_on_loopback_only()
    {
        await using var h = await ZaloHarness.StartAsync();

        var longest = await h.CallAsync("setWebhook", new JsonObject { ["url"] = "http://127.0.0.1:5000/zalo", ["secret_token"] = new string('s', 256) }.ToJsonString());
        var tooLong = await h.CallAsync("setWebhook", new JsonObject { ["url"] = "https://bot.example/zalo", ["secret_token"] = new string('s', 257) }.ToJsonString());
        var missing = await h.CallAsync("setWebhook", """{"url":"https://bot.example/zalo"}""");

        Assert.Equal((200, 400, 400), (longest.Status, tooLong.Status, missing.Status));
        Assert.Equal("http://127.0.0.1:5000/zalo", h.Fake.WebhookUrl);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Queued_updates_are_posted_with_the_secret_header_in_the_configured_shape(bool wrapped)
    {
        await using var h = await ZaloHarness.StartAsync(new FakeZaloOptions { WebhookBodyWrapped = wrapped });
        await using var endpoint = await WebhookEndpoint.StartAsync(SecretHeader);
        var waiting = h.Fake.SendText("u1", "gửi trước khi có webhook");

        await h.CallAsync("setWebhook", new JsonObject { ["url"] = endpoint.Url.ToString(), ["secret_token"] = "s3cret-token" }.ToJsonString());
        var later = h.Fake.SendText("u2", "gửi sau");
        await h.Fake.WaitUntilAsync(() => h.Fake.WebhookDeliveries.Count == 2, what: "two deliveries");

        string Expected(ZaloUpdate u) => wrapped ? $$"""{"ok":true,"result":{{u.Json}}}""" : u.Json;
        Assert.Equal([("s3cret-token", Expected(waiting)), ("s3cret-token", Expected(later))], endpoint.Received);
        Assert.Equal([(waiting, 200, 1), (later, 200, 1)], h.Fake.WebhookDeliveries.Select(d => (d.Update, d.StatusCode, d.Attempt)));
        Assert.Equal(0, h.Fake.PendingUpdateCount);
    }

    [Fact]
    public async Task A_failing_endpoint_gets_three_tries_then_the_update_is_dropped()
    {
        await using var h = await ZaloHarness.StartAsync(new FakeZaloOptions { WebhookRetryDelay = TimeSpan.FromMilliseconds(20) });
        await using var endpoint = await WebhookEndpoint.StartAsync(SecretHeader);
        endpoint.Status = 500;
        await h.CallAsync("setWebhook", new JsonObject { ["url"] = endpoint.Url.ToString(), ["secret_token"] = "s3cret-token" }.ToJsonString());

        var lost = h.Fake.SendText("u1", "mất");
        await h.Fake.WaitUntilAsync(() => h.Fake.PendingUpdateCount == 0, what: "the update dropped");
        endpoint.Status = 200;
        var next = h.Fake.SendText("u1", "tiếp");
        await h.Fake.WaitUntilAsync(() => h.Fake.WebhookDeliveries.Count == 4, what: "the next update delivered");

        var deliveries = h.Fake.WebhookDeliveries;
        Assert.Equal([(lost, 500, 1), (lost, 500, 2), (lost, 500, 3), (next, 200, 1)], deliveries.Select(d => (d.Update, d.StatusCode, d.Attempt)));
        Assert.Equal("Wrong response from the webhook: 500 Internal Server Error", deliveries[0].Error);
        Assert.Equal(4, endpoint.Received.Count);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_counts_as_a_failed_try()
    {
        await using var h = await ZaloHarness.StartAsync(new FakeZaloOptions { WebhookRetryDelay = TimeSpan.FromMilliseconds(20) });
        // A port nobody listens on: bind one, note it, release it.
        string url;
        await using (var gone = await WebhookEndpoint.StartAsync(SecretHeader))
        {
            url = gone.Url.ToString();
        }

        await h.CallAsync("setWebhook", new JsonObject { ["url"] = url, ["secret_token"] = "s3cret-token" }.ToJsonString());
        h.Fake.SendText("u1", "không ai nghe");
        await h.Fake.WaitUntilAsync(() => h.Fake.PendingUpdateCount == 0, what: "the update dropped");

        Assert.All(h.Fake.WebhookDeliveries, d => Assert.Equal(0, d.StatusCode));
        Assert.Equal(3, h.Fake.WebhookDeliveries.Count);
        Assert.StartsWith("Connection failed", h.Fake.WebhookDeliveries[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostToWebhookAsync_twice_with_one_update_is_a_duplicate_delivery()
    {
        await using var h = await ZaloHarness.StartAsync();
        await using var endpoint = await WebhookEndpoint.StartAsync(SecretHeader);
        // Taken by a poll first, so automatic delivery has nothing to post.
        var update = h.Fake.SendText("u1", "chào");
        await h.CallAsync("getUpdates", """{"timeout":"1"}""");
        await h.CallAsync("setWebhook", new JsonObject { ["url"] = endpoint.Url.ToString(), ["secret_token"] = "s3cret-token" }.ToJsonString());

        var first = await h.Fake.PostToWebhookAsync(update);
        endpoint.Status = 403;
        var second = await h.Fake.PostToWebhookAsync(update);

        Assert.Equal((200, 403), (first, second));
        Assert.Equal([("s3cret-token", update.Json), ("s3cret-token", update.Json)], endpoint.Received);
        Assert.Empty(h.Fake.WebhookDeliveries);
    }

    [Fact]
    public async Task PostToWebhookAsync_can_send_another_secret_none_or_the_other_body_shape()
    {
        await using var h = await ZaloHarness.StartAsync();
        await using var endpoint = await WebhookEndpoint.StartAsync(SecretHeader);
        var update = h.Fake.SendText("u1", "chào");
        await h.CallAsync("getUpdates", """{"timeout":"1"}""");
        await h.CallAsync("setWebhook", new JsonObject { ["url"] = endpoint.Url.ToString(), ["secret_token"] = "s3cret-token" }.ToJsonString());

        await h.Fake.PostToWebhookAsync(update, secretOverride: "wrong-secret");
        await h.Fake.PostToWebhookAsync(update, secretOverride: "");
        await h.Fake.PostToWebhookAsync(update, wrapped: true);

        Assert.Equal(
            [("wrong-secret", update.Json), (null, update.Json), ("s3cret-token", $$"""{"ok":true,"result":{{update.Json}}}""")],
            endpoint.Received);
    }

    [Fact]
    public async Task PostToWebhookAsync_without_a_webhook_is_a_test_mistake()
    {
        await using var h = await ZaloHarness.StartAsync();
        var update = h.Fake.SendText("u1", "chào");

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Fake.PostToWebhookAsync(update));
    }
}
