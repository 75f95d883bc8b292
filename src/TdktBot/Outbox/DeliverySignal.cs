using System.Threading.Channels;

namespace TdktBot.Outbox;

/// <summary>
/// Wakes the sender as soon as a sweep has stored deliveries, instead of at the next poll.
/// Notifications coming while the sender is busy are kept (as one), so none is lost.
/// </summary>
public sealed class DeliverySignal
{
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Says that new deliveries are stored; call it after saving them.</summary>
    public void Notify() => _wakeups.Writer.TryWrite(true);

    /// <summary>Returns when notified (or already notified since the last wait), or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _wakeups.Reader.ReadAsync(timer.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The timeout passed without a notification: time to poll.
        }
    }
}
