using System.Text.RegularExpressions;

namespace TdktBot.Messaging.Telegram;

/// <summary>The Telegram bot (configuration section "Telegram"); the token is the one from @BotFather, "&lt;digits&gt;:&lt;secret&gt;".</summary>
public sealed class TelegramOptions() : MessengerOptions(DefaultApiBaseUrl, "http://127.0.0.1:8080", "/telegram/webhook")
{
    public const string Section = "Telegram";

    public const string DefaultApiBaseUrl = "https://api.telegram.org";
}

/// <summary>Checks the Telegram settings at start.</summary>
internal sealed partial class TelegramOptionsValidation() : MessengerOptionsValidation<TelegramOptions>(
    TelegramOptions.Section,
    TelegramOptions.DefaultApiBaseUrl,
    TokenShape(),
    "Telegram:BotToken không đúng dạng <số>:<mã> do @BotFather cấp / must look like <digits>:<secret> as given by @BotFather.")
{
    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();
}
