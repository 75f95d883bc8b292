using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace TdktBot.Messaging;

/// <summary>
/// Updates taken from a messenger (posted to a webhook, or polled) waiting to be handled, and the loop that handles
/// them in batches. Taking and handling are apart so a slow chat never holds up the next getUpdates or the 200 a
/// webhook post is waiting for. At stop the queue is closed and handled to the end, until the host's stop timeout.
/// </summary>
internal sealed partial class UpdateQueue<TUpdate>(string messenger, Func<IReadOnlyList<TUpdate>, CancellationToken, Task> handle, ILogger logger)
{
    // A full queue means the bot is stuck: a webhook then answers 503, and polling waits.
    private const int Capacity = 1000;
    private const int BatchSize = 100;

    private readonly Channel<TUpdate> _queue = Channel.CreateBounded<TUpdate>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    /// <summary>Queues an update at once; false when the queue is full or closed.</summary>
    public bool TryAdd(TUpdate update) => _queue.Writer.TryWrite(update);

    /// <summary>Queues an update, waiting while the queue is full.</summary>
    public ValueTask AddAsync(TUpdate update, CancellationToken ct) => _queue.Writer.WriteAsync(update, ct);

    /// <summary>No more updates come; <see cref="RunAsync"/> ends once the queue is empty.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    /// <summary>Handles what is queued, as many as are waiting at a time, until the queue is closed and empty or <paramref name="abandon"/> fires.</summary>
    public async Task RunAsync(CancellationToken abandon)
    {
        var reader = _queue.Reader;
        var batch = new List<TUpdate>(BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(abandon))
            {
                while (batch.Count < BatchSize && reader.TryRead(out var update))
                {
                    batch.Add(update);
                }

                await handle(batch, abandon);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            LogAbandoned(logger, messenger, batch.Count + reader.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Messenger}: dừng khi còn {Count} cập nhật chưa xử lý xong.")]
    private static partial void LogAbandoned(ILogger logger, string messenger, int count);
}
