using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Data;
using TdktBot.Obligations;

namespace TdktBot.Invites;

/// <summary>How long codes live and how fast a chat, or everyone together, may guess (section "Invites").</summary>
public sealed class InviteOptions
{
    public const string Section = "Invites";

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Wrong codes a chat may send in an hour before it must wait.</summary>
    public int MaxFailuresPerHour { get; set; } = 5;

    /// <summary>Wrong codes all chats together may send in an hour; one more pauses redemption for everyone for <see cref="PauseForAll"/>.</summary>
    public int MaxFailuresPerHourForAll { get; set; } = 50;

    public TimeSpan PauseForAll { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed record CreatedInvite(string Code, Invite Invite);

public enum RedeemStatus
{
    Linked,
    Unknown,
    Expired,
    Used,
    Throttled,

    /// <summary>Too many wrong codes from all chats together: nobody may redeem until the pause ends.</summary>
    Paused,
}

/// <summary>The outcome of <c>/start CODE</c>: when it worked, the linked chat and the role its sender now holds in the unit (with the unit).</summary>
public sealed record Redemption(RedeemStatus Status, Chat? Chat, Member? Member);

/// <summary>
/// One-time invite codes: created by the office per unit and role, stored only as a hash, valid for a
/// week, usable once. The code links the chat it is sent from to the unit and gives its sender the role. Wrong codes
/// are counted in the store, per chat and for all chats together (many chats guessing a few codes each), so guessing
/// stays slow across restarts.
/// </summary>
public sealed class InviteService(TdktDbContext db, TimeProvider time, InviteOptions options)
{
    // No 0/O, 1/I/L: codes are read aloud over the phone and typed on Zalo.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 10;

    /// <summary>The audit action of the first office code, made and printed once.</summary>
    public const string BootstrapAction = "invite.bootstrap";

    // Failures older than the one-hour windows count for nothing; a day keeps them for a look at what happened.
    private static readonly TimeSpan FailuresKept = TimeSpan.FromDays(1);

    private const string PauseNotice = "invites-paused:";

    /// <summary>
    /// Whether the office's first code still has to be set up: nobody holds the office role on a messenger, and neither the
    /// configured code (<paramref name="configuredHash"/>, when one is set) is stored nor a code was printed before.
    /// </summary>
    public static async Task<bool> OfficeSetupNeededAsync(TdktDbContext db, string? configuredHash, CancellationToken ct = default)
    {
        if (await db.Members.AnyAsync(m => m.Role == ChatRole.Office && m.Channel != Messenger.Console, ct))
        {
            return false;
        }

        return configuredHash is null
            ? !await db.Audit.AnyAsync(a => a.Action == BootstrapAction, ct)
            : !await db.Invites.AnyAsync(i => i.CodeHash == configuredHash, ct);
    }

    /// <summary>A code for <paramref name="role"/> in the unit, made by someone the access policy lets invite.</summary>
    /// <exception cref="UnauthorizedAccessException"><paramref name="by"/> may not invite; callers check first.</exception>
    public async Task<CreatedInvite> CreateAsync(long unitId, ChatRole role, Actor by, CancellationToken ct = default)
    {
        by.Demand(Act.Invite);
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var now = time.GetUtcNow();
        var invite = new Invite
        {
            CodeHash = Hash(code),
            UnitId = unitId,
            Role = role,
            CreatedBy = by.Name,
            CreatedAt = now,
            ExpiresAt = now + options.Lifetime,
        };
        db.Invites.Add(invite);
        db.Audit.Record(now, by, "invite.create", $"unit:{unitId}", role.ToString());
        await db.SaveChangesAsync(ct);
        await db.Entry(invite).Reference(i => i.Unit).LoadAsync(ct);
        return new CreatedInvite(code, invite);
    }

    /// <summary>Invites not yet used nor expired, newest first.</summary>
    public async Task<IReadOnlyList<Invite>> OpenAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return await db.Invites.Include(i => i.Unit)
            .Where(i => i.UsedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Links the chat (private or group) to the invite's unit and gives the person who sent the code the invite's role
    /// there, if the code is good. In a group the role is that person's only; the others act there as staff.
    /// </summary>
    public async Task<Redemption> RedeemAsync(Messenger channel, string chatAddress, string? chatName, string personId, string? personName,
        string code, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (await PausedAsync(now, ct))
        {
            return new Redemption(RedeemStatus.Paused, null, null);
        }

        var hourAgo = now.AddHours(-1);
        var failures = await db.InviteFailures.CountAsync(f => f.Channel == channel && f.Address == chatAddress && f.At > hourAgo, ct);
        if (failures >= options.MaxFailuresPerHour)
        {
            return new Redemption(RedeemStatus.Throttled, null, null);
        }

        var hash = Hash(code);
        var invite = await db.Invites.Include(i => i.Unit).SingleOrDefaultAsync(i => i.CodeHash == hash, ct);
        var status = invite switch
        {
            null => RedeemStatus.Unknown,
            { UsedAt: not null } => RedeemStatus.Used,
            _ when invite.ExpiresAt <= now => RedeemStatus.Expired,
            _ => RedeemStatus.Linked,
        };
        if (status != RedeemStatus.Linked)
        {
            await RecordFailureAsync(channel, chatAddress, now, ct);
            return new Redemption(status, null, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The condition on UsedAt makes a code that two chats send at once work for only one of them.
        var claimed = await db.Invites.Where(i => i.Id == invite!.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), ct);
        if (claimed == 0)
        {
            return new Redemption(RedeemStatus.Used, null, null);
        }

        var chat = await db.Chats.SingleOrDefaultAsync(c => c.Channel == channel && c.Address == chatAddress, ct)
            ?? db.Chats.Add(new Chat { Channel = channel, Address = chatAddress, CreatedAt = now }).Entity;

        chat.UnitId = invite!.UnitId;
        chat.DisplayName = chatName ?? chat.DisplayName;
        chat.Active = true;
        chat.InactiveReason = null;
        var member = await MemberRoles.GrantAsync(db, channel, personId, invite.UnitId, invite.Role, personName, invite.Id, now, ct);
        await db.SaveChangesAsync(ct);

        await db.Invites.Where(i => i.Id == invite.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedByChatId, chat.Id), ct);
        var person = $"{channel.Key()}:{personId}";
        db.Audit.Record(now, personName ?? person, person, "chat.link", $"chat:{chat.Id}", $"{invite.Unit.Name} · {invite.Role}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        chat.Unit = invite.Unit;
        member.Unit = invite.Unit;
        return new Redemption(RedeemStatus.Linked, chat, member);
    }

    /// <summary>
    /// Whether redemption is paused for everyone: the latest wrong code was the one too many of its hour and came less than
    /// <see cref="InviteOptions.PauseForAll"/> ago. Nothing is counted during a pause, so the latest failure is where it began.
    /// </summary>
    private async Task<bool> PausedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var latest = await db.InviteFailures.MaxAsync(f => (DateTimeOffset?)f.At, ct);
        if (latest is not { } last || last <= now - options.PauseForAll)
        {
            return false;
        }

        var hourBefore = last.AddHours(-1);
        return await db.InviteFailures.CountAsync(f => f.At > hourBefore, ct) > options.MaxFailuresPerHourForAll;
    }

    /// <summary>Counts a wrong code, drops failures older than a day, and tells the office when this one starts a pause.</summary>
    private async Task RecordFailureAsync(Messenger channel, string chatAddress, DateTimeOffset now, CancellationToken ct)
    {
        var old = now - FailuresKept;
        await db.InviteFailures.Where(f => f.At < old).ExecuteDeleteAsync(ct);
        db.InviteFailures.Add(new InviteFailure { Channel = channel, Address = chatAddress, At = now });
        await db.SaveChangesAsync(ct);
        if (!await PausedAsync(now, ct))
        {
            return;
        }

        // Told once: under a long attack each wrong code after a pause starts another, which the office need not hear about.
        var hourAgo = now.AddHours(-1);
        if (await db.Deliveries.AnyAsync(d => d.Key.StartsWith(PauseNotice) && d.CreatedAt > hourAgo, ct))
        {
            return;
        }

        var text = DeliveryTexts.InvitesPaused(options.MaxFailuresPerHourForAll, (int)Math.Ceiling(options.PauseForAll.TotalMinutes));
        foreach (var office in await db.OfficeChats().Select(c => c.Id).ToListAsync(ct))
        {
            db.Deliveries.Add(Delivery.Pending(string.Create(CultureInfo.InvariantCulture, $"{PauseNotice}{now.ToUnixTimeMilliseconds()}>{office}"),
                "notice", office, text, now));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Codes are compared case-blind and without the dashes or spaces people add when copying them.</summary>
    public static string Hash(string code)
    {
        var normalised = new string(code.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
