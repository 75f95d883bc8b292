using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Core.Conversations;

namespace TdktBot.Conversations;

/// <summary>
/// What conversations read on nearly every message, as of one version of the store (<see cref="TdktDbContext.ReadVersionAsync"/>): the targets in the plan,
/// read at once (a plan is a few dozen), and each chat's link, each person's role in a unit and each unit's active
/// obligations, read the first time a message needs them, so a store of thousands of units costs only what is asked about. Shared by every message
/// and read-only: its entities must never be changed or attached to a context; what changes the store goes through
/// a context, moves the version, and so retires the snapshot.
/// </summary>
public sealed class StoreSnapshot
{
    private readonly Func<TdktDbContext> _openDb;
    private readonly Dictionary<long, PlanTarget> _targetsById;
    private readonly ConcurrentDictionary<(Messenger Channel, string Address), Chat?> _chats = new();
    private readonly ConcurrentDictionary<(Messenger Channel, string PersonId, long UnitId), Member?> _members = new();
    private readonly ConcurrentDictionary<long, IReadOnlyDictionary<long, Obligation>> _byUnit = new();
    private readonly ConcurrentDictionary<bool, IReadOnlyDictionary<long, IReadOnlyCollection<string>>> _owners = new();

    private StoreSnapshot(long version, List<PlanTarget> targets, Func<TdktDbContext> openDb)
    {
        Version = version;
        _openDb = openDb;
        Targets = targets;
        _targetsById = targets.ToDictionary(t => t.Id);
        Years = [.. targets.Select(t => t.Plan.Year).Distinct()];
    }

    public long Version { get; }

    /// <summary>The targets in the plan (every loaded year), each with its plan.</summary>
    public IReadOnlyList<PlanTarget> Targets { get; }

    /// <summary>Plan years that have targets in the plan.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The plan's targets as of the store's current version, read in one transaction with it.</summary>
    public static async Task<StoreSnapshot> ReadAsync(Func<TdktDbContext> openDb, CancellationToken ct)
    {
        var db = openDb();
        await using (db.ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var version = await db.ReadVersionAsync(ct);
            var targets = await db.Targets.AsNoTracking().Include(t => t.Plan).Where(t => t.InPlan).ToListAsync(ct);
            return new StoreSnapshot(version, targets, openDb);
        }
    }

    /// <summary>The chat at this address with its unit, or null for one the bot does not know.</summary>
    public ValueTask<Chat?> ChatAtAsync(Messenger channel, string address, CancellationToken ct) =>
        GetAsync(_chats, (channel, address), db => db.Chats.AsNoTracking().Include(c => c.Unit)
            .SingleOrDefaultAsync(c => c.Channel == channel && c.Address == address, ct), ct);

    /// <summary>The role <paramref name="personId"/> holds in the unit, or null for someone who holds none there.</summary>
    public ValueTask<Member?> MemberAsync(Messenger channel, string personId, long unitId, CancellationToken ct) =>
        GetAsync(_members, (channel, personId, unitId), db => db.Members.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Channel == channel && m.PersonId == personId && m.UnitId == unitId, ct), ct);

    /// <summary>The unit's active obligations for targets in the plan, by target id, each with its target.</summary>
    public ValueTask<IReadOnlyDictionary<long, Obligation>> ObligationsOfAsync(long unitId, CancellationToken ct) =>
        GetAsync(_byUnit, unitId, db => ReadObligationsAsync(db, unitId, ct), ct);

    /// <summary>The names of the units that owe each target, by target id: what a description of an item is matched among.</summary>
    public ValueTask<IReadOnlyDictionary<long, IReadOnlyCollection<string>>> OwnersAsync(CancellationToken ct) =>
        GetAsync(_owners, true, async db => (IReadOnlyDictionary<long, IReadOnlyCollection<string>>)(await db.Obligations.AsNoTracking()
                .Where(o => o.Active && o.Target.InPlan).Select(o => new { o.TargetId, o.Unit.Name }).ToListAsync(ct))
            .GroupBy(o => o.TargetId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Select(o => o.Name).ToList()), ct);

    private async Task<IReadOnlyDictionary<long, Obligation>> ReadObligationsAsync(TdktDbContext db, long unitId, CancellationToken ct)
    {
        var owed = new Dictionary<long, Obligation>();
        foreach (var obligation in await db.Obligations.AsNoTracking().Where(o => o.UnitId == unitId && o.Active).ToListAsync(ct))
        {
            // Obligations of targets out of the plan stay out; so does one whose target came after these targets were read.
            if (_targetsById.TryGetValue(obligation.TargetId, out var target))
            {
                obligation.Target = target;
                owed[obligation.TargetId] = obligation;
            }
        }

        return owed;
    }

    private ValueTask<TValue> GetAsync<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TdktDbContext, Task<TValue>> read,
        CancellationToken ct)
        where TKey : notnull =>
        cache.TryGetValue(key, out var known) ? ValueTask.FromResult(known) : new(ReadAsync(cache, key, read, ct));

    private async Task<TValue> ReadAsync<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, Func<TdktDbContext, Task<TValue>> read,
        CancellationToken ct)
        where TKey : notnull
    {
        var db = _openDb();
        await using (db.ConfigureAwait(false))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var value = await read(db);

            // Kept only when the store has not moved since the snapshot was made (read in the same transaction as the rows);
            // otherwise what was read serves this one message, and the next builds a new snapshot.
            if (await db.ReadVersionAsync(ct) == Version)
            {
                cache.TryAdd(key, value);
            }

            return value;
        }
    }
}

/// <summary>
/// The latest <see cref="StoreSnapshot"/>, for the conversation engine; a new one whenever the store's version has moved.
/// The version is asked on every message, through one context kept open for it, so a question answered from memory costs
/// one small query and no context or connection of its own.
/// </summary>
public sealed class StoreSnapshots(IDbContextFactory<TdktDbContext> dbFactory) : IDisposable
{
    private readonly SemaphoreSlim _versionGate = new(1, 1);
    private TdktDbContext? _versionDb;
    private StoreSnapshot? _current;

    public async ValueTask<StoreSnapshot> CurrentAsync(CancellationToken ct)
    {
        var known = Volatile.Read(ref _current);
        if (known is not null && known.Version == await ReadVersionAsync(ct))
        {
            return known;
        }

        // Two messages may read at once and the older may be kept: harmless, the next version check reads again.
        var snapshot = await StoreSnapshot.ReadAsync(dbFactory.CreateDbContext, ct);
        Volatile.Write(ref _current, snapshot);
        return snapshot;
    }

    public void Dispose()
    {
        _versionDb?.Dispose();
        _versionGate.Dispose();
    }

    private async Task<long> ReadVersionAsync(CancellationToken ct)
    {
        await _versionGate.WaitAsync(ct);
        try
        {
            if (_versionDb is null)
            {
                _versionDb = dbFactory.CreateDbContext();
                await _versionDb.Database.OpenConnectionAsync(ct);
            }

            return await _versionDb.ReadVersionAsync(ct);
        }
        catch
        {
            // A broken connection (the file replaced, the server restarted) is opened again at the next message.
            _versionDb?.Dispose();
            _versionDb = null;
            throw;
        }
        finally
        {
            _versionGate.Release();
        }
    }
}
