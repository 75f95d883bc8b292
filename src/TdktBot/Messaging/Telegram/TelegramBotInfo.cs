using System.Text.RegularExpressions;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging.Telegram;

/// <summary>What Telegram told us about our own bot at start (getMe); until then the deep links are unknown.</summary>
public sealed partial class TelegramBotInfo : IBotLinks
{
    public Messenger Messenger => Messenger.Telegram;

    /// <summary>The bot's @username without the "@", once getMe has answered.</summary>
    public string? Username
    {
        // Written once by the start-up task, read by conversations on other threads.
        get => Volatile.Read(ref field);
        internal set => Volatile.Write(ref field, value);
    }

    /// <summary>https://t.me/&lt;bot&gt;?start=&lt;code&gt;: opens the bot and sends "/start &lt;code&gt;" at one tap.</summary>
    public string? DeepLink(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!StartParameter().IsMatch(code))
        {
            // Telegram drops a start parameter with other characters, so such a link would silently lose the code.
            throw new ArgumentException($"Mã «{code}» không dùng được trong liên kết Telegram: chỉ 1–64 ký tự A-Z a-z 0-9 _ -.", nameof(code));
        }

        return Username is { } name ? $"https://t.me/{name}?start={code}" : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex StartParameter();
}
