using System.Diagnostics;

namespace TdktBot.Testing;

/// <summary>
/// Telegram's flood control, simplified to sliding windows, plus the measurements of what the bot attempted.
/// Not thread-safe: the server calls it under its own lock. Times are <see cref="Stopwatch"/> timestamps.
/// </summary>
internal sealed class SendLimiter
{
    private static readonly long Second = Stopwatch.Frequency;
    private static readonly long Minute = 60 * Stopwatch.Frequency;

    // Enforcement forgets a send 25 ms before its window ends. A client that waits exactly retry_after, or
    // paces at exactly the limit, does so with timers that may fire a few milliseconds early; Telegram's
    // limits are not that exact either. The measurements in Measure use the full windows.
    private static readonly long Slack = Stopwatch.Frequency / 40;

    private readonly List<Send> _attempts = [];
    private readonly List<Send> _accepted = [];
    private Limits? _limits;

    public void Enforce(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute) =>
        _limits = new Limits(globalPerSecond, perChatPerSecond, perGroupPerMinute);

    public void RecordAttempt(long chatId, bool isGroup, long timestamp) => _attempts.Add(new Send(chatId, isGroup, timestamp));

    /// <summary>Seconds the bot must wait before this send is allowed, or null when it may go now.</summary>
    public int? RetryAfter(long chatId, bool isGroup, long now)
    {
        if (_limits is not { } limits)
        {
            return null;
        }

        // Only the last minute matters to any window; dropping older sends keeps the checks cheap.
        _accepted.RemoveAll(s => s.Timestamp <= now - Minute);
        var wait = Math.Max(
            Wait(_accepted, limits.GlobalPerSecond, Second, now),
            Wait(_accepted.Where(s => s.ChatId == chatId).ToList(), limits.PerChatPerSecond, Second, now));
        if (isGroup)
        {
            wait = Math.Max(wait, Wait(_accepted.Where(s => s.ChatId == chatId).ToList(), limits.PerGroupPerMinute, Minute, now));
        }

        // Telegram states retry_after in whole seconds, never zero.
        return wait <= 0 ? null : Math.Max(1, (int)Math.Ceiling((double)wait / Second));
    }

    public void RecordAccepted(long chatId, bool isGroup, long timestamp) => _accepted.Add(new Send(chatId, isGroup, timestamp));

    public SendStats Measure(int tooManyRequests)
    {
        var gaps = _attempts
            .GroupBy(s => s.ChatId)
            .Where(g => g.Count() > 1)
            .ToDictionary(
                g => g.Key,
                g => Stopwatch.GetElapsedTime(0, g.Zip(g.Skip(1), (a, b) => b.Timestamp - a.Timestamp).Min()));
        var perGroup = _attempts
            .Where(s => s.IsGroup)
            .GroupBy(s => s.ChatId)
            .Select(g => MaxInWindow(g.ToList(), Minute))
            .DefaultIfEmpty(0)
            .Max();
        return new SendStats(
            _attempts.Count,
            MaxInWindow(_attempts, Second),
            gaps.Count == 0 ? null : gaps.Values.Min(),
            gaps,
            perGroup,
            tooManyRequests);
    }

    // Ticks until the oldest send inside the (slightly shortened) window leaves it, when the window is already full.
    private static long Wait(List<Send> sends, int limit, long window, long now)
    {
        var length = window - Slack;
        var inWindow = sends.Where(s => s.Timestamp > now - length).ToList();
        return inWindow.Count < limit ? 0 : inWindow[^limit].Timestamp + length - now;
    }

    // Largest number of sends within any window of the given length, by sliding its start along the (ordered) sends.
    private static int MaxInWindow(List<Send> sends, long window)
    {
        var best = 0;
        var first = 0;
        for (var last = 0; last < sends.Count; last++)
        {
            while (sends[first].Timestamp <= sends[last].Timestamp - window)
            {
                first++;
            }

            best = Math.Max(best, last - first + 1);
        }

        return best;
    }

    private sealed record Limits(int GlobalPerSecond, int PerChatPerSecond, int PerGroupPerMinute);

    private sealed record Send(long ChatId, bool IsGroup, long Timestamp);
}
