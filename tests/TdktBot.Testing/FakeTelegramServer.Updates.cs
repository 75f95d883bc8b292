using System.Text.Json.Nodes;

namespace TdktBot.Testing;

// The update queue and getUpdates long polling.
public sealed partial class FakeTelegramServer
{
    // Without allowed_updates Telegram sends every type except these three.
    private static readonly HashSet<string> ExcludedByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly List<PendingUpdate> _queue = [];
    private HashSet<string>? _allowedUpdates;
    private long _nextUpdateId = 1000;

    // Counts getUpdates requests: a waiting one that sees a newer number was terminated by it, as in Telegram.
    // A counter rather than cancelling a token keeps cancellation callbacks from running under the lock.
    private long _pollGeneration;
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

    /// <summary>Updates not yet confirmed by the bot (getUpdates with a higher offset) or delivered to its webhook.</summary>
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
    /// Queues an update. Like Telegram, a type the bot excluded with allowed_updates is never created for it;
    /// the returned <see cref="FakeUpdate"/> then never arrives. Call with the lock held.
    /// </summary>
    private FakeUpdate Enqueue(string type, JsonObject payload)
    {
        var id = _nextUpdateId++;
        var json = new JsonObject { ["update_id"] = id, [type] = payload }.ToJsonString(JsonOut);
        var allowed = _allowedUpdates is null ? !ExcludedByDefault.Contains(type) : _allowedUpdates.Contains(type);
        if (allowed)
        {
            _queue.Add(new PendingUpdate(id, json));
            Pulse();
        }

        return new FakeUpdate(id, type, json);
    }

    /// <summary>An empty allowed_updates list restores the default; null (parameter absent) keeps the previous choice.</summary>
    private void SetAllowedUpdates(IReadOnlyList<string>? allowed)
    {
        if (allowed is not null)
        {
            _allowedUpdates = allowed.Count == 0 ? null : [.. allowed];
        }
    }

    private async Task<Reply> GetUpdatesAsync(ApiRequest request, CancellationToken aborted)
    {
        var offset = request.Long("offset") ?? 0;
        var limit = (int)Math.Clamp(request.Long("limit") ?? 100, 1, 100);
        var deadline = Elapsed + TimeSpan.FromSeconds(Math.Max(0, request.Long("timeout") ?? 0));
        var allowed = request.StringList("allowed_updates");
        long mine;
        lock (_gate)
        {
            if (_webhook is not null)
            {
                throw WebhookActive();
            }

            SetAllowedUpdates(allowed);
            if (offset > 0)
            {
                // Asking from offset confirms every update below it.
                _queue.RemoveAll(u => u.Id < offset);
            }
            else if (offset < 0)
            {
                // A negative offset keeps only the last -offset updates and forgets the rest.
                _queue.RemoveRange(0, Math.Max(0, _queue.Count - (int)Math.Min(-offset, int.MaxValue)));
            }

            mine = ++_pollGeneration;
            Pulse();
        }

        var waiting = false;
        try
        {
            while (true)
            {
                Task changed;
                lock (_gate)
                {
                    if (_pollGeneration != mine)
                    {
                        throw new BotApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                    }

                    if (_webhook is not null)
                    {
                        throw WebhookActive();
                    }

                    var batch = _queue.Take(limit).ToList();
                    if (batch.Count > 0 || Elapsed >= deadline || _stopping.IsCancellationRequested)
                    {
                        return new Reply($"[{string.Join(',', batch.Select(u => u.Json))}]");
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
                aborted.ThrowIfCancellationRequested();
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
        new(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

    private sealed record PendingUpdate(long Id, string Json);
}
