using System.Net;
using System.Text.Json.Nodes;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.EndToEnd;

/// <summary>The whole bot in webhook mode: only posts carrying the secret set with setWebhook get to the conversation.</summary>
[Collection(OneAtATime.Name)]
public sealed class WebhookTests
{
    private const long NoSecret = 8001;
    private const long WrongSecret = 8002;
    private const long RightSecret = 8003;
    private const long ThroughTelegram = 8004;

    [Fact]
    public async Task A_post_without_the_secret_is_401_with_a_wrong_one_403_and_only_one_with_the_right_secret_is_answered()
    {
        var settings = MessengerBotUnderTest.WebhookSettings();
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)), settings);
        var endpoint = new Uri(settings["Telegram:WebhookUrl"]!);

        // The chats exist at Telegram, so a reply the bot wrongly made to a refused post would be accepted and seen.
        bot.Fake.AddChat(NoSecret);
        bot.Fake.AddChat(WrongSecret);
        bot.Fake.AddChat(RightSecret);
        var missing = await bot.Fake.PostUpdateToWebhookAsync(endpoint, null, Update(1, NoSecret));
        var wrong = await bot.Fake.PostUpdateToWebhookAsync(endpoint, MessengerBotUnderTest.WebhookSecret + "x", Update(2, WrongSecret));
        var right = await bot.Fake.PostUpdateToWebhookAsync(endpoint, MessengerBotUnderTest.WebhookSecret, Update(3, RightSecret));
        var answered = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == RightSecret, timeout: MessengerBotUnderTest.Patience));

        // And the way Telegram itself delivers: the fake posts a user's message with the secret it was given.
        var delivered = await bot.SayAsync(ThroughTelegram, "xin chào");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.OK), (missing, wrong, right));
        Assert.Equal(ReplyTexts.Stranger, answered.PlainText);
        Assert.Equal(ReplyTexts.Stranger, delivered.PlainText);
        // Refused posts are dropped before they are queued, so nothing can still be coming for them.
        Assert.DoesNotContain(bot.Fake.Sent, m => m.ChatId is NoSecret or WrongSecret);
        Assert.Empty(bot.Fake.Refused);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method == "getUpdates");
    }

    /// <summary>A private text message as Telegram posts it to a webhook.</summary>
    private static string Update(int updateId, long chatId) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = updateId,
            ["date"] = 1_772_416_800,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Lan" },
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Lan" },
            ["text"] = "quý này có việc gì",
        },
    }.ToJsonString();
}
