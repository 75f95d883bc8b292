using TdktBot.Core.Conversations;

namespace TdktBot.Messaging;

/// <summary>
/// Links that open a chat with the bot with a code already filled in, so an invite can be a link to tap
/// rather than a command to type (Telegram: https://t.me/&lt;bot&gt;?start=&lt;code&gt;).
/// </summary>
public interface IBotLinks
{
    /// <summary>The messenger these links open.</summary>
    Messenger Messenger { get; }

    /// <summary>
    /// The link that starts the bot with <paramref name="code"/>, or null while the bot's name is not known
    /// (the messenger was not reached yet). Codes are letters, digits, "_" and "-", at most 64 characters.
    /// </summary>
    string? DeepLink(string code);
}

/// <summary>Finding the link for one messenger among those configured.</summary>
public static class BotLinks
{
    /// <summary>The link that starts <paramref name="channel"/>'s bot with <paramref name="code"/>, or null when that messenger is off or its link unknown.</summary>
    public static string? On(this IEnumerable<IBotLinks> links, Messenger channel, string code) =>
        links.FirstOrDefault(l => l.Messenger == channel)?.DeepLink(code);
}
