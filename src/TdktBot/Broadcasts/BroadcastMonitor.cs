using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Cluster;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Outbox;

namespace TdktBot.Broadcasts;

/// <summary>How often confirmed broadcasts are checked for progress (section "Broadcasts").</summary>
public sealed class BroadcastMonitorOptions
{
    public const string Section = "Broadcasts";

    /// <summary>The wait between two checks; the office hears of progress at most this much later.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Tells the office how its confirmed broadcasts are going: a progress message at each quarter of the way
/// and one final report (sent, failed, blocked, naming the chats) once nothing waits any more. Both go
/// through the outbox under unique keys, and the report is stored with the broadcast's ReportedAt in one
/// save, so a crash at any point repeats nothing and loses nothing: the next pass picks up where it was.
/// </summary>
public sealed partial class BroadcastMonitor(
    IDbContextFactory<TdktDbContext> dbFactory,
    TimeProvider time,
    DeliverySignal signal,
    IOptions<BroadcastMonitorOptions> options,
    ReminderPolicy policy,
    ILead lead,
    ILogger<BroadcastMonitor> logger) : BackgroundService
{
    /// <summary>The <c>Delivery.Kind</c> of what the office is told.</summary>
    public const string Kind = "notice";

    public static string ProgressKey(long broadcastId, int quarter) => $"bc:{broadcastId}:progress:{quarter}";

    public static string ReportKey(long broadcastId) => $"bc:{broadcastId}:report";

    /// <summary>One look at every confirmed broadcast not yet reported; returns how many messages it stored for the office.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        await using (db.ConfigureAwait(false))
        {
            var open = await db.Broadcasts
                .Where(b => b.ConfirmedAt != null && b.ReportedAt == null)
                .OrderBy(b => b.Id)
                .ToListAsync(ct);
            var service = new BroadcastService(db, time);
            var stored = 0;
            foreach (var broadcast in open)
            {
                if (await service.ProgressAsync(broadcast.Id, ct) is { } progress && await NoteAsync(db, broadcast, progress, ct))
                {
                    stored++;
                }
            }

            if (stored > 0)
            {
                signal.Notify();
            }

            return stored;
        }
    }

    // The leader alone watches, as it alone sends: two watchers would both store the same report.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lead.WhileLeadingAsync(WatchAsync, stoppingToken);

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // A locked store or a full disk is usually gone by the next pass; what was stored stays.
                    LogCheckFailed(logger, ex, options.Value.CheckInterval);
                }

                // Real time, like the sender's polling: how often to look is not a matter of the commune's clock.
                await Task.Delay(options.Value.CheckInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Stores the report or the progress message this broadcast is due, if any; true when it stored one.</summary>
    private async Task<bool> NoteAsync(TdktDbContext db, Broadcast broadcast, BroadcastProgress progress, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var confirmedOn = policy.LocalDate(broadcast.ConfirmedAt!.Value);
        if (progress.Pending == 0)
        {
            var key = ReportKey(broadcast.Id);
            var report = !await db.Deliveries.AnyAsync(d => d.Key == key, ct);
            if (report)
            {
                var text = BroadcastTexts.Report(progress.Sent, progress.Total, progress.FailedChats, progress.BlockedChats, confirmedOn, broadcast.Text);
                db.Deliveries.Add(ToOffice(broadcast, key, text, now));
                LogReported(logger, broadcast.Id, progress.Sent, progress.Total, progress.Failed, progress.Blocked);
            }

            // One save for the report and ReportedAt: after a crash either both are there or the next pass does both.
            broadcast.ReportedAt = now;
            await db.SaveChangesAsync(ct);
            return report;
        }

        // Quarters of the messages settled (sent, failed or blocked); the fourth is the report. Only the
        // latest quarter reached is told: a pass that finds 80% done sends one message, not three.
        var quarter = 4 * (progress.Total - progress.Pending) / progress.Total;
        if (quarter == 0)
        {
            return false;
        }

        var progressKey = ProgressKey(broadcast.Id, quarter);
        if (await db.Deliveries.AnyAsync(d => d.Key == progressKey, ct))
        {
            return false;
        }

        var notSent = progress.Failed + progress.Blocked;
        db.Deliveries.Add(ToOffice(broadcast, progressKey, BroadcastTexts.Progress(progress.Sent, progress.Total, notSent, confirmedOn, broadcast.Text), now));
        await db.SaveChangesAsync(ct);
        LogProgress(logger, broadcast.Id, quarter, progress.Sent, progress.Total);
        return true;
    }

    // No BroadcastId: these are about the broadcast, not part of it, and must not count in its progress.
    private static Delivery ToOffice(Broadcast broadcast, string key, string text, DateTimeOffset now) =>
        Delivery.Pending(key, Kind, broadcast.CreatedByChatId, text, now);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId}: quarter {Quarter} reached, {Sent}/{Total} sent; office told")]
    private static partial void LogProgress(ILogger logger, long broadcastId, int quarter, int sent, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {BroadcastId} finished: {Sent}/{Total} sent, {Failed} failed, {Blocked} blocked; report stored for the office")]
    private static partial void LogReported(ILogger logger, long broadcastId, int sent, int total, int failed, int blocked);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking broadcasts failed; trying again in {Wait}")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, TimeSpan wait);
}
