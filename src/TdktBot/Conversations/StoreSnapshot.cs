using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;

namespace TdktBot.Conversations;

/// <summary>
/// What conversations read on nearly every message, as of one <see cref="StoreVersion"/>: the targets in the plan,
/// read at once (a plan is a few dozen), and each chat's link and each unit's active obligations, read the first time
/// a message needs them, so a store of thousands of units costs only what is asked about. Shared by every message
/// and read-only: its entities must never be changed or attached to a context; what changes the store goes through
/// a context, moves the version, and so retires the snapshot.
/// </summary>
public sealed class StoreSnapshot
{
    private readonly StoreVersion _version;
    private readonly Func<TdktDbContext> _openDb;
    private readonly Dictionary<long, PlanTarget> _targetsById;
    private readonly ConcurrentDictionary<(string Channel, string Address), Chat?> _chats = new();
    private readonly ConcurrentDictionary<long, Dictionary<long, Obligation>> _byUnit = new();

    private StoreSnapshot(long version, List<PlanTarget> targets, StoreVersion store, Func<TdktDbContext> openDb)
    {
        Version = version;
        _version = store;
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

    /// <summary>
    /// The snapshot for the store as it is now: <paramref name="known"/> while the version has not moved, else the plan's
    /// targets read afresh (again if the store changed meanwhile, a few times at most).
    /// </summary>
    public static ValueTask<StoreSnapshot> CurrentAsync(StoreSnapshot? known, StoreVersion version, Func<TdktDbContext> openDb, CancellationToken ct)
    {
        var before = version.Read();
        return known?.Version == before ? ValueTask.FromResult(known) : new(ReadAsync(before, version, openDb, ct));
    }

    private static async Task<StoreSnapshot> ReadAsync(long before, StoreVersion version, Func<TdktDbContext> openDb, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var db = openDb();
            await using (db.ConfigureAwait(false))
            {
                var targets = await db.Targets.AsNoTracking().Include(t => t.Plan).Where(t => t.InPlan).ToListAsync(ct);
                var after = version.Read();
                if (after == before || attempt == 3)
                {
                    // Still moving after three reads: this one serves, tagged with the version before it, so the next
                    // message reads again.
                    return new StoreSnapshot(before, targets, version, openDb);
                }

                before = after;
            }
        }
    }

    /// <summary>The chat at this address with its unit, or null for one the bot does not know.</summary>
    public ValueTask<Chat?> ChatAtAsync(string channel, string address, CancellationToken ct) =>
        _chats.TryGetValue((channel, address), out var known) ? ValueTask.FromResult(known) : new(ReadChatAsync(channel, address, ct));

    /// <summary>The unit's active obligations for targets in the plan, by target id, each with its target.</summary>
    public ValueTask<IReadOnlyDictionary<long, Obligation>> ObligationsOfAsync(long unitId, CancellationToken ct) =>
        _byUnit.TryGetValue(unitId, out var known)
            ? ValueTask.FromResult<IReadOnlyDictionary<long, Obligation>>(known)
            : new(ReadObligationsAsync(unitId, ct));

    private async Task<Chat?> ReadChatAsync(string channel, string address, CancellationToken ct)
    {
        var db = _openDb();
        await using (db.ConfigureAwait(false))
        {
            var chat = await db.Chats.AsNoTracking().Include(c => c.Unit)
                .SingleOrDefaultAsync(c => c.Channel == channel && c.Address == address, ct);
            Keep(_chats, (channel, address), chat);
            return chat;
        }
    }

    private async Task<IReadOnlyDictionary<long, Obligation>> ReadObligationsAsync(long unitId, CancellationToken ct)
    {
        var db = _openDb();
        await using (db.ConfigureAwait(false))
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

            Keep(_byUnit, unitId, owed);
            return owed;
        }
    }

    // Kept only when the store has not moved since the snapshot was made; otherwise what was read serves this one
    // message, and the next builds a new snapshot.
    private void Keep<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (_version.Read() == Version)
        {
            cache.TryAdd(key, value);
        }
    }
}

/// <summary>The latest <see cref="StoreSnapshot"/>, for the conversation engine; a new one whenever the store's version has moved.</summary>
public sealed class StoreSnapshots(StoreVersion version, IDbContextFactory<TdktDbContext> dbFactory)
{
    private StoreSnapshot? _current;

    public ValueTask<StoreSnapshot> CurrentAsync(CancellationToken ct)
    {
        var known = Volatile.Read(ref _current);
        return known is not null && known.Version == version.Read() ? ValueTask.FromResult(known) : new(ReadAsync(known, ct));
    }

    private async Task<StoreSnapshot> ReadAsync(StoreSnapshot? known, CancellationToken ct)
    {
        var snapshot = await StoreSnapshot.CurrentAsync(known, version, dbFactory.CreateDbContext, ct);

        // Two messages may read at once and the older may be kept: harmless, the next version check reads again.
        Volatile.Write(ref _current, snapshot);
        return snapshot;
    }
}
