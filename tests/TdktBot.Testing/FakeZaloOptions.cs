namespace TdktBot.Testing;

/// <summary>How a <see cref="FakeZaloServer"/> presents itself.</summary>
public sealed class FakeZaloOptions
{
    /// <summary>The only token the server accepts (the path segment after "bot"); any other gets 401 Unauthorized.</summary>
    public string Token { get; init; } = "2174852302957012340:ZaloFakeSecretKey_abcdef123456";

    /// <summary>The bot's id, as getMe reports it.</summary>
    public string BotId { get; init; } = "7e3a1f00c0ffee000001";

    /// <summary>getMe's account_name.</summary>
    public string AccountName { get; init; } = "bot.tdkt.test";

    /// <summary>
    /// How webhook posts carry an update: false (the default, as observed in practice) posts the update object
    /// itself, true wraps it as {"ok":true,"result":update}, the shape the documentation shows.
    /// </summary>
    public bool WebhookBodyWrapped { get; init; }

    /// <summary>
    /// When false (the default) sendMessage only reaches chats that exist for the bot: users who wrote to it or
    /// ones <see cref="FakeZaloServer.AddChat"/> registered; others get 400 "chat not found". True accepts any id.
    /// </summary>
    public bool AcceptUnknownChats { get; init; }

    /// <summary>Pause before a webhook post the bot's endpoint failed is tried again.</summary>
    public TimeSpan WebhookRetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);
}
