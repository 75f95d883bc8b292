namespace TdktBot.Outbox;

/// <summary>
/// The outbox's overall rate, on <see cref="System.Diagnostics.Stopwatch"/> timestamps, for a sender with one message
/// in flight at a time.
/// <list type="bullet">
/// <item>Sends take evenly spaced slots, each counted from the previous slot rather than from the moment it was used,
/// so a timer that wakes a millisecond late is made up by the next send and the rate holds; at most one slot of
/// credit, so it never bursts after a wait.</item>
/// <item>And whatever the slots allow, a send starts no sooner than one window after the answer to the send N before
/// it (N = the whole part of the rate, the window N ÷ rate: one second at 30/s). A message reaches the messenger
/// after its send starts and before its answer comes back, so the messenger never sees more than N in any window,
/// however the network's delays vary.</item>
/// </list>
/// </summary>
public sealed class SendRate
{
    private readonly long _spacing;
    private readonly long _window;

    // When the answers to the last N sends came back, oldest at _oldest.
    private readonly long[] _answered;
    private int _oldest;
    private int _count;
    private long _nextSlot = long.MinValue;

    public SendRate(double perSecond, long frequency)
    {
        if (!(perSecond > 0) || double.IsInfinity(perSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "The rate must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(frequency, 1);
        _spacing = (long)Math.Ceiling(frequency / perSecond);
        var n = Math.Max(1, (int)Math.Min(Math.Floor(perSecond), 100_000));
        _window = (long)Math.Ceiling(n / perSecond * frequency);
        _answered = new long[n];
    }

    /// <summary>The earliest timestamp the next send may start at (in the past when it may go now).</summary>
    public long NextAt() =>
        _count == _answered.Length ? Math.Max(_nextSlot, _answered[_oldest] + _window) : _nextSlot;

    /// <summary>Records a send starting at <paramref name="now"/>, no earlier than <see cref="NextAt"/>.</summary>
    public void Started(long now) =>
        _nextSlot = (_nextSlot == long.MinValue ? now : Math.Max(_nextSlot, now - _spacing)) + _spacing;

    /// <summary>Records that the messenger answered the send started last (whatever it said).</summary>
    public void Answered(long now)
    {
        if (_count < _answered.Length)
        {
            _answered[(_oldest + _count++) % _answered.Length] = now;
        }
        else
        {
            _answered[_oldest] = now;
            _oldest = (_oldest + 1) % _answered.Length;
        }
    }
}
