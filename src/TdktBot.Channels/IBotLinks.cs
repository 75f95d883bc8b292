namespace TdktBot.Channels;

/// <summary>
/// Links that open a chat with the bot with a code already filled in, so an invite can be a link to tap
/// rather than a command to type (Telegram: https://t.me/&lt;bot&gt;?start=&lt;code&gt;).
/// </summary>
public interface IBotLinks
{
    /// <summary>
    /// The link that starts the bot with <paramref name="code"/>, or null while the bot's name is not known
    /// (the messenger was not reached yet). Codes are letters, digits, "_" and "-", at most 64 characters.
    /// </summary>
    string? DeepLink(string code);
}
