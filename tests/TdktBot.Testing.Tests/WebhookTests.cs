using System.Net;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace TdktBot.Testing.Tests;

public sealed class WebhookTests
{
    [Fact]
    public async Task After_setWebhook_updates_are_posted_with_the_secret_and_getUpdates_conflicts()
    {
        await using var h = await Harness.StartAsync();
        await using var endpoint = await WebhookEndpoint.StartAsync();

        await h.Bot.SetWebhook(endpoint.Url.ToString(), secretToken: "s3cret_token");
        var info = await h.Bot.GetWebhookInfo();
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.GetUpdates());
        var update = h.Fake.SendText(42, "xin chào");
        await h.Fake.WaitUntilAsync(() => h.Fake.PendingUpdateCount == 0, what: "the update delivered");
        await h.Bot.DeleteWebhook();
        var later = h.Fake.SendText(42, "lại là tôi");
        var polled = await h.Bot.GetUpdates();

        Assert.Equal(endpoint.Url.ToString(), info.Url);
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Equal(("s3cret_token", update.Json), Assert.Single(endpoint.Received));
        Assert.Equal((update.UpdateId, 200), (h.Fake.WebhookDeliveries.Single().UpdateId, h.Fake.WebhookDeliveries.Single().StatusCode));
        Assert.Equal(later.UpdateId, Assert.Single(polled).Id);
    }

    [Fact]
    public async Task A_failing_endpoint_gets_the_update_again_and_the_error_shows_in_getWebhookInfo()
    {
        await using var h = await Harness.StartAsync(new FakeTelegramOptions { WebhookRetryDelay = TimeSpan.FromMilliseconds(50) });
        await using var endpoint = await WebhookEndpoint.StartAsync();
        endpoint.Status = 500;
        await h.Bot.SetWebhook(endpoint.Url.ToString());

        var update = h.Fake.SendText(42, "chào");
        await h.Fake.WaitUntilAsync(() => h.Fake.WebhookDeliveries.Count >= 2, what: "two failed deliveries");
        var info = await h.Bot.GetWebhookInfo();
        endpoint.Status = 200;
        await h.Fake.WaitUntilAsync(() => h.Fake.PendingUpdateCount == 0, what: "the update delivered");

        Assert.Equal(1, info.PendingUpdateCount);
        Assert.Equal("Wrong response from the webhook: 500 Internal Server Error", info.LastErrorMessage);
        Assert.NotNull(info.LastErrorDate);
        Assert.All(endpoint.Received, r => Assert.Equal(update.Json, r.Body));
        Assert.Equal(200, h.Fake.WebhookDeliveries[^1].StatusCode);
        Assert.Null(endpoint.Received.First().Secret);
    }

    [Fact]
    public async Task PostUpdateToWebhookAsync_returns_the_endpoints_status()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        await using var endpoint = await WebhookEndpoint.StartAsync();
        var update = fake.SendText(42, "chào");

        var accepted = await fake.PostUpdateToWebhookAsync(endpoint.Url, "s3cret", update);
        endpoint.Status = 403;
        var refused = await fake.PostUpdateToWebhookAsync(endpoint.Url, "wrong-secret", """{"update_id":1}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden), (accepted, refused));
        Assert.Equal([("s3cret", update.Json), ("wrong-secret", """{"update_id":1}""")], endpoint.Received);
        // Posting by hand bypasses the queue: the update still waits for getUpdates.
        Assert.Equal(1, fake.PendingUpdateCount);
    }
}
