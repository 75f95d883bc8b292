using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TdktBot.Messaging;

/// <summary>How the bot hears from a messenger: it asks (long polling, getUpdates) or the messenger posts to it (webhook).</summary>
public enum MessengerMode
{
    Polling,
    Webhook,
}

/// <summary>The settings every messenger's bot has (Telegram, Zalo). A messenger is on only when <see cref="BotToken"/> is set.</summary>
public abstract class MessengerOptions(string apiBaseUrl, string webhookListen, string webhookPath)
{
    /// <summary>The token the messenger gave the bot. A secret: never logged, never echoed in an error.</summary>
    public string? BotToken { get; set; }

    /// <summary>The messenger's Bot API, or a local Bot API server (Telegram uses only scheme, host and port; Zalo the path prefix too).</summary>
    public string ApiBaseUrl { get; set; } = apiBaseUrl;

    public MessengerMode Mode { get; set; } = MessengerMode.Polling;

    /// <summary>Webhook mode: the public https address the messenger posts updates to.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: the messenger sends it in every post, so posts from anyone else are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Webhook mode: where the bot's own web server for this messenger listens, behind the proxy that serves <see cref="WebhookUrl"/>.</summary>
    public string WebhookListen { get; set; } = webhookListen;

    /// <summary>Webhook mode: the path on <see cref="WebhookListen"/> that takes the messenger's posts.</summary>
    public string WebhookPath { get; set; } = webhookPath;

    /// <summary>How long one request to the messenger may take. A long poll waits for updates up to 5 s less than this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>How long getUpdates waits for an update: the timeout less a margin, so the poll ends before the request times out.</summary>
    internal int PollSeconds => Math.Max(1, (int)Timeout.TotalSeconds - 5);
}

/// <summary>
/// Checks a messenger's settings at start and names every wrong one, in Vietnamese then English, worded once for
/// Telegram and Zalo alike.
/// </summary>
internal abstract class MessengerOptionsValidation<TOptions>(string section, string officialApiBaseUrl, Regex tokenShape, string tokenProblem)
    : IValidateOptions<TOptions>
    where TOptions : MessengerOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();

        // The token's value is never part of a message: these end up in logs and on screens.
        if (!tokenShape.IsMatch(options.BotToken!))
        {
            problems.Add(tokenProblem);
        }

        if (Http(options.ApiBaseUrl) is null)
        {
            problems.Add($"{section}:ApiBaseUrl phải là địa chỉ http(s) đầy đủ, mặc định {officialApiBaseUrl} / must be an absolute http(s) URL.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(10) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{section}:Timeout phải từ 00:00:10 đến 00:05:00 / must be between 10 seconds and 5 minutes.");
        }

        CheckOwn(options, problems);
        if (options.Mode == MessengerMode.Webhook)
        {
            CheckWebhook(options, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>An absolute http or https URL, or null.</summary>
    protected static Uri? Http(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    /// <summary>Adds a problem for each of the messenger's own settings that is wrong.</summary>
    protected virtual void CheckOwn(TOptions options, List<string> problems)
    {
    }

    /// <summary>
    /// Adds a problem for each of <c>{section}:WebhookUrl</c>, <c>WebhookSecret</c>, <c>WebhookListen</c> and
    /// <c>WebhookPath</c> that is wrong. The messenger's own server posts only to https; another API address (a local
    /// or test server) may post to http. A secret must be 16–256 of A-Z a-z 0-9 _ -: messengers accept shorter ones,
    /// which could be guessed.
    /// </summary>
    private void CheckWebhook(TOptions options, List<string> problems)
    {
        var official = Http(options.ApiBaseUrl) is { } api && api.Host.Equals(new Uri(officialApiBaseUrl).Host, StringComparison.OrdinalIgnoreCase);
        var defaultPath = "/" + section.ToLowerInvariant() + "/webhook";
        var webhook = Http(options.WebhookUrl);
        if (webhook is null || (official && webhook.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{section}:WebhookUrl cần là địa chỉ https công khai mà {section} gửi tới (chế độ Webhook), ví dụ https://bot.xa-hoatham.vn{defaultPath} / " +
                $"must be the public https URL {section} posts to in Webhook mode.");
        }

        var secret = options.WebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            problems.Add($"{section}:WebhookSecret cần có ở chế độ Webhook: 16–256 ký tự A-Z a-z 0-9 _ -, ví dụ tạo bằng «openssl rand -hex 32» / " +
                "is needed in Webhook mode: 16-256 characters A-Z a-z 0-9 _ -.");
        }
        else if (secret.Length is < 16 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            problems.Add($"{section}:WebhookSecret chỉ được gồm 16–256 ký tự A-Z a-z 0-9 _ - / must be 16-256 characters of A-Z a-z 0-9 _ -.");
        }

        if (Http(options.WebhookListen) is null)
        {
            problems.Add($"{section}:WebhookListen phải là địa chỉ máy chủ web của bot, ví dụ http://127.0.0.1:8080 / must be the URL the bot's web server listens on.");
        }

        if (!options.WebhookPath.StartsWith('/') || options.WebhookPath.Contains('?', StringComparison.Ordinal))
        {
            problems.Add($"{section}:WebhookPath phải bắt đầu bằng «/», ví dụ {defaultPath} / must be a path starting with \"/\".");
        }
    }
}
