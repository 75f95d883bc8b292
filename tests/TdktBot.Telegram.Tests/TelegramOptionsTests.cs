using TdktBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TdktBot.Messaging;
using TdktBot.Messaging.Telegram;

namespace TdktBot.Telegram.Tests;

/// <summary>Wrong Telegram settings stop the bot at start with a message naming the setting, and never the token.</summary>
public sealed class TelegramOptionsTests
{
    private const string Token = "123456:AAE-secret_Part";

    [Theory]
    [InlineData("Telegram:BotToken", "abc def", "Telegram:BotToken")]
    [InlineData("Telegram:BotToken", "123456AAE-secret", "Telegram:BotToken")]
    [InlineData("Telegram:ApiBaseUrl", "api.telegram.org", "Telegram:ApiBaseUrl")]
    [InlineData("Telegram:Timeout", "00:00:02", "Telegram:Timeout")]
    [InlineData("Telegram:Mode", "Webhook", "Telegram:WebhookUrl")]
    [InlineData("Telegram:Mode", "Webhook", "Telegram:WebhookSecret")]
    public async Task A_wrong_setting_stops_the_start_and_is_named(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { ["Telegram:BotToken"] = Token, [key] = value };

        var error = await StartFailsAsync(settings);

        Assert.Contains(error.Failures, f => f.StartsWith(named + " ", StringComparison.Ordinal));
        Assert.DoesNotContain("secret_Part", string.Join(' ', error.Failures), StringComparison.Ordinal);
        Assert.DoesNotContain("abc def", string.Join(' ', error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    // Telegram allows a 1-character secret; the bot wants one that cannot be guessed.
    [InlineData("short", "https://bot.example.org/hook", "Telegram:WebhookSecret")]
    [InlineData("has spaces in it and is long enough", "https://bot.example.org/hook", "Telegram:WebhookSecret")]
    [InlineData("0123456789abcdef0123", "http://bot.example.org/hook", "Telegram:WebhookUrl")]
    public async Task A_webhook_needs_a_strong_secret_and_an_https_url(string secret, string url, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = secret,
            ["Telegram:WebhookUrl"] = url,
        };

        var error = await StartFailsAsync(settings);

        Assert.StartsWith(named + " ", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_webhook_settings_are_valid_and_http_is_fine_for_a_local_Bot_API_server()
    {
        var validation = new TelegramOptionsValidation();
        var official = new TelegramOptions
        {
            BotToken = Token,
            Mode = MessengerMode.Webhook,
            WebhookUrl = "https://bot.example.org/telegram/webhook",
            WebhookSecret = "0123456789abcdef_-XY",
        };
        var local = new TelegramOptions
        {
            BotToken = Token,
            ApiBaseUrl = "http://127.0.0.1:8081",
            Mode = MessengerMode.Webhook,
            WebhookUrl = "http://bot:8080/telegram/webhook",
            WebhookSecret = "0123456789abcdef_-XY",
        };

        Assert.True(validation.Validate(null, official).Succeeded);
        Assert.True(validation.Validate(null, local).Succeeded);
    }

    [Fact]
    public void The_example_settings_document_every_Telegram_setting_and_leave_Telegram_off()
    {
        var example = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Fixtures", "appsettings.example.json"), optional: false)
            .Build()
            .GetSection(TelegramOptions.Section);
        var documented = example.GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settable = typeof(TelegramOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name);

        Assert.All(settable, name => Assert.Contains(name, documented));
        Assert.False(example.Get<TelegramOptions>()!.Enabled);
    }

    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> settings)
    {
        using var host = TelegramBot.Build(settings, new RecordingConversation(), new RecordingLog());
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
