namespace TdktBot.Channels;

/// <summary>What the engine needs to know about the messengers' bot accounts to write invite links.</summary>
public interface IBotLinks
{
    /// <summary>The Telegram bot's @username once known (from getMe), for https://t.me/&lt;bot&gt;?start=&lt;code&gt; links.</summary>
    string? TelegramUserName { get; }
}

/// <summary>The accounts learnt at start-up; empty until a messenger channel fills it.</summary>
public sealed class BotLinks : IBotLinks
{
    public string? TelegramUserName { get; set; }
}
