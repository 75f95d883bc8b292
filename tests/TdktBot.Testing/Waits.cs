using System.Diagnostics;

namespace TdktBot.Testing;

/// <summary>
/// The waiting both fake servers do: on a state-change signal (a TaskCompletionSource completed and
/// replaced under the server's lock whenever its state changes), on a deadline, or for an injected delay.
/// </summary>
internal static class Waits
{
    public static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, looking again whenever <paramref name="currentSignal"/>'s
    /// task completes. <paramref name="clock"/> is the server's elapsed time; after <paramref name="limit"/> a
    /// <see cref="TimeoutException"/> names <paramref name="what"/>.
    /// </summary>
    public static async Task UntilAsync(
        Func<Task> currentSignal, Func<bool> condition, Func<TimeSpan> clock, TimeSpan limit, string? what, CancellationToken cancellationToken)
    {
        var deadline = clock() + limit;
        while (true)
        {
            // Take the signal before looking, so a change between the look and the wait is not missed.
            var changed = currentSignal();
            if (condition())
            {
                return;
            }

            var left = deadline - clock();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Not reached within {limit.TotalSeconds:0.###} s: {what ?? "condition"}.");
            }

            await ForChangeAsync(changed, left, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Returns when the state changed, the time is up or a token fired, whichever comes first; never throws.</summary>
    public static async Task ForChangeAsync(Task changed, TimeSpan limit, params CancellationToken[] tokens)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(tokens);
        var timer = Task.Delay(limit < TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan ? TimeSpan.Zero : limit, stop.Token);
        await Task.WhenAny(changed, timer);
        // Release the timer now rather than at its deadline, which may be a long poll away.
        await stop.CancelAsync();
    }

    /// <summary>
    /// Task.Delay runs on a coarse clock and can end a few milliseconds early (on Linux by up to a timer
    /// tick); a delay that tests measure with a Stopwatch must never be shorter than asked.
    /// </summary>
    public static async Task AtLeastAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        TimeSpan left;
        while ((left = delay - Stopwatch.GetElapsedTime(start)) > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), cancellationToken);
        }
    }
}
