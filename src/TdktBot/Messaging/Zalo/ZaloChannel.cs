using Microsoft.Extensions.Options;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging.Zalo;

/// <summary>
/// Sends messages to Zalo chats: plain text (Zalo has no markup), choices written out as text replies since Zalo has no
/// buttons, parts of at most 2000 characters cut between lines, every send paced at Zalo:MessagesPerSecond. Used by the
/// outbox sender and for immediate replies alike, so it is what knows when a chat was last written to.
/// </summary>
public sealed class ZaloChannel(ZaloClient client, IOptions<ZaloOptions> options) : IChatChannel, Archive.IFileDownloads
{
    /// <summary>Zalo's limit on a message's text.</summary>
    public const int MessageLimit = 2000;

    private readonly ChatWrites _writes = new();
    private readonly SendPacer _pacer = new(options.Value.MessagesPerSecond);

    public Messenger Messenger => Messenger.Zalo;

    /// <summary>Zalo gives a picture's address, not its size: the archive stops reading at its limit instead.</summary>
    public Task<long?> SizeAsync(string fileId, CancellationToken ct) => Task.FromResult<long?>(null);

    /// <summary>A Zalo "file id" is the picture's address.</summary>
    public Task DownloadAsync(string fileId, Stream into, CancellationToken ct) => client.DownloadPhotoAsync(fileId, into, ct);

    public TimeSpan? SinceLastWrite(string address) => _writes.SinceLast(address);

    public IDisposable Answering(string address) => _writes.Hold(address);

    /// <summary>
    /// Sends every part in order and returns the last one's message id. When a later part fails, the outcome is that
    /// failure: a retry then repeats the parts that did go, which is better than a message missing its end. A file
    /// from another messenger cannot be passed on; the text already names it.
    /// </summary>
    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Text, nameof(message));
        var text = TextReplies.Render(message.Text, message.Buttons.Select(b => (b.Label, b.Command)));
        var parts = MessageParts.Split(text, MessageLimit);
        using var writing = _writes.Hold(message.Address);
        ZaloSent? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            await _pacer.WaitTurnAsync(ct);
            try
            {
                last = await client.SendMessageAsync(message.Address, parts[i], ct);
            }
            catch (ZaloException error)
            {
                return Outcome(error).OfPart(i, parts.Count);
            }
        }

        return new SendOutcome.Sent(last?.MessageId ?? string.Empty);
    }

    /// <summary>
    /// A failed call to Zalo as a send outcome. Only the chat's own troubles (the person blocked the bot or cannot be
    /// messaged, the chat does not exist) are permanent, because a permanent outcome switches the chat off; a rejected
    /// token or a wrong ApiBaseUrl (401, 404) is the bot's trouble and must not switch off every chat, and no readable
    /// answer at all may work later.
    /// </summary>
    private static SendOutcome Outcome(ZaloException error) => error switch
    {
        ZaloApiException { ErrorCode: 400 or 403 } => new SendOutcome.Permanent(error.Message),
        ZaloApiException refused => new SendOutcome.Transient(error.Message, refused.RetryAfter),
        _ => new SendOutcome.Transient(error.Message),
    };
}
