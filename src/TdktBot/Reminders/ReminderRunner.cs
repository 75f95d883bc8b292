using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TdktBot.Outbox;
using TdktBot.Core.Reminders;
using TdktBot.Data;

namespace TdktBot.Reminders;

/// <summary>Runs one sweep at a time, from the Quartz job, a start-up catch-up or a plan reload, and wakes the sender.</summary>
public sealed class ReminderRunner(IDbContextFactory<TdktDbContext> dbFactory, ReminderPolicy policy, TimeProvider time,
    DeliverySignal signal, ILoggerFactory loggers) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var result = await new ReminderSweep(db, policy, loggers.CreateLogger<ReminderSweep>()).RunAsync(time.GetUtcNow(), ct);
            if (result.Deliveries > 0)
            {
                signal.Notify();
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }
}
