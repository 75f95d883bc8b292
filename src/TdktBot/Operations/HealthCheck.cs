using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Quartz;
using TdktBot.Core.Conversations;
using TdktBot.Data;
using TdktBot.Messaging;
using TdktBot.Outbox;

namespace TdktBot.Operations;

/// <summary>What <c>/healthz</c> says: whether the store answers, whether the scheduler runs, this instance's role per messenger, the outbox's backlog.</summary>
public sealed partial class HealthCheck(
    IDbContextFactory<TdktDbContext> store,
    IReceiverLeadership leadership,
    IEnumerable<IChatChannel> channels,
    InstanceId instance,
    TimeProvider clock,
    ILogger<HealthCheck> logger)
{
    // A store that cannot answer a count in this time is as good as unreachable for a probe; SQLite would otherwise wait
    // out its default 30 s busy timeout behind a lock.
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    private readonly IReadOnlyList<Messenger> _messengers = channels.Select(c => c.Messenger).Where(m => m != Messenger.Console).Distinct().Order().ToList();

    /// <summary>The scheduler whose state is reported; set by the health server once the scheduler exists, never created here.</summary>
    public IScheduler? Scheduler { get; set; }

    public async Task<HealthReport> CheckAsync(CancellationToken ct)
    {
        int? pending = null;
        double? oldestAge = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(StoreTimeout);
            var db = await store.CreateDbContextAsync(timeout.Token).ConfigureAwait(false);
            await using (db.ConfigureAwait(false))
            {
                db.Database.SetCommandTimeout(StoreTimeout);
                var (count, oldestSince) = await PendingDeliveries.ReadAsync(db, timeout.Token).ConfigureAwait(false);
                pending = count;
                oldestAge = oldestSince is { } since ? Math.Max(0, Math.Round((clock.GetUtcNow() - since).TotalSeconds, 3)) : 0;
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogStoreUnreachable(ex);
        }

        var scheduler = Scheduler is { } s ? await s.GetStatus(ct).ConfigureAwait(false) : SchedulerStatus.Unknown;
        return new HealthReport
        {
            Instance = instance.Value,
            StoreReachable = pending is not null,
            SchedulerRunning = scheduler == SchedulerStatus.Running,
            SchedulerState = scheduler.ToString().ToLowerInvariant(),
            Receiving = _messengers.ToDictionary(m => m.Key(), m => leadership.RoleOf(m) == ReceiverRole.Leader ? "leader" : "standby"),
            PendingDeliveries = pending,
            OldestPendingAgeSeconds = oldestAge,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kiểm tra sức khỏe: không đọc được kho dữ liệu.")]
    private partial void LogStoreUnreachable(Exception exception);
}

/// <summary>The body of <c>/healthz</c>.</summary>
public sealed record HealthReport
{
    public required string Instance { get; init; }

    public required bool StoreReachable { get; init; }

    public required bool SchedulerRunning { get; init; }

    /// <summary>Quartz's own word for it: "running", "standby", "shutdown"…; "unknown" before the scheduler exists.</summary>
    public required string SchedulerState { get; init; }

    /// <summary>Per configured messenger ("telegram", "zalo"): "leader" when this instance takes its updates, else "standby".</summary>
    public required IReadOnlyDictionary<string, string> Receiving { get; init; }

    /// <summary>Stored messages not yet sent nor given up; null when the store is unreachable.</summary>
    public int? PendingDeliveries { get; init; }

    /// <summary>How long the oldest of them has waited (0 when none wait); null when the store is unreachable.</summary>
    public double? OldestPendingAgeSeconds { get; init; }
}
