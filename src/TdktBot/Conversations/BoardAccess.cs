using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TdktBot.Board;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Messaging;

namespace TdktBot.Conversations;

/// <summary>
/// "/bang": a one-time sign-in link to the status board for the person who asks (in a private chat only: in a group
/// everyone would see it), at the board's address (Web:PublicUrl, else where this instance serves it).
/// </summary>
internal sealed class BoardAccess(BoardPasses passes, BoardAddress address, IOptions<BoardOptions> options, ReminderPolicy policy)
{
    public async Task<Reply> LinkAsync(Turn turn, CancellationToken ct)
    {
        var board = address.Current ?? options.Value.PublicUrl;
        if (string.IsNullOrWhiteSpace(board))
        {
            return new Reply(ReplyTexts.BoardOff);
        }

        if (turn.Message.IsGroup)
        {
            return new Reply(ReplyTexts.BoardInGroup);
        }

        var member = await turn.Db.Members
            .Where(m => m.Channel == turn.Message.Channel && m.PersonId == turn.Message.SenderId && m.UnitId == turn.Unit.Id)
            .Select(m => (long?)m.Id).SingleOrDefaultAsync(ct);
        if (member is not { } id)
        {
            return new Reply(ReplyTexts.BoardHeadsOnly);
        }

        var (secret, expires) = await passes.IssueLinkAsync(turn.Db, id, ct);
        var local = TimeZoneInfo.ConvertTime(expires, policy.Settings.TimeZone).DateTime;
        return new Reply(ReplyTexts.BoardLink($"{board.Trim().TrimEnd('/')}/vao?ma={secret}", local));
    }
}
