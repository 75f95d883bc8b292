using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;

namespace TdktBot.Conversations;

/// <summary>
/// What conversations read on nearly every message, as of one <see cref="StoreVersion"/>: the chats with their units,
/// the targets in the plan, and each unit's active obligations. Read-only once built and shared by every message, so
/// its entities must never be changed or attached to a context; what changes the store goes through a context.
/// </summary>
public sealed class StoreSnapshot
{
    private readonly Dictionary<(string Channel, string Address), Chat> _chats;
    private readonly Dictionary<long, Dictionary<long, Obligation>> _byUnit;

    private StoreSnapshot(long version, List<Chat> chats, List<PlanTarget> targets, List<Obligation> obligations)
    {
        Version = version;
        _chats = chats.ToDictionary(c => (c.Channel, c.Address));
        Targets = targets;
        var targetsById = targets.ToDictionary(t => t.Id);

        // Obligations of targets taken out of the plan stay out, as the queries they replace left them out.
        _byUnit = obligations
            .Where(o => targetsById.ContainsKey(o.TargetId))
            .GroupBy(o => o.UnitId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(o => o.TargetId, o => With(o, targetsById[o.TargetId])));
        Years = [.. targets.Select(t => t.Plan.Year).Distinct()];
    }

    public long Version { get; }

    /// <summary>The targets in the plan (every loaded year), each with its plan.</summary>
    public IReadOnlyList<PlanTarget> Targets { get; }

    /// <summary>Plan years that have targets in the plan.</summary>
    public IReadOnlyList<int> Years { get; }

    public Chat? ChatAt(string channel, string address) => _chats.GetValueOrDefault((channel, address));

    /// <summary>The unit's active obligation for a target in the plan, if it owes one.</summary>
    public Obligation? ObligationOf(long unitId, long targetId) =>
        _byUnit.TryGetValue(unitId, out var owed) ? owed.GetValueOrDefault(targetId) : null;

    /// <summary>The unit's active obligations for targets in the plan.</summary>
    public IEnumerable<Obligation> ObligationsOf(long unitId) =>
        _byUnit.TryGetValue(unitId, out var owed) ? owed.Values : [];

    /// <summary>
    /// The snapshot for the store as it is now: the one in hand while the version has not moved, else read afresh.
    /// A change made while reading is read again (a few times at most), so the tables always agree with each other.
    /// </summary>
    public static async Task<StoreSnapshot> CurrentAsync(StoreSnapshot? known, StoreVersion version, Func<TdktDbContext> openDb, CancellationToken ct)
    {
        var before = version.Read();
        if (known?.Version == before)
        {
            return known;
        }

        for (var attempt = 1; ; attempt++)
        {
            var db = openDb();
            await using (db.ConfigureAwait(false))
            {
                var chats = await db.Chats.AsNoTracking().Include(c => c.Unit).ToListAsync(ct);
                var targets = await db.Targets.AsNoTracking().Include(t => t.Plan).Where(t => t.InPlan).ToListAsync(ct);
                var obligations = await db.Obligations.AsNoTracking().Where(o => o.Active).ToListAsync(ct);
                var after = version.Read();
                if (after == before || attempt == 3)
                {
                    // After three tries under a stream of writes, the last read stands for this message only: tagged with
                    // the version before it, the next message reads again.
                    return new StoreSnapshot(before, chats, targets, obligations);
                }

                before = after;
            }
        }
    }

    private static Obligation With(Obligation obligation, PlanTarget target)
    {
        obligation.Target = target;
        return obligation;
    }
}

/// <summary>The latest <see cref="StoreSnapshot"/>, for the conversation engine; read again whenever the store's version has moved.</summary>
public sealed class StoreSnapshots(StoreVersion version, IDbContextFactory<TdktDbContext> dbFactory)
{
    private StoreSnapshot? _current;

    public async Task<StoreSnapshot> CurrentAsync(CancellationToken ct)
    {
        var snapshot = await StoreSnapshot.CurrentAsync(Volatile.Read(ref _current), version, dbFactory.CreateDbContext, ct);

        // Two messages may read at once and the older may be kept: harmless, the next version check reads again.
        Volatile.Write(ref _current, snapshot);
        return snapshot;
    }
}
