using System.Diagnostics;
using System.Globalization;

namespace TdktBot.Testing;

/// <summary>
/// A messenger's flood control, simplified to sliding windows, plus the measurements of what the bot attempted.
/// <typeparamref name="TChat"/> is the messenger's chat id: long for Telegram, string for Zalo.
/// Not thread-safe: the server calls it under its own lock. Times are <see cref="Stopwatch"/> timestamps.
/// </summary>
internal sealed class SendLimiter<TChat>
    where TChat : notnull
{
    private static readonly long Second = Stopwatch.Frequency;
    private static readonly long Minute = 60 * Stopwatch.Frequency;

    // Enforcement forgets a send 25 ms before its window ends (a quarter of the window if that is shorter). A
    // client that waits exactly retry_after, or paces at exactly the limit, does so with timers that may fire a
    // few milliseconds early; real limits are not that exact either. Measure uses the full windows.
    private static readonly long Slack = Stopwatch.Frequency / 40;

    private readonly List<Send> _attempts = [];
    private readonly List<Send> _accepted = [];
    private List<Rule> _rules = [];

    /// <summary>Telegram's limits: sends a second overall and per chat, and a minute per group.</summary>
    public void Enforce(int globalPerSecond, int perChatPerSecond, int perGroupPerMinute) =>
        _rules =
        [
            new(globalPerSecond, Second, Scope.All),
            new(perChatPerSecond, Second, Scope.Chat),
            new(perGroupPerMinute, Minute, Scope.Group),
        ];

    /// <summary>
    /// A rate overall (<paramref name="globalPerSecond"/> may be fractional: 0.5 allows one send every two
    /// seconds) and a least interval between two sends to one chat (zero: none).
    /// </summary>
    public void Enforce(double globalPerSecond, TimeSpan perChatInterval)
    {
        // N sends per N/rate seconds, with N the whole part of the rate (at least 1): 30/s stays 30 in one second.
        var count = Math.Max(1, (int)Math.Floor(globalPerSecond));
        _rules = [new(count, (long)Math.Ceiling(count / globalPerSecond * Second), Scope.All)];
        if (perChatInterval > TimeSpan.Zero)
        {
            _rules.Add(new(1, (long)Math.Ceiling(perChatInterval.TotalSeconds * Second), Scope.Chat));
        }
    }

    public void RecordAttempt(TChat chatId, bool isGroup, long timestamp) => _attempts.Add(new Send(chatId, isGroup, timestamp));

    /// <summary>Seconds the bot must wait before this send is allowed, or null when it may go now.</summary>
    public int? RetryAfter(TChat chatId, bool isGroup, long now)
    {
        if (_rules.Count == 0)
        {
            return null;
        }

        // Only the longest window matters; dropping older sends keeps the checks cheap.
        var longest = _rules.Max(r => r.Window);
        _accepted.RemoveAll(s => s.Timestamp <= now - longest);
        var toChat = _accepted.Where(s => EqualityComparer<TChat>.Default.Equals(s.ChatId, chatId)).ToList();
        var wait = _rules
            .Where(r => r.Scope != Scope.Group || isGroup)
            .Select(r => Wait(r.Scope == Scope.All ? _accepted : toChat, r.Limit, r.Window, now))
            .Max();

        // Retry-after comes in whole seconds, never zero.
        return wait <= 0 ? null : Math.Max(1, (int)Math.Ceiling((double)wait / Second));
    }

    public void RecordAccepted(TChat chatId, bool isGroup, long timestamp) => _accepted.Add(new Send(chatId, isGroup, timestamp));

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
            // Numeric chat ids (Telegram's) fill MinGapByChat as they always did; other kinds leave it empty.
            gaps as IReadOnlyDictionary<long, TimeSpan> ?? new Dictionary<long, TimeSpan>(),
            perGroup,
            tooManyRequests)
        {
            MinGapByChatId = gaps.ToDictionary(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}"), g => g.Value),
        };
    }

    // Ticks until the oldest send inside the (slightly shortened) window leaves it, when the window is already full.
    private static long Wait(List<Send> sends, int limit, long window, long now)
    {
        var length = window - Math.Min(Slack, window / 4);
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

    private enum Scope
    {
        All,
        Chat,
        Group,
    }

    private sealed record Rule(int Limit, long Window, Scope Scope);

    private sealed record Send(TChat ChatId, bool IsGroup, long Timestamp);
}
