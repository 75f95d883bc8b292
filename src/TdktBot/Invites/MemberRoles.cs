using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Access;
using TdktBot.Data.Entities;
using TdktBot.Core.Conversations;
using TdktBot.Data;

namespace TdktBot.Invites;

/// <summary>People's roles in units: what a stored role means to the access policy, and how a person gets one.</summary>
public static class MemberRoles
{
    public static Role ToRole(this ChatRole role) => role switch
    {
        ChatRole.Staff => Role.Staff,
        ChatRole.Head => Role.Head,
        ChatRole.Office => Role.Office,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A stored role the access policy does not know."),
    };

    /// <summary>
    /// Gives <paramref name="personId"/> on <paramref name="channel"/> <paramref name="role"/> in the unit, replacing the role
    /// they had there. Tracked, not saved: the caller saves it with its own changes.
    /// </summary>
    public static async Task<Member> GrantAsync(TdktDbContext db, Messenger channel, string personId, long unitId, ChatRole role,
        string? displayName, long? inviteId, DateTimeOffset now, CancellationToken ct)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Channel == channel && m.PersonId == personId && m.UnitId == unitId, ct)
            ?? db.Members.Add(new Member { Channel = channel, PersonId = personId, UnitId = unitId, CreatedAt = now }).Entity;

        member.Role = role;
        member.DisplayName = displayName ?? member.DisplayName;
        member.InviteId = inviteId;
        return member;
    }
}
