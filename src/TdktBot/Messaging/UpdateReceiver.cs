using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TdktBot.Messaging;

/// <summary>
/// Updates taken from a messenger (posted to a webhook, or polled) by <see cref="ReceiveAsync"/>, queued, and handled
/// in batches beside the taking. Taking and handling are apart so a slow chat never holds up the next getUpdates or the
/// 200 a webhook post is waiting for. At stop the taking ends first, then the queue is closed and handled to the end,
/// until the host's stop timeout.
/// </summary>
internal abstract partial class UpdateReceiver<TUpdate>(string messenger, ILogger logger) : BackgroundService
{
    // A full queue means the bot is stuck: a webhook then answers 503, and polling waits.
    private const int Capacity = 1000;
    private const int BatchSize = 100;

    private readonly Channel<TUpdate> _queue = Channel.CreateBounded<TUpdate>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    // Cancelled only when the host's stop timeout runs out, so updates already taken are still handled at stop.
    private readonly CancellationTokenSource _abandon = new();

    /// <summary>"Telegram", "Zalo": for the log.</summary>
    protected string Messenger { get; } = messenger;

    /// <summary>The log of this messenger's receiving side.</summary>
    protected ILogger Logger { get; } = logger;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    /// <summary>Takes updates (with <see cref="TryAdd"/> or <see cref="AddAsync"/>) until <paramref name="stoppingToken"/> fires.</summary>
    protected abstract Task ReceiveAsync(CancellationToken stoppingToken);

    /// <summary>Handles a batch of queued updates; failures of single updates are the handler's to log.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<TUpdate> batch, CancellationToken ct);

    /// <summary>Queues an update at once; false when the queue is full or closed.</summary>
    protected bool TryAdd(TUpdate update) => _queue.Writer.TryWrite(update);

    /// <summary>Queues an update, waiting while the queue is full.</summary>
    protected ValueTask AddAsync(TUpdate update, CancellationToken ct) => _queue.Writer.WriteAsync(update, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handling = HandleQueuedAsync(_abandon.Token);
        try
        {
            await ReceiveAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        _queue.Writer.TryComplete();
        await handling;
    }

    /// <summary>Handles what is queued, as many as are waiting at a time, until the queue is closed and empty or <paramref name="abandon"/> fires.</summary>
    private async Task HandleQueuedAsync(CancellationToken abandon)
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

                await HandleAsync(batch, abandon);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            LogAbandoned(Logger, Messenger, batch.Count + reader.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Messenger}: dừng khi còn {Count} cập nhật chưa xử lý xong.")]
    private static partial void LogAbandoned(ILogger logger, string messenger, int count);
}
