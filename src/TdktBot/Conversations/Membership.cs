using Microsoft.EntityFrameworkCore;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Conversations;

/// <summary>
/// Who belongs where: joining with an invite code (/start CODE), the office's invites (/moi) and member list
/// (/thanhvien), and a chat's link following the chat when its messenger id changes.
/// </summary>
internal sealed class Membership(
    IDbContextFactory<TdktDbContext> dbFactory,
    TimeProvider time,
    InviteOptions inviteOptions,
    ReminderPolicy policy,
    PlanStore plans,
    IEnumerable<IBotLinks> links)
{
    public async Task<Reply> JoinAsync(Turn turn, string code, CancellationToken ct)
    {
        var message = turn.Message;
        var redemption = await new InviteService(turn.Db, time, inviteOptions).RedeemAsync(
            message.Channel, message.ChatAddress, message.ChatTitle ?? message.SenderName, message.SenderId, message.SenderName, code, ct);
        if (redemption is not { Chat: { } linked, Member: { } member })
        {
            return new Reply(redemption.Status switch
            {
                RedeemStatus.Used => ReplyTexts.UsedCode,
                RedeemStatus.Expired => ReplyTexts.ExpiredCode,
                RedeemStatus.Throttled => ReplyTexts.Throttled,
                RedeemStatus.Paused => ReplyTexts.Paused((int)Math.Ceiling(inviteOptions.PauseForAll.TotalMinutes)),
                _ => ReplyTexts.UnknownCode,
            });
        }

        if (linked.IsGroup != message.IsGroup)
        {
            // Groups are paced at 20 messages a minute; the sender needs to know which chats are groups.
            await turn.Db.Chats.Where(x => x.Id == linked.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsGroup, message.IsGroup), ct);
            await turn.Db.MarkChangedAsync(ct);
        }

        return new Reply(ReplyTexts.Linked(member.Unit.Name, ReplyTexts.RoleName(member.Role.ToString()), message.IsGroup));
    }

    public async Task<Reply> InviteAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(intent.Unit))
        {
            return new Reply(ReplyTexts.InviteUsage);
        }

        if (await turn.FindUnitAsync(plans.Directory, intent.Unit, ct) is not { } unit)
        {
            return new Reply(ReplyTexts.UnitNotFound(intent.Unit));
        }

        var role = intent.Role switch
        {
            "office" => ChatRole.Office,
            "staff" => ChatRole.Staff,
            _ => ChatRole.Head,
        };
        var created = await new InviteService(turn.Db, time, inviteOptions).CreateAsync(unit.Id, role, turn.Actor, ct);
        return new Reply(ReplyTexts.Invite(unit.Name, ReplyTexts.RoleName(role.ToString()), created.Code,
            policy.LocalDate(created.Invite.ExpiresAt), links.On(Messenger.Telegram, created.Code), links.On(Messenger.Zalo, created.Code)));
    }

    /// <summary>
    /// Each unit's people with their role and messenger, then its groups (where everyone else is staff), then any private
    /// chat linked without a role of its own. Console chats are the bot's own, not members.
    /// </summary>
    public static async Task<Reply> ListAsync(Turn turn, CancellationToken ct)
    {
        var units = (await turn.Db.Units.Where(u => u.InDirectory).ToListAsync(ct)).OrderBy(u => u.Name, VietnameseOrder.Names).ToList();
        var members = await turn.Db.Members.Where(m => m.Channel != Messenger.Console).OrderBy(m => m.Id).ToListAsync(ct);
        var chats = await turn.Db.Chats.Where(x => x.UnitId != null && x.Channel != Messenger.Console).OrderBy(x => x.Id).ToListAsync(ct);
        var lines = units.Select(u => (u.Name, (IReadOnlyList<string>)
            [
                .. members.Where(m => m.UnitId == u.Id).Select(m =>
                    $"{Turn.ChannelName(m.Channel)} — {m.DisplayName ?? m.PersonId} ({ReplyTexts.RoleName(m.Role.ToString())}){Stopped(chats.Find(x => !x.IsGroup && x.Channel == m.Channel && x.Address == m.PersonId))}"),
                .. chats.Where(x => x.UnitId == u.Id && x.IsGroup).Select(x =>
                    $"{Turn.ChannelName(x.Channel)} — nhóm {x.DisplayName ?? x.Address}{Stopped(x)}"),
                .. chats.Where(x => x.UnitId == u.Id && !x.IsGroup && !members.Any(m => m.UnitId == u.Id && m.Channel == x.Channel && m.PersonId == x.Address)).Select(x =>
                    $"{Turn.ChannelName(x.Channel)} — {x.DisplayName ?? x.Address} ({ReplyTexts.RoleName(nameof(ChatRole.Staff))}){Stopped(x)}"),
            ]))
            .ToList();
        return new Reply(ReplyTexts.Members(lines));
    }

    public async Task ChatMovedAsync(Messenger channel, string oldAddress, string newAddress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Chats.SingleOrDefaultAsync(c => c.Channel == channel && c.Address == oldAddress, ct) is { } old)
        {
            await ChatMoves.MoveAsync(db, old, newAddress, "hệ thống", time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private static string Stopped(Chat? chat) => chat is { Active: false } ? ", đã ngừng" : string.Empty;
}
