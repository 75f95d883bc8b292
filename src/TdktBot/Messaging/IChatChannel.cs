using TdktBot.Core.Conversations;

namespace TdktBot.Messaging;

/// <summary>One message for one chat, as a messenger needs it.</summary>
/// <param name="Address">The messenger's id of the chat (<c>Chat.Address</c>).</param>
/// <param name="Text">The whole message in plain text (no markup), already in Vietnamese; channels escape it as they need.</param>
/// <param name="DisplayName">How people know the chat, for channels that show it (the console).</param>
public sealed record OutgoingMessage(string Address, string Text, string? DisplayName = null)
{
    public IReadOnlyList<ChatButton> Buttons { get; init; } = [];

    /// <summary>A file to send after the text, by the messenger's own id (a file a unit attached, forwarded to the office).</summary>
    public string? FileId { get; init; }

    /// <summary>A file the bot wrote (its full path), uploaded after the text by channels that send files; the others ignore it.</summary>
    public string? Document { get; init; }
}

/// <summary>What became of one send: it went out, it may go out if tried later, or it never will.</summary>
public abstract record SendOutcome
{
    private SendOutcome()
    {
    }

    /// <summary>This outcome, saying which part failed when a message went in several (index from 0), so a log explains a message cut short.</summary>
    public SendOutcome OfPart(int index, int count) => (this, count) switch
    {
        (_, <= 1) => this,
        (Transient t, _) => t with { Reason = $"{t.Reason} (phần {index + 1}/{count})" },
        (Permanent p, _) => p with { Reason = $"{p.Reason} (phần {index + 1}/{count})" },
        _ => this,
    };

    /// <summary>The messenger accepted the message and gave it this id.</summary>
    public sealed record Sent(string MessageId) : SendOutcome;

    /// <summary>Worth trying again: a 5xx or 429 answer, a timeout, the network. <paramref name="RetryAfter"/> is the messenger's own wait (a 429's retry_after).</summary>
    public sealed record Transient(string Reason, TimeSpan? RetryAfter = null) : SendOutcome;

    /// <summary>Never worth trying again: the bot was blocked or removed, the chat is gone.</summary>
    public sealed record Permanent(string Reason) : SendOutcome;

    /// <summary>The chat has a new id (a Telegram group became a supergroup): store it and send again.</summary>
    public sealed record Moved(string NewAddress) : SendOutcome;
}

/// <summary>A messenger (or the console) the bot can write to.</summary>
public interface IChatChannel
{
    /// <summary>The messenger this channel writes to: the <c>Chat.Channel</c> of the chats it serves.</summary>
    Messenger Messenger { get; }

    /// <summary>
    /// Sends one message. Errors from the messenger are reported as an outcome; an exception is
    /// treated by the sender like <see cref="SendOutcome.Transient"/>.
    /// </summary>
    Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct);

    /// <summary>
    /// How long ago this messenger last wrote to the chat by any path, the outbox or an immediate reply;
    /// <see cref="TimeSpan.Zero"/> while it is writing or about to answer there; null when it has not lately or
    /// does not keep track. The outbox sender spaces its messages from this, so a reply and a queued message never
    /// reach one chat together.
    /// </summary>
    TimeSpan? SinceLastWrite(string address) => null;

    /// <summary>
    /// Holds the chat from before the conversation handles a person's message until its replies are out, so an outbox
    /// message the conversation queues for this very chat (the office's copy of a broadcast it has just confirmed)
    /// follows the reply at the usual spacing rather than racing it. Channels that keep no track return null.
    /// </summary>
    IDisposable? Answering(string address) => null;
}
