using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TdktBot.Messaging.Zalo;

/// <summary>How the bot hears from Zalo: it asks (getUpdates) or Zalo posts to it (webhook).</summary>
public enum ZaloMode
{
    Polling,
    Webhook,
}

/// <summary>The Zalo bot (configuration section "Zalo"). Zalo is on only when <see cref="BotToken"/> is set.</summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    public const string DefaultApiBaseUrl = "https://bot-api.zaloplatforms.com";

    /// <summary>The token from Zalo Bot Creator. A secret: never logged, never echoed in an error.</summary>
    public string? BotToken { get; set; }

    /// <summary>Zalo's Bot API (only scheme, host, port and path prefix are used).</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    public ZaloMode Mode { get; set; } = ZaloMode.Polling;

    /// <summary>Webhook mode: the public https address Zalo posts updates to.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Webhook mode: Zalo sends it in every post (X-Bot-Api-Secret-Token), so posts from anyone else are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Webhook mode: where the bot's own web server for Zalo listens, behind the proxy that serves <see cref="WebhookUrl"/>.</summary>
    public string WebhookListen { get; set; } = "http://127.0.0.1:8081";

    /// <summary>Webhook mode: the path on <see cref="WebhookListen"/> that takes Zalo's posts.</summary>
    public string WebhookPath { get; set; } = "/zalo/webhook";

    /// <summary>How long one request to Zalo may take. A getUpdates waits for an update up to 5 s less than this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>At most this many messages a second to Zalo, replies and reminders together. Zalo publishes no limit; this stays well clear.</summary>
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>The link that opens the bot in Zalo (shown in Zalo Bot Creator), put in invites; optional.</summary>
    public string? BotLink { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>How long getUpdates waits for an update: the timeout less a margin, so the poll ends before the request times out.</summary>
    internal int PollSeconds => Math.Max(1, (int)Timeout.TotalSeconds - 5);
}

/// <summary>Checks the Zalo settings at start and names every wrong one, in Vietnamese then English.</summary>
internal sealed partial class ZaloOptionsValidation : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();

        // The token's value is never part of a message: these end up in logs and on screens.
        if (!TokenShape().IsMatch(options.BotToken!))
        {
            problems.Add("Zalo:BotToken không đúng dạng mã do Zalo Bot Creator cấp (chữ, số và : _ - . , không có khoảng trắng) / " +
                "must be the token Zalo Bot Creator gave, without spaces.");
        }

        if (WebhookSettings.Http(options.ApiBaseUrl) is null)
        {
            problems.Add($"Zalo:ApiBaseUrl phải là địa chỉ http(s) đầy đủ, mặc định {ZaloOptions.DefaultApiBaseUrl} / must be an absolute http(s) URL.");
        }

        if (options.Timeout < TimeSpan.FromSeconds(10) || options.Timeout > TimeSpan.FromMinutes(5))
        {
            problems.Add("Zalo:Timeout phải từ 00:00:10 đến 00:05:00 / must be between 10 seconds and 5 minutes.");
        }

        if (!(options.MessagesPerSecond > 0) || options.MessagesPerSecond > 1000)
        {
            problems.Add("Zalo:MessagesPerSecond phải lớn hơn 0 và không quá 1000, ví dụ 10 / must be above 0 and at most 1000.");
        }

        if (options.BotLink is { Length: > 0 } link && WebhookSettings.Http(link) is null)
        {
            problems.Add("Zalo:BotLink phải là đường dẫn mở bot trên Zalo, ví dụ https://zalo.me/… , hoặc để trống / must be a link that opens the bot, or empty.");
        }

        if (options.Mode == ZaloMode.Webhook)
        {
            WebhookSettings.Check(ZaloOptions.Section, options.ApiBaseUrl, ZaloOptions.DefaultApiBaseUrl, options.WebhookUrl,
                options.WebhookSecret, options.WebhookListen, options.WebhookPath, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex(@"^[A-Za-z0-9:_.\-]{8,512}$")]
    private static partial Regex TokenShape();
}
