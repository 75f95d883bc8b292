using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TdktBot.Messaging;
using TdktBot.Testing;

namespace TdktBot.Telegram.Tests;

/// <summary>
/// The token is in the URL of every request to Telegram. Whatever goes wrong, nothing the bot logs (down to Trace,
/// HttpClient's own categories included) or reports as a send outcome may contain it.
/// </summary>
public sealed class TokenSecrecyTests
{
    private const string Secret = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private static readonly FakeTelegramOptions WithToken = new() { Token = "110201543:" + Secret };

    [Fact]
    public async Task Nothing_logged_in_polling_mode_contains_the_token_even_when_everything_fails()
    {
        await using var bot = await TelegramBot.StartAsync(
            fake =>
            {
                fake.FailNext("getMe", 401);
                fake.FailNext("setMyCommands", 500);
                fake.DropNext("deleteWebhook");
                fake.FailNext("getUpdates", 409);
                fake.MalformedNext("getUpdates");
            },
            fakeOptions: WithToken);
        await bot.PollingAsync();
        bot.Fake.FailNext("sendMessage", 502);
        bot.Fake.DropNext("sendMessage");
        bot.Fake.DropNext("answerCallbackQuery");

        bot.Fake.SendText(42, "/help");
        bot.Fake.SendText(42, RecordingConversation.Failing);
        bot.Fake.PressButton(42, 1, "NOP 3");
        await bot.Conversation.NextAsync();
        await bot.Conversation.NextAsync();
        await bot.Conversation.NextAsync();
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42);
        var outcomes = new List<SendOutcome>();
        bot.Fake.DropNext("sendMessage");
        outcomes.Add(await bot.Channel.SendAsync(new OutgoingMessage("42", "x"), CancellationToken.None));
        bot.Fake.MalformedNext("sendMessage");
        outcomes.Add(await bot.Channel.SendAsync(new OutgoingMessage("42", "x"), CancellationToken.None));
        await bot.Host.StopAsync();

        // The failures above were logged, so the check below looked at real error text.
        Assert.Contains(bot.Log.Entries, e => e.Message.Contains("401", StringComparison.Ordinal));
        Assert.Contains(bot.Log.Entries, e => e.Message.Contains("getUpdates", StringComparison.Ordinal) && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(Secret, bot.Log.Text, StringComparison.Ordinal);
        Assert.All(outcomes, o => Assert.DoesNotContain(Secret, o.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_logged_in_webhook_mode_contains_the_token()
    {
        await using var bot = await TelegramBot.StartAsync(
            fake => fake.DropNext("setWebhook"),
            settings: TelegramBot.WebhookSettings(),
            fakeOptions: WithToken);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.Calls.Any(c => c.Method == "setWebhook" && c.StatusCode == 200), TimeSpan.FromSeconds(10), "the webhook set");

        bot.Fake.SendText(42, "/help");
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42);
        await bot.Fake.PostUpdateToWebhookAsync(bot.WebhookEndpoint, "wrong-secret", "{}");
        await bot.Host.StopAsync();

        Assert.Contains(bot.Log.Entries, e => e.Message.Contains("setWebhook", StringComparison.Ordinal) || e.Message.Contains("webhook", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, bot.Log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_capture_would_see_the_token_if_an_HttpClient_logged_its_URL()
    {
        // A client from the same factory with the default logging handlers: the control that shows the check above can fail.
        await using var bot = await TelegramBot.StartAsync(start: false, fakeOptions: WithToken);
        var log = new RecordingLog();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(log));
        services.AddHttpClient("control");
        await using var provider = services.BuildServiceProvider();
        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient("control");

        using var response = await http.GetAsync(new Uri($"{bot.Fake.BaseUrl}/bot{bot.Fake.Token}/getMe"));

        Assert.Contains(Secret, log.Text, StringComparison.Ordinal);
    }
}
