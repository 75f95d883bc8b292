using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Messaging;
using TdktBot.Outbox;
using TdktBot.Plans;
using TdktBot.Invites;
using TdktBot.Store;
using TdktBot.Core.Conversations;

namespace TdktBot.Reminders;

/// <summary>
/// Brings the store up to date at start (migrations, plan files, a catch-up sweep for what was missed
/// while stopped), then reloads the plan whenever its files change.
/// </summary>
public sealed partial class ReminderWorker(StoreMigrator migrator, PlanStore plans, OfficeBootstrap bootstrap, IEnumerable<IChatChannel> channels, ReminderRunner runner,
    DeliverySignal signal, IOptions<PlanOptions> planOptions, IOptions<CalendarOptions> calendar, ILogger<ReminderWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);

    // Never disposed: a watcher may still be raising an event while it is disposed, and Release on a disposed
    // semaphore would throw on the watcher's thread. It holds no wait handle, so nothing leaks.
    private readonly SemaphoreSlim _changed = new(0);
    private readonly List<FileSystemWatcher> _watchers = [];

    /// <summary>
    /// Completes once the store is ready; the host starts the receivers only after it, so every message they take can be
    /// answered. A failure here stops the host with its error.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);

        // Watching starts before the first load, so a file saved while the bot starts is reloaded, not missed.
        WatchPlanFiles();
        await ReloadAsync(cancellationToken);
        await bootstrap.RunAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watchers.ForEach(w => w.Dispose());
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);

                // Editors save in several steps; wait until the file is quiet, then load once.
                await Task.Delay(Debounce, stoppingToken);
                while (_changed.CurrentCount > 0)
                {
                    await _changed.WaitAsync(stoppingToken);
                }

                try
                {
                    await ReloadAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // A store that is busy or a file that vanished mid-save must not stop the bot: the previous
                    // schedule stays, and the next save (or «plan reload») tries again.
                    LogReloadFailed(logger, ex, ex.GetBaseException().Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var outcome = await plans.LoadAsync(ct);
        await plans.EnsureConsoleChatsAsync(messengerConfigured: channels.Any(c => c.Messenger != Messenger.Console), ct);
        foreach (var message in outcome.Loaded ? outcome.Messages.Concat(calendar.Value.MissingYearWarnings(outcome.Years ?? [])) : outcome.Messages)
        {
            if (outcome.Loaded)
            {
                LogPlan(logger, message);
            }
            else if (outcome.Held)
            {
                LogPlanHeld(logger, message);
            }
            else
            {
                LogPlanError(logger, message);
            }
        }

        if (outcome.Held)
        {
            // The office's notice is stored; the old schedule's sweep below may store nothing to wake the sender for.
            signal.Notify();
        }

        await runner.SweepAsync(ct);
    }

    private void WatchPlanFiles()
    {
        var files = planOptions.Value.AllFiles().Append(planOptions.Value.UnitsFile).Select(PlanOptions.Resolve);
        foreach (var file in files)
        {
            var folder = Path.GetDirectoryName(file)!;
            if (!Directory.Exists(folder))
            {
                // FileSystemWatcher cannot watch a folder that is not there; the bot runs on without noticing that file.
                LogFolderMissing(logger, file, folder);
                continue;
            }

            var watcher = new FileSystemWatcher(folder, Path.GetFileName(file))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => _changed.Release();
            watcher.Created += (_, _) => _changed.Release();
            watcher.Renamed += (_, _) => _changed.Release();
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogPlan(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Message}")]
    private static partial void LogPlanHeld(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogPlanError(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nạp lại kế hoạch không thành: {Reason} Bot vẫn chạy theo lịch đã nạp trước đó; hãy lưu lại tệp hoặc chạy «plan reload» để thử lại.")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Không theo dõi được tệp «{File}»: thư mục «{Folder}» không tồn tại. Hãy sửa đường dẫn trong cấu hình (Plan:File, Plan:AdditionalFiles hoặc Plan:UnitsFile) rồi khởi động lại bot; đến lúc đó bot vẫn chạy nhưng không tự nạp lại tệp này.")]
    private static partial void LogFolderMissing(ILogger logger, string file, string folder);
}
