namespace TdktBot.Core.Conversations;

/// <summary>Where a chat is: the terminal of the machine that runs the bot, Telegram or Zalo. Stored by its lowercase name.</summary>
public enum Messenger
{
    Console,
    Telegram,
    Zalo,
}

public static class MessengerNames
{
    /// <summary>"console", "telegram", "zalo": the name the store and the audit trail keep.</summary>
    public static string Key(this Messenger messenger) => messenger.ToString().ToLowerInvariant();

    /// <summary>The name people know it by, in Vietnamese.</summary>
    public static string Display(this Messenger messenger) => messenger switch
    {
        Messenger.Telegram => "Telegram",
        Messenger.Zalo => "Zalo",
        _ => "màn hình máy chủ",
    };
}
