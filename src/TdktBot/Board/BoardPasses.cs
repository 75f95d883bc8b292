using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Access;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;

namespace TdktBot.Board;

/// <summary>Who is looking at the board: a person, their unit and their role there, as chat knows them now.</summary>
public sealed record BoardViewer(long MemberId, string? Name, long UnitId, string Unit, Role Role)
{
    /// <summary>Other units' pages are what chat calls asking about others: the office's.</summary>
    public bool SeesAllUnits => AccessPolicy.Allows(Role, Act.AskOthers);

    public bool MaySee(long unitId) => unitId == UnitId || SeesAllUnits;

    public bool May(Act act) => AccessPolicy.Allows(Role, act);
}

/// <summary>What became of a sign-in link.</summary>
public enum LinkState
{
    Valid,
    Used,
    Expired,
    Unknown,
}

/// <summary>
/// Sign-in links and sessions of the board, kept in the store as SHA-256 hashes of 256-bit random secrets, so every
/// instance sharing the store agrees and a link used on one is refused on all. A link lives 15 minutes and is used
/// once; the session it opens lives 12 hours. Each request reads the person's role afresh: a person whose role was
/// taken away, or who may no longer view the board, is signed out.
/// </summary>
public sealed class BoardPasses(IDbContextFactory<TdktDbContext> store, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    /// <summary>A new sign-in link's secret for <paramref name="memberId"/>, and until when it works.</summary>
    public async Task<(string Secret, DateTimeOffset ExpiresAt)> IssueLinkAsync(TdktDbContext db, long memberId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var secret = NewSecret();
        db.BoardPasses.Add(new BoardPass
        {
            Kind = BoardPassKind.Link, SecretHash = Hash(secret), MemberId = memberId, CreatedAt = now, ExpiresAt = now + LinkLifetime,
        });
        await db.SaveChangesAsync(ct);

        // Passes a day past their end are of no use to anyone.
        var stale = now - TimeSpan.FromDays(1);
        await db.BoardPasses.Where(p => p.ExpiresAt < stale).ExecuteDeleteAsync(ct);
        return (secret, now + LinkLifetime);
    }

    /// <summary>What a link's secret stands for now, and whose it is, without using it.</summary>
    public async Task<(LinkState State, BoardViewer? Viewer)> PeekLinkAsync(string? secret, CancellationToken ct)
    {
        await using var db = await store.CreateDbContextAsync(ct);
        var pass = await FindAsync(db, BoardPassKind.Link, secret, ct);
        return pass is null ? (LinkState.Unknown, null)
            : pass.UsedAt is not null ? (LinkState.Used, null)
            : pass.ExpiresAt <= time.GetUtcNow() ? (LinkState.Expired, null)
            : (LinkState.Valid, await ViewerAsync(db, pass.MemberId, ct));
    }

    /// <summary>Uses a link, once: on success the new session's secret and its end.</summary>
    public async Task<(LinkState State, string? Session, DateTimeOffset ExpiresAt)> UseLinkAsync(string? secret, CancellationToken ct)
    {
        await using var db = await store.CreateDbContextAsync(ct);
        var pass = await FindAsync(db, BoardPassKind.Link, secret, ct);
        var now = time.GetUtcNow();
        if (pass is null || await ViewerAsync(db, pass.MemberId, ct) is null)
        {
            return (LinkState.Unknown, null, default);
        }

        // One statement decides who used it, so two browsers (or two instances) cannot both.
        var taken = await db.BoardPasses.Where(p => p.Id == pass.Id && p.UsedAt == null && p.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedAt, now), ct);
        if (taken == 0)
        {
            return (pass.UsedAt is not null || pass.ExpiresAt > now ? LinkState.Used : LinkState.Expired, null, default);
        }

        var session = NewSecret();
        db.BoardPasses.Add(new BoardPass
        {
            Kind = BoardPassKind.Session, SecretHash = Hash(session), MemberId = pass.MemberId, CreatedAt = now, ExpiresAt = now + SessionLifetime,
        });
        await db.SaveChangesAsync(ct);
        return (LinkState.Valid, session, now + SessionLifetime);
    }

    /// <summary>The person behind a session's secret, or null: no such session, ended, expired, or no longer allowed.</summary>
    public async Task<BoardViewer?> SessionAsync(string? secret, CancellationToken ct)
    {
        await using var db = await store.CreateDbContextAsync(ct);
        var pass = await FindAsync(db, BoardPassKind.Session, secret, ct);
        return pass is null || pass.UsedAt is not null || pass.ExpiresAt <= time.GetUtcNow() ? null : await ViewerAsync(db, pass.MemberId, ct);
    }

    /// <summary>Ends a session (signing out).</summary>
    public async Task EndAsync(string? secret, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        await using var db = await store.CreateDbContextAsync(ct);
        var hash = Hash(secret);
        var now = time.GetUtcNow();
        await db.BoardPasses.Where(p => p.SecretHash == hash && p.Kind == BoardPassKind.Session).ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedAt, now), ct);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static async Task<BoardPass?> FindAsync(TdktDbContext db, BoardPassKind kind, string? secret, CancellationToken ct)
    {
        // A secret is 43 characters of base64url; anything else is not worth a query.
        if (secret is not { Length: 43 } || secret.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var hash = Hash(secret);
        return await db.BoardPasses.AsNoTracking().SingleOrDefaultAsync(p => p.SecretHash == hash && p.Kind == kind, ct);
    }

    private static async Task<BoardViewer?> ViewerAsync(TdktDbContext db, long memberId, CancellationToken ct)
    {
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.DisplayName, m.UnitId, Unit = m.Unit.Name, m.Role }).SingleOrDefaultAsync(ct);
        if (member is null)
        {
            return null;
        }

        var viewer = new BoardViewer(member.Id, member.DisplayName, member.UnitId, member.Unit, member.Role.ToRole());
        return viewer.May(Act.ViewBoard) ? viewer : null;
    }
}
