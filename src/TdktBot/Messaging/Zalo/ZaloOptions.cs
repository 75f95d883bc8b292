using System.Text.RegularExpressions;

namespace TdktBot.Messaging.Zalo;

/// <summary>The Zalo bot (configuration section "Zalo"); the token is the one from Zalo Bot Creator.</summary>
public sealed class ZaloOptions() : MessengerOptions(DefaultApiBaseUrl, "http://127.0.0.1:8081", "/zalo/webhook")
{
    public const string Section = "Zalo";

    public const string DefaultApiBaseUrl = "https://bot-api.zaloplatforms.com";

    /// <summary>At most this many messages a second to Zalo, replies and reminders together. Zalo publishes no limit; this stays well clear.</summary>
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>The link that opens the bot in Zalo (shown in Zalo Bot Creator), put in invites; optional.</summary>
    public string? BotLink { get; set; }
}

/// <summary>Checks the Zalo settings at start.</summary>
internal sealed partial class ZaloOptionsValidation() : MessengerOptionsValidation<ZaloOptions>(
    ZaloOptions.Section,
    ZaloOptions.DefaultApiBaseUrl,
    TokenShape(),
    "Zalo:BotToken không đúng dạng mã do Zalo Bot Creator cấp (chữ, số và : _ - . , không có khoảng trắng) / " +
    "must be the token Zalo Bot Creator gave, without spaces.")
{
    protected override void CheckOwn(ZaloOptions options, List<string> problems)
    {
        if (!(options.MessagesPerSecond > 0) || options.MessagesPerSecond > 1000)
        {
            problems.Add("Zalo:MessagesPerSecond phải lớn hơn 0 và không quá 1000, ví dụ 10 / must be above 0 and at most 1000.");
        }

        if (options.BotLink is { Length: > 0 } link && Http(link) is null)
        {
            problems.Add("Zalo:BotLink phải là đường dẫn mở bot trên Zalo, ví dụ https://zalo.me/… , hoặc để trống / must be a link that opens the bot, or empty.");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9:_.\-]{8,512}$")]
    private static partial Regex TokenShape();
}
