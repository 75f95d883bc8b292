namespace TdktBot.Outbox;

/// <summary>How fast and how persistently stored deliveries are sent (configuration section "Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>At most this many messages a second over all chats and messengers together.</summary>
    public double MessagesPerSecond { get; set; } = 25;

    /// <summary>At least this long between two messages to the same chat.</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many messages a minute to one group chat (Telegram allows 20), evenly spaced.</summary>
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>A message that keeps failing transiently is given up (Failed) after this many tries.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first transient failure; it doubles with each further one.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the store is checked when nothing signals new deliveries; also picks up rows written by other processes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a sender holds the delivery it is sending (several instances share one PostgreSQL outbox): one that dies
    /// mid-send lets it go after this, and the leader then sends it (at most once more). Longer than a send can take.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(60);
}
