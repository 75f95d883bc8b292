using System.Diagnostics;

namespace TdktBot.Messaging;

/// <summary>
/// What a messenger channel knows about its own writes per chat: writes and answers under way, and when the last one
/// ended. Both paths to a chat (the outbox and immediate replies) pass through the channel, so this is what can say
/// how long ago a chat was last written to (<see cref="IChatChannel.SinceLastWrite"/>). Thread-safe.
/// </summary>
public sealed class ChatWrites
{
    // A chat idle this long is forgotten: longer than any spacing the sender keeps (a group at one message a minute).
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChatUse> _chats = new(StringComparer.Ordinal);

    /// <summary><see cref="TimeSpan.Zero"/> while a write or answer is under way, the time since the last one ended, or null.</summary>
    public TimeSpan? SinceLast(string address)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(address, out var use))
            {
                return null;
            }

            return use.Busy > 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(use.EndedAt);
        }
    }

    /// <summary>Marks the chat busy until the result is disposed (a second dispose does nothing).</summary>
    public IDisposable Hold(string address)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(address, out var use))
            {
                _chats[address] = use = new ChatUse();
            }

            use.Busy++;
        }

        return new Held(this, address);
    }

    private void Release(string address)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var use = _chats[address];
            use.Busy--;
            use.EndedAt = now;

            // Chats idle for long are dropped, so people who wrote once do not pile up; a Dictionary allows removing while enumerating.
            foreach (var (id, idle) in _chats)
            {
                if (idle.Busy == 0 && Stopwatch.GetElapsedTime(idle.EndedAt, now) > Remembered)
                {
                    _chats.Remove(id);
                }
            }
        }
    }

    /// <summary>One chat's writes and answers under way, and when the last one ended (a Stopwatch timestamp).</summary>
    private sealed class ChatUse
    {
        public int Busy { get; set; }

        public long EndedAt { get; set; }
    }

    private sealed class Held(ChatWrites writes, string address) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writes.Release(address);
            }
        }
    }
}
