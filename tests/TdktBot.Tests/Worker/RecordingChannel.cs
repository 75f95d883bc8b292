using System.Collections.Concurrent;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Worker;

/// <summary>A messenger that records what it was asked to deliver, optionally holding every send until released.</summary>
internal sealed class RecordingChannel(TimeProvider clock, Messenger messenger = Messenger.Console) : IChatChannel
{
    private readonly ConcurrentQueue<Received> _received = new();
    private TaskCompletionSource? _hold;

    public Messenger Messenger => messenger;

    public IReadOnlyList<Received> Received => [.. _received];

    /// <summary>Every send from now on waits (as if the network hung) until the host cancels it.</summary>
    public void HoldEverything() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (_hold is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        _received.Enqueue(new Received(message.Address, message.Text, clock.GetUtcNow()));
        return new SendOutcome.Sent($"m{_received.Count}");
    }

    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} messages within {timeout}, got {_received.Count}.");
            await Task.Delay(20);
        }
    }
}

internal sealed record Received(string Address, string Text, DateTimeOffset At);
