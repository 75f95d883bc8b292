namespace TdktBot.Testing;

// The update queue and getUpdates long polling. Zalo has no update_id or offset: each getUpdates takes the
// oldest waiting update, and an update handed out is gone.
public sealed partial class FakeZaloServer
{
    private const int DefaultPollSeconds = 30;
    private const int MaxPollSeconds = 60;

    private readonly List<PendingUpdate> _queue = [];
    private int _waitingPolls;

    /// <summary>
    /// getUpdates requests now waiting for an update. A test can wait for the bot to be polling before it
    /// acts as a user, so the timing of the bot's start-up never decides the outcome.
    /// </summary>
    public int WaitingPolls
    {
        get
        {
            lock (_gate)
            {
                return _waitingPolls;
            }
        }
    }

    /// <summary>Updates not yet handed to a getUpdates or delivered to (or dropped by) the webhook.</summary>
    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>
    /// Answers with the oldest waiting update as soon as there is one; after timeout seconds ("30" by default,
    /// at most 60, a string or a number) without one, 408. Refused while a webhook is set.
    /// </summary>
    private async Task<string> GetUpdatesAsync(ApiRequest request, CancellationToken aborted)
    {
        var seconds = !request.Has("timeout") ? DefaultPollSeconds
            : request.Long("timeout") ?? throw new BotApiError(400, "Bad Request: timeout must be a whole number of seconds");
        var deadline = Elapsed + TimeSpan.FromSeconds(Math.Clamp(seconds, 0, MaxPollSeconds));
        var waiting = false;
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_webhook is not null)
                    {
                        throw WebhookActive();
                    }

                    // A poll the bot gave up must not take an update with it.
                    aborted.ThrowIfCancellationRequested();
                    if (_queue.Count > 0)
                    {
                        var next = _queue[0];
                        _queue.RemoveAt(0);
                        Pulse();
                        return next.Update.Json;
                    }

                    if (Elapsed >= deadline || _stopping.IsCancellationRequested)
                    {
                        throw new BotApiError(408, "Request timeout");
                    }

                    if (!waiting)
                    {
                        waiting = true;
                        _waitingPolls++;
                        Pulse();
                    }

                    changed = _changed.Task;
                }

                await Waits.ForChangeAsync(changed, deadline - Elapsed, aborted, _stopping.Token);
            }
        }
        finally
        {
            if (waiting)
            {
                lock (_gate)
                {
                    _waitingPolls--;
                    Pulse();
                }
            }
        }
    }

    private static BotApiError WebhookActive() =>
        new(400, "Bad Request: webhook is set; call deleteWebhook before using getUpdates");

    /// <summary>A queued update and how many times the webhook was tried with it.</summary>
    private sealed class PendingUpdate(ZaloUpdate update)
    {
        public ZaloUpdate Update { get; } = update;

        public int Tries { get; set; }
    }
}
