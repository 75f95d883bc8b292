using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;

namespace TdktBot.Outbox;

/// <summary>What waits in the outbox: every stored message not yet sent nor given up, due now or later.</summary>
public static class PendingDeliveries
{
    /// <summary>How many wait, and since when the oldest of them was stored (null when none wait).</summary>
    public static async Task<(int Count, DateTimeOffset? OldestSince)> ReadAsync(TdktDbContext db, CancellationToken ct)
    {
        var pending = db.Deliveries.Where(d => d.Status == DeliveryStatus.Pending);
        var count = await pending.CountAsync(ct).ConfigureAwait(false);
        if (count == 0)
        {
            return (0, null);
        }

        var oldest = await pending.OrderBy(d => d.CreatedAt).Select(d => d.CreatedAt).FirstAsync(ct).ConfigureAwait(false);
        return (count, oldest);
    }

    /// <summary>How many wait, read synchronously for a metrics scrape.</summary>
    public static int Count(TdktDbContext db) => db.Deliveries.Count(d => d.Status == DeliveryStatus.Pending);
}
