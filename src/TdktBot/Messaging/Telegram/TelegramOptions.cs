using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TdktBot.Messaging.Telegram;

/// <summary>How the bot hears from Telegram: it asks (long polling) or Telegram posts to it (webhook).</summary>
public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>The Telegram bot (configuration section "Telegram"). Telegram is on only when <see cref="BotToken"/> is set.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    /// <summary>The token from @BotFather, "&lt;digits&gt;:&lt;secret&gt;". A secret: never logged, never echoed in an error.</summary>
    public string? BotToken { get; set; }

    /// <summary>Telegram's Bot API, or a local Bot API server (only scheme, host and port are used).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Webhook mode: the public https address Telegram posts updates to.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: Telegram sends it in every post, so posts from anyone else are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Webhook mode: where the bot's own web server listens, behind the proxy that serves <see cref="WebhookUrl"/>.</summary>
    public string WebhookListen { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Webhook mode: the path on <see cref="WebhookListen"/> that takes Telegram's posts.</summary>
    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>How long one request to Telegram may take. A long poll waits for updates up to 5 s less than this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>How long getUpdates waits for an update: the timeout less a margin, so the poll ends before the request times out.</summary>
    internal int PollSeconds => Math.Max(1, (int)Timeout.TotalSeconds - 5);
}

/// <summary>Checks the Telegram settings at start and names every wrong one, in Vietnamese then English.</summary>
internal sealed partial class TelegramOptionsValidation : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();

        // The token's value is never part of a message: these end up in logs and on screens.
        if (!TokenShape().IsMatch(options.BotToken!))
        {
            problems.Add("Telegram:BotToken không đúng dạng <số>:<mã> do @BotFather cấp / must look like <digits>:<secret> as given by @BotFather.");
        }

        if (WebhookSettings.Http(options.ApiBaseUrl) is null)
        {
            problems.Add($"Telegram:ApiBaseUrl phải là địa chỉ http(s) đầy đủ, mặc định {TelegramOptions.DefaultApiBaseUrl} / must be an absolute http(s) URL.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(10) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Telegram:Timeout phải từ 00:00:10 đến 00:05:00 / must be between 10 seconds and 5 minutes.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            WebhookSettings.Check(TelegramOptions.Section, options.ApiBaseUrl, TelegramOptions.DefaultApiBaseUrl, options.WebhookUrl,
                options.WebhookSecret, options.WebhookListen, options.WebhookPath, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();
}
