namespace TdktBot.Messaging;

/// <summary>The checks every messenger's webhook settings need, worded once for Telegram and Zalo alike.</summary>
internal static class WebhookSettings
{
    /// <summary>An absolute http or https URL, or null.</summary>
    public static Uri? Http(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    /// <summary>
    /// Adds a problem, in Vietnamese then English, for each of <c>{section}:WebhookUrl</c>, <c>WebhookSecret</c>,
    /// <c>WebhookListen</c> and <c>WebhookPath</c> that is wrong. The messenger's own server posts only to https; another
    /// API address (a local or test server) may post to http. A secret must be 16–256 of A-Z a-z 0-9 _ -: messengers
    /// accept shorter ones, which could be guessed.
    /// </summary>
    public static void Check(
        string section, string apiBaseUrl, string officialApiBaseUrl, string? url, string? secret, string listen, string path, List<string> problems)
    {
        var official = Http(apiBaseUrl) is { } api && api.Host.Equals(new Uri(officialApiBaseUrl).Host, StringComparison.OrdinalIgnoreCase);
        var defaultPath = "/" + section.ToLowerInvariant() + "/webhook";
        var webhook = Http(url);
        if (webhook is null || (official && webhook.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{section}:WebhookUrl cần là địa chỉ https công khai mà {section} gửi tới (chế độ Webhook), ví dụ https://bot.xa-hoatham.vn{defaultPath} / " +
                $"must be the public https URL {section} posts to in Webhook mode.");
        }

        if (string.IsNullOrEmpty(secret))
        {
            problems.Add($"{section}:WebhookSecret cần có ở chế độ Webhook: 16–256 ký tự A-Z a-z 0-9 _ -, ví dụ tạo bằng «openssl rand -hex 32» / " +
                "is needed in Webhook mode: 16-256 characters A-Z a-z 0-9 _ -.");
        }
        else if (secret.Length is < 16 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            problems.Add($"{section}:WebhookSecret chỉ được gồm 16–256 ký tự A-Z a-z 0-9 _ - / must be 16-256 characters of A-Z a-z 0-9 _ -.");
        }

        if (Http(listen) is null)
        {
            problems.Add($"{section}:WebhookListen phải là địa chỉ máy chủ web của bot, ví dụ http://127.0.0.1:8080 / must be the URL the bot's web server listens on.");
        }

        if (!path.StartsWith('/') || path.Contains('?', StringComparison.Ordinal))
        {
            problems.Add($"{section}:WebhookPath phải bắt đầu bằng «/», ví dụ {defaultPath} / must be a path starting with \"/\".");
        }
    }
}
