using System.Globalization;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging;

/// <summary>
/// Writes messages to a terminal (or any writer) instead of a messenger: for trying the bot out
/// on one machine, and for the office to see what would be sent.
/// </summary>
public sealed class ConsoleChannel(TextWriter output, TimeProvider time) : IChatChannel
{
    // Vietnam has kept UTC+7 without daylight saving since 1975, so a machine without time zone
    // data (a slim container) still gets the right local time.
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Ho_Chi_Minh", out var zone)
        ? zone
        : TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");

    private readonly Lock _gate = new();
    private long _count;

    public Messenger Messenger => Messenger.Console;

    public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();

        var at = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Vietnam);
        var header = string.Create(CultureInfo.InvariantCulture,
            $"── Tin nhắn tới {message.DisplayName ?? message.Address} · {at:dd/MM/yyyy HH:mm} ──");

        // One whole block per message even when several threads share the writer; flushed so a watcher sees it at once.
        long id;
        lock (_gate)
        {
            output.WriteLine(header);
            output.WriteLine(ConsoleText.Render(message.Text, message.Buttons));
            output.WriteLine();
            output.Flush();
            id = ++_count;
        }

        return Task.FromResult<SendOutcome>(new SendOutcome.Sent($"console-{id}"));
    }
}
