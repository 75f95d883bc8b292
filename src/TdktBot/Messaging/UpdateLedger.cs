using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data;

namespace TdktBot.Messaging;

/// <summary>
/// The store's record of updates taken from the messengers: an update is recorded before it is handled, and one already
/// recorded is dropped. It lives in the store, not in memory, so an update handed over again after a failover (the next
/// leader polls from the last confirmed offset) or posted to another instance's webhook is never answered twice. Records
/// older than a week are let go; no messenger repeats an update that old.
/// </summary>
public sealed class UpdateLedger(IDbContextFactory<TdktDbContext> store, TimeProvider clock)
{
    public static readonly TimeSpan Kept = TimeSpan.FromDays(7);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private long _prunedAt;

    /// <summary>True when this is the first time <paramref name="key"/> comes from <paramref name="channel"/>; it is then recorded.</summary>
    public async Task<bool> FirstTimeAsync(Messenger channel, string key, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var db = await store.CreateDbContextAsync(ct);
        await using (db.ConfigureAwait(false))
        {
            // One statement, the same on SQLite and PostgreSQL: the unique key decides, whichever instance asks first.
            var added = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ReceivedUpdates" ("Channel", "Key", "At") VALUES ({channel.Key()}, {key}, {now.ToUnixTimeMilliseconds()}) ON CONFLICT ("Channel", "Key") DO NOTHING""",
                ct);

            var ticks = now.UtcTicks;
            var last = Interlocked.Read(ref _prunedAt);
            if (ticks - last >= PruneEvery.Ticks && Interlocked.CompareExchange(ref _prunedAt, ticks, last) == last)
            {
                var before = now - Kept;
                await db.ReceivedUpdates.Where(u => u.At < before).ExecuteDeleteAsync(ct);
            }

            return added == 1;
        }
    }
}
