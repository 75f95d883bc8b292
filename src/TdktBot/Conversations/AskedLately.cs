using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace TdktBot.Conversations;

/// <summary>
/// What a chat asked lately: its last question and the follow-ups it had since, or the report the bot asked back about
/// («which item?»), kept on the chat's row (so any instance answering the next message reads the same) for
/// <see cref="TdktBot.Core.Conversations.FollowUps"/> and <see cref="TdktBot.Core.Conversations.Understanding.Answer"/>.
/// </summary>
internal sealed class AskedLately(TimeProvider time)
{
    // A follow-up comes while the answer is still on the screen; later, a fragment means nothing of its own.
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public async Task<IReadOnlyList<string>> ReadAsync(Turn turn, CancellationToken ct)
    {
        if (await RowAsync(turn, ct) is not ({ } json, { } at) || time.GetUtcNow() - at > Window)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(json) ?? [];
        }
        catch (JsonException)
        {
            // A row written by hand or by a later version: nothing to read on from.
            return [];
        }
    }

    /// <summary>Whether the chat asked something after <paramref name="since"/>: a question, or a report the bot asked back about.</summary>
    public static async Task<bool> AskedAfterAsync(Turn turn, DateTimeOffset since, CancellationToken ct) =>
        // Answering the bot's question clears what was asked ("[]"): nothing is left to mean.
        await RowAsync(turn, ct) is ({ } json, { } at) && at > since && json != "[]";

    // What the chat's row keeps of it: the question or report as JSON, and when it was saved.
    private static async Task<(string? Asked, DateTimeOffset? At)> RowAsync(Turn turn, CancellationToken ct) =>
        await turn.Db.Chats.AsNoTracking().Where(c => c.Id == turn.Chat.Id).Select(c => new { c.Asked, c.AskedAt }).SingleOrDefaultAsync(ct) is { } row
            ? (row.Asked, row.AskedAt)
            : (null, null);

    public async Task SaveAsync(Turn turn, IReadOnlyList<string> asked, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(asked);
        DateTimeOffset? now = time.GetUtcNow();
        await turn.Db.Chats.Where(c => c.Id == turn.Chat.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Asked, json).SetProperty(c => c.AskedAt, now), ct);
    }
}
