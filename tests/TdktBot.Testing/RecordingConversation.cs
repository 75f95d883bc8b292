using System.Threading.Channels;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;

namespace TdktBot.Testing;

/// <summary>
/// Stands in for the conversation engine: records what reaches it and answers with <see cref="Respond"/>, by default
/// an echo with one button. The text "boom" makes it throw, as a bug in the engine would.
/// </summary>
public sealed class RecordingConversation : IConversation
{
    public const string Failing = "boom";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<IncomingMessage> _received = Channel.CreateUnbounded<IncomingMessage>();
    private readonly Channel<(Messenger Channel, string Old, string New)> _moves = Channel.CreateUnbounded<(Messenger, string, string)>();

    public Func<IncomingMessage, CancellationToken, Task<IReadOnlyList<Reply>>> Respond { get; set; } = EchoAsync;

    public static Task<IReadOnlyList<Reply>> EchoAsync(IncomingMessage message, CancellationToken ct) =>
        message.Text == Failing
            ? throw new InvalidOperationException("The engine failed on purpose.")
            : Task.FromResult<IReadOnlyList<Reply>>([new Reply($"Đã nhận: {message.Text}") { Buttons = [new ChatButton("Nộp mục 3", "NOP 3")] }]);

    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        _received.Writer.TryWrite(message);
        return await Respond(message, ct);
    }

    public Task ChatMovedAsync(Messenger channel, string oldAddress, string newAddress, CancellationToken ct)
    {
        _moves.Writer.TryWrite((channel, oldAddress, newAddress));
        return Task.CompletedTask;
    }

    /// <summary>The next message the conversation was given, waiting up to 10 s.</summary>
    public async Task<IncomingMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async Task<(Messenger Channel, string Old, string New)> NextMoveAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _moves.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>What arrived and was not read yet, without waiting.</summary>
    public IReadOnlyList<IncomingMessage> Unread()
    {
        var rest = new List<IncomingMessage>();
        while (_received.Reader.TryRead(out var message))
        {
            rest.Add(message);
        }

        return rest;
    }
}
