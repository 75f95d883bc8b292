using Quartz;

namespace TdktBot.Reminders;

/// <summary>The daily Quartz job: at the policy's hour it asks the sweep what is due.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderSweepJob(ReminderRunner runner) : IJob
{
    public static readonly JobKey Key = new("reminder-sweep", "tdkt");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.SweepAsync(cancellationToken);
}
