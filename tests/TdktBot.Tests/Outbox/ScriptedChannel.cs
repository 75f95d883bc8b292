using System.Diagnostics;
using TdktBot.Channels;

namespace TdktBot.Tests.Outbox;

/// <summary>A messenger for tests: records every message with the real time it arrived and answers as scripted per address.</summary>
internal sealed class ScriptedChannel(string name) : IChatChannel
{
    private readonly Dictionary<string, Queue<Func<SendOutcome>>> _script = [];
    private readonly Lock _gate = new();
    private readonly List<Received> _received = [];

    public string Name => name;

    public IReadOnlyList<Received> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public IEnumerable<string> Texts => Received.Select(r => r.Message.Text);

    /// <summary>The next answers for this address, in order; after them every message is sent.</summary>
    public void Script(string address, params Func<SendOutcome>[] answers)
    {
        lock (_gate)
        {
            if (!_script.TryGetValue(address, out var queue))
            {
                _script[address] = queue = new Queue<Func<SendOutcome>>();
            }

            foreach (var answer in answers)
            {
                queue.Enqueue(answer);
            }
        }
    }

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        Func<SendOutcome>? answer;
        int number;
        lock (_gate)
        {
            _received.Add(new Received(message, Stopwatch.GetTimestamp()));
            number = _received.Count;
            answer = _script.TryGetValue(message.Address, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
        }

        return Task.FromResult(answer is null ? new SendOutcome.Sent($"{name}-{number}") : answer());
    }
}

internal sealed record Received(OutgoingMessage Message, long Timestamp);
