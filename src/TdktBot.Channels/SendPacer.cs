using System.Diagnostics;

namespace TdktBot.Channels;

/// <summary>
/// Spaces a messenger's sends evenly at a set rate, whichever path they take (the outbox, immediate replies), on the
/// high-resolution clock, since the messenger's limits count real seconds. Each caller is given the next free slot and
/// waits for it; thread-safe.
/// </summary>
public sealed class SendPacer
{
    private readonly Lock _gate = new();
    private readonly long _spacing;
    private long _nextSlot;

    public SendPacer(double perSecond)
    {
        if (!(perSecond > 0) || double.IsInfinity(perSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "The rate must be a positive number.");
        }

        _spacing = (long)Math.Ceiling(Stopwatch.Frequency / perSecond);
    }

    /// <summary>Waits until this caller may send.</summary>
    public Task WaitTurnAsync(CancellationToken ct)
    {
        long now = Stopwatch.GetTimestamp(), slot;
        lock (_gate)
        {
            slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + _spacing;
        }

        // Task.Delay counts whole milliseconds; rounding down would let a send go a little early.
        return slot <= now
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(Stopwatch.GetElapsedTime(now, slot).TotalMilliseconds)), ct);
    }
}
