namespace TdktBot.Cli;

/// <summary>
/// The clock of <c>--now</c>: starts at the given instant and runs at real speed, so a demo or a
/// training session can replay any day of the year while timers still fire as they would.
/// </summary>
public sealed class SimulatedClock(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly TimeSpan _offset = start - real.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + _offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;
}
