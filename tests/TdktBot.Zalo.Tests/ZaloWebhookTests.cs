using TdktBot.Messaging;
using TdktBot.Messaging.Zalo;

namespace TdktBot.Zalo.Tests;

/// <summary>Webhook mode: the secret checked, both body shapes taken, 200 at once, repeats dropped.</summary>
public sealed class ZaloWebhookTests
{
    [Fact]
    public async Task The_webhook_is_set_with_the_secret_and_a_posted_update_is_answered()
    {
        await using var bot = await ZaloBot.StartAsync(settings: ZaloBot.WebhookSettings());
        await bot.WebhookSetAsync();

        var reply = await bot.NextMessageAsync("u1", () => bot.Fake.SendText("u1", "xin chào"));

        Assert.Equal(ZaloBot.Secret, bot.Fake.WebhookSecret);
        Assert.EndsWith("/zalo/webhook", bot.Fake.WebhookUrl, StringComparison.Ordinal);
        Assert.StartsWith("Đã nhận: xin chào", reply.Text, StringComparison.Ordinal);

        // The reply can overtake the fake's record of the POST: the bot answers 200 and handles the update beside it.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.WebhookDeliveries.Count > 0, what: "the webhook delivery recorded");
        Assert.Equal(200, Assert.Single(bot.Fake.WebhookDeliveries).StatusCode);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method == "getUpdates");
    }

    [Theory]
    [InlineData("wrong-secret-0123456789", 403)]
    [InlineData("", 401)]
    public async Task A_post_with_a_wrong_or_missing_secret_is_refused_and_never_reaches_the_conversation(string secret, int status)
    {
        await using var bot = await ZaloBot.StartAsync(settings: ZaloBot.WebhookSettings());
        await bot.WebhookSetAsync();
        var forged = Update(bot, "u1", "NOP 3");

        Assert.Equal(status, await bot.Fake.PostToWebhookAsync(forged, secretOverride: secret));

        // A genuine post afterwards is the first thing the conversation sees.
        await bot.NextMessageAsync("u1", () => bot.Fake.SendText("u1", "thật"));
        Assert.Equal("thật", (await bot.Conversation.NextAsync()).Text);
        Assert.Equal(status == 403, bot.Log.Entries.Any(e => e.Message.StartsWith("Zalo: từ chối một yêu cầu", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Both_body_shapes_are_taken(bool wrapped)
    {
        await using var bot = await ZaloBot.StartAsync(settings: ZaloBot.WebhookSettings());
        await bot.WebhookSetAsync();

        var status = await bot.Fake.PostToWebhookAsync(Update(bot, "u1", "quý này"), wrapped: wrapped);

        Assert.Equal(200, status);
        Assert.Equal("quý này", (await bot.Conversation.NextAsync()).Text);
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        await using var bot = await ZaloBot.StartAsync(settings: ZaloBot.WebhookSettings());
        await bot.WebhookSetAsync();
        var update = Update(bot, "u1", "NOP 3");

        Assert.Equal(200, await bot.Fake.PostToWebhookAsync(update));
        Assert.Equal(200, await bot.Fake.PostToWebhookAsync(update, wrapped: true));
        await bot.NextMessageAsync("u1", () => bot.Fake.SendText("u1", "tin sau"));

        Assert.Equal("NOP 3", (await bot.Conversation.NextAsync()).Text);
        Assert.Equal("tin sau", (await bot.Conversation.NextAsync()).Text);

        // The reply to «tin sau» may still be on its way to the fake when the conversation has seen it.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.Sent.Count(m => m.ChatId == "u1") >= 2, what: "both replies recorded");
        Assert.Equal(2, bot.Fake.Sent.Count(m => m.ChatId == "u1"));
        Assert.Contains(bot.Log.Entries, e => e.Message.Contains("nhận lần nữa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_post_is_answered_200_before_the_conversation_has_finished()
    {
        await using var bot = await ZaloBot.StartAsync(settings: ZaloBot.WebhookSettings());
        await bot.WebhookSetAsync();
        var release = new TaskCompletionSource();
        bot.Conversation.Respond = async (message, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return [new Reply("Xong")];
        };

        var status = await bot.Fake.PostToWebhookAsync(Update(bot, "u1", "chậm"));

        Assert.Equal(200, status);
        Assert.Empty(bot.Fake.Sent);
        var reply = await bot.NextMessageAsync("u1", release.SetResult);
        Assert.Equal("Xong", reply.Text);
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_a_bad_request()
    {
        await using var bot = await ZaloBot.StartAsync(settings: ZaloBot.WebhookSettings());
        await bot.WebhookSetAsync();

        var status = await bot.Fake.PostToWebhookAsync(new Testing.ZaloUpdate("", "", "", null, "{\"ok\":true}"));

        Assert.Equal(400, status);
    }

    /// <summary>An update from a user that the fake does not deliver itself: the test posts it.</summary>
    private static Testing.ZaloUpdate Update(ZaloBot bot, string userId, string text) => bot.Fake.NewText(userId, text);
}
