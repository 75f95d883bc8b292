using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TdktBot.Telegram;

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

        var api = AbsoluteHttp(options.ApiBaseUrl);
        if (api is null)
        {
            problems.Add($"Telegram:ApiBaseUrl phải là địa chỉ http(s) đầy đủ, mặc định {TelegramOptions.DefaultApiBaseUrl} / must be an absolute http(s) URL.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(10) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Telegram:Timeout phải từ 00:00:10 đến 00:05:00 / must be between 10 seconds and 5 minutes.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            ValidateWebhook(options, api, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateWebhook(TelegramOptions options, Uri? api, List<string> problems)
    {
        // Telegram itself only posts to https; a local Bot API server (any other ApiBaseUrl) also posts to http.
        var official = api is not null && api.Host.Equals(new Uri(TelegramOptions.DefaultApiBaseUrl).Host, StringComparison.OrdinalIgnoreCase);
        var url = AbsoluteHttp(options.WebhookUrl);
        if (url is null || (official && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add("Telegram:WebhookUrl cần là địa chỉ https công khai mà Telegram gửi tới (chế độ Webhook), ví dụ https://bot.xa-hoatham.vn/telegram/webhook / " +
                "must be the public https URL Telegram posts to in Webhook mode.");
        }

        if (string.IsNullOrEmpty(options.WebhookSecret))
        {
            problems.Add("Telegram:WebhookSecret cần có ở chế độ Webhook: 16–256 ký tự A-Z a-z 0-9 _ -, ví dụ tạo bằng «openssl rand -hex 32» / " +
                "is needed in Webhook mode: 16-256 characters A-Z a-z 0-9 _ -.");
        }
        else if (!SecretShape().IsMatch(options.WebhookSecret))
        {
            // Telegram accepts from 1 character; fewer than 16 would be guessable, so they are refused here.
            problems.Add("Telegram:WebhookSecret chỉ được gồm 16–256 ký tự A-Z a-z 0-9 _ - / must be 16-256 characters of A-Z a-z 0-9 _ -.");
        }

        if (AbsoluteHttp(options.WebhookListen) is null)
        {
            problems.Add("Telegram:WebhookListen phải là địa chỉ máy chủ web của bot, ví dụ http://127.0.0.1:8080 / must be the URL the bot's web server listens on.");
        }

        if (!options.WebhookPath.StartsWith('/') || options.WebhookPath.Contains('?', StringComparison.Ordinal))
        {
            problems.Add("Telegram:WebhookPath phải bắt đầu bằng «/», ví dụ /telegram/webhook / must be a path starting with \"/\".");
        }
    }

    private static Uri? AbsoluteHttp(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{16,256}$")]
    private static partial Regex SecretShape();
}
