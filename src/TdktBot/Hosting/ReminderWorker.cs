using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Plans;

namespace TdktBot.Hosting;

/// <summary>
/// Brings the store up to date at start (migrations, plan files, a catch-up sweep for what was missed
/// while stopped), then reloads the plan whenever its files change.
/// </summary>
public sealed partial class ReminderWorker(StoreMigrator migrator, PlanStore plans, ReminderRunner runner,
    IOptions<PlanOptions> planOptions, ILogger<ReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await ReloadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changed = new SemaphoreSlim(0);
        var files = planOptions.Value.AllFiles().Append(planOptions.Value.UnitsFile).Select(PlanOptions.Resolve).ToList();
        var watchers = files.Select(f => Watch(f, () => changed.Release())).ToList();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changed.WaitAsync(stoppingToken);

                // Editors save in several steps; wait until the file is quiet, then load once.
                await Task.Delay(Debounce, stoppingToken);
                while (changed.CurrentCount > 0)
                {
                    await changed.WaitAsync(stoppingToken);
                }

                await ReloadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            watchers.ForEach(w => w.Dispose());
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var outcome = await plans.LoadAsync(ct);
        foreach (var message in outcome.Messages)
        {
            if (outcome.Loaded)
            {
                LogPlan(logger, message);
            }
            else
            {
                LogPlanError(logger, message);
            }
        }

        await plans.EnsureConsoleChatsAsync(ct);
        await runner.SweepAsync(ct);
    }

    private static FileSystemWatcher Watch(string file, Action onChange)
    {
        var watcher = new FileSystemWatcher(Path.GetDirectoryName(file)!, Path.GetFileName(file))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => onChange();
        watcher.Created += (_, _) => onChange();
        watcher.Renamed += (_, _) => onChange();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogPlan(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogPlanError(ILogger logger, string message);
}
