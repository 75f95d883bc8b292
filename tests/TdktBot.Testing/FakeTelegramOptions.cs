namespace TdktBot.Testing;

/// <summary>How a <see cref="FakeTelegramServer"/> presents itself.</summary>
public sealed class FakeTelegramOptions
{
    /// <summary>
    /// The only token the server accepts; any other gets 401 Unauthorized. It must look like a real one
    /// (digits, a colon, the rest) because Telegram.Bot refuses tokens of another shape, and the digits
    /// become the bot's user id.
    /// </summary>
    public string Token { get; init; } = "123456:TEST-token";

    public string BotFirstName { get; init; } = "TDKT Test Bot";

    public string BotUsername { get; init; } = "tdkt_test_bot";

    /// <summary>
    /// When false (the default) sendMessage only reaches chats that exist for the bot: ones a simulated user
    /// wrote in, added the bot to, or <see cref="FakeTelegramServer.AddChat"/> registered. Real Telegram
    /// answers "chat not found" otherwise, e.g. for a user who never pressed Start. True accepts any id.
    /// </summary>
    public bool AcceptUnknownChats { get; init; }

    /// <summary>Pause between webhook delivery attempts after the bot's endpoint failed.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
