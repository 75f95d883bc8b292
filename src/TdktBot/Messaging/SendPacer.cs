namespace TdktBot.Messaging;

/// <summary>
/// Spaces a messenger's sends evenly at a set rate, whichever path they take (the outbox, immediate replies). Each
/// caller is given the next free slot and waits for it; thread-safe. Runs on real time by default, since the
/// messengers' limits count real seconds.
/// </summary>
public sealed class SendPacer
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _spacing;
    private long _nextSlot;

    public SendPacer(double perSecond, TimeProvider? time = null)
    {
        if (!(perSecond > 0) || double.IsInfinity(perSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "The rate must be a positive number.");
        }

        _time = time ?? TimeProvider.System;
        _spacing = (long)Math.Ceiling(_time.TimestampFrequency / perSecond);
    }

    /// <summary>Waits until this caller may send.</summary>
    public Task WaitTurnAsync(CancellationToken ct)
    {
        long now = _time.GetTimestamp(), slot;
        lock (_gate)
        {
            slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + _spacing;
        }

        // Task.Delay counts whole milliseconds; rounding down would let a send go a little early.
        return slot <= now
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(_time.GetElapsedTime(now, slot).TotalMilliseconds)), _time, ct);
    }
}
