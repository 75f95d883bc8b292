using TdktBot.Testing;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TdktBot.Messaging;

namespace TdktBot.Telegram.Tests;

/// <summary>Webhook mode: the bot's own web server takes Telegram's posts, checks the secret and handles them like polled updates.</summary>
public sealed class TelegramWebhookTests
{
    [Fact]
    public async Task The_webhook_is_set_with_the_secret_and_the_updates_the_bot_wants_and_a_message_is_answered()
    {
        var settings = TelegramBot.WebhookSettings();
        await using var bot = await TelegramBot.StartAsync(settings: settings);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.Calls.Any(c => c.Method == "setWebhook" && c.StatusCode == 200), what: "the webhook set");

        bot.Fake.SendText(42, "/thang", firstName: "Lan");
        var incoming = await bot.Conversation.NextAsync();
        var reply = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42));

        var set = JsonNode.Parse(bot.Fake.Calls.Single(c => c.Method == "setWebhook").Body)!;
        Assert.Equal(settings["Telegram:WebhookUrl"], set["url"]!.GetValue<string>());
        Assert.Equal(TelegramBot.Secret, set["secret_token"]!.GetValue<string>());
        Assert.Equal(["message", "callback_query", "my_chat_member"], set["allowed_updates"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(("/thang", "42", "Lan"), (incoming.Text, incoming.ChatAddress, incoming.SenderName));
        Assert.Equal("Đã nhận: /thang", reply.PlainText);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method is "getUpdates" or "deleteWebhook");
    }

    [Fact]
    public async Task A_post_without_the_secret_is_401_with_a_wrong_one_403_and_neither_reaches_the_conversation()
    {
        await using var bot = await TelegramBot.StartAsync(settings: TelegramBot.WebhookSettings());

        var missing = await bot.Fake.PostUpdateToWebhookAsync(bot.WebhookEndpoint, null, TextUpdate(1, "không mã").ToJsonString());
        var wrong = await bot.Fake.PostUpdateToWebhookAsync(bot.WebhookEndpoint, TelegramBot.Secret + "x", TextUpdate(2, "sai mã").ToJsonString());
        var right = await bot.Fake.PostUpdateToWebhookAsync(bot.WebhookEndpoint, TelegramBot.Secret, TextUpdate(3, "đúng mã").ToJsonString());
        var incoming = await bot.Conversation.NextAsync();

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.OK), (missing, wrong, right));
        Assert.Equal("đúng mã", incoming.Text);
        Assert.Empty(bot.Conversation.Unread());
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_400_and_other_paths_and_methods_are_refused()
    {
        await using var bot = await TelegramBot.StartAsync(settings: TelegramBot.WebhookSettings());
        using var http = new HttpClient();

        var badJson = await bot.Fake.PostUpdateToWebhookAsync(bot.WebhookEndpoint, TelegramBot.Secret, "{\"update_id\": 1, \"message\": ");
        var get = (await http.GetAsync(bot.WebhookEndpoint)).StatusCode;
        var elsewhere = await bot.Fake.PostUpdateToWebhookAsync(new Uri(bot.WebhookEndpoint, "/other"), TelegramBot.Secret, TextUpdate(1, "x").ToJsonString());

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.MethodNotAllowed, HttpStatusCode.NotFound), (badJson, get, elsewhere));
    }

    [Fact]
    public async Task A_photo_comes_as_its_largest_size_with_a_jpg_name_and_its_caption()
    {
        await using var bot = await TelegramBot.StartAsync(settings: TelegramBot.WebhookSettings());
        var update = TextUpdate(7, null);
        update["message"]!["caption"] = "ảnh biên bản";
        update["message"]!["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = "small-id", ["file_unique_id"] = "u-small", ["width"] = 90, ["height"] = 90 },
            new JsonObject { ["file_id"] = "large-id", ["file_unique_id"] = "u-large", ["width"] = 1280, ["height"] = 960 });

        var status = await bot.Fake.PostUpdateToWebhookAsync(bot.WebhookEndpoint, TelegramBot.Secret, update.ToJsonString());
        var incoming = await bot.Conversation.NextAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("large-id", "u-large.jpg", "ảnh biên bản"), (incoming.FileId, incoming.FileName, incoming.Text));
    }

    [Fact]
    public async Task Updates_accepted_before_a_stop_are_still_handled()
    {
        await using var bot = await TelegramBot.StartAsync(settings: TelegramBot.WebhookSettings());
        bot.Fake.AddChat(42);
        bot.Conversation.Respond = async (message, ct) =>
        {
            await Task.Delay(500, ct);
            return [new Reply($"Xong: {message.Text}")];
        };

        var status = await bot.Fake.PostUpdateToWebhookAsync(bot.WebhookEndpoint, TelegramBot.Secret, TextUpdate(9, "/kehoach").ToJsonString());
        await bot.Host.StopAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Xong: /kehoach", Assert.Single(bot.Fake.Sent).PlainText);
    }

    [Fact]
    public async Task Telegram_is_off_without_a_token()
    {
        var log = new RecordingLog();
        using var host = TelegramBot.Build(new Dictionary<string, string?> { ["Telegram:Mode"] = "Webhook" }, new RecordingConversation(), log);

        Assert.Empty(host.Services.GetServices<IChatChannel>());
        Assert.Empty(host.Services.GetServices<IHostedService>());
        Assert.Null(host.Services.GetService<IBotLinks>());
    }

    /// <summary>A private message from user 42 as Telegram posts it, with <paramref name="text"/> when given.</summary>
    private static JsonObject TextUpdate(int updateId, string? text)
    {
        var message = new JsonObject
        {
            ["message_id"] = updateId,
            ["date"] = 1_767_225_600,
            ["chat"] = new JsonObject { ["id"] = 42, ["type"] = "private", ["first_name"] = "Lan" },
            ["from"] = new JsonObject { ["id"] = 42, ["is_bot"] = false, ["first_name"] = "Lan" },
        };
        if (text is not null)
        {
            message["text"] = text;
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }
}
