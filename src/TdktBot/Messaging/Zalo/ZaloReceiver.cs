using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TdktBot.Messaging.Zalo;

/// <summary>
/// Polling mode: removes any webhook (Zalo serves getUpdates only without one), then asks for updates one at a time.
/// getUpdates hands out one update, or 408 when none came in the wait; an update handed out is gone from Zalo, so it
/// goes straight into the queue that handles updates beside the polling. A failing getUpdates waits (1 s, growing to
/// 30 s), and the wait starts over after a poll that works.
/// <para>
/// It starts after the store is ready (the host starts services in order): unlike Telegram's, an update Zalo hands out
/// is gone from Zalo, so none may be taken before the bot can answer it.
/// </para>
/// </summary>
internal sealed partial class ZaloReceiver(
    ZaloClient client,
    ZaloStartup startup,
    ZaloUpdates updates,
    IOptions<ZaloOptions> options,
    ILogger<ZaloReceiver> logger) : BackgroundService
{
    private readonly UpdateQueue<ZaloUpdate> _queue = new("Zalo", updates.HandleAsync, logger);

    // Cancelled only when the host's stop timeout runs out, so updates already taken from Zalo are still handled at stop.
    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handling = _queue.RunAsync(_abandon.Token);
        try
        {
            await startup.RunAsync(stoppingToken);
            await RemoveWebhookAsync(stoppingToken);
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        _queue.Complete();
        await handling;
    }

    /// <summary>A failure here is only logged: getUpdates then says what is wrong, and is retried.</summary>
    private async Task RemoveWebhookAsync(CancellationToken ct)
    {
        try
        {
            await client.DeleteWebhookAsync(ct);
        }
        catch (ZaloException error)
        {
            LogWebhookNotRemoved(logger, error.Message);
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        LogPolling(logger);
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            ZaloUpdate? update;
            try
            {
                update = await client.GetUpdatesAsync(options.Value.PollSeconds, ct);
                failures = 0;
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                // Whatever goes wrong, polling must go on: an exception leaving this loop would stop the whole host. Only
                // the client's own errors are quoted, since they are known to hold no token; of others, the type is told.
                var wait = Backoff.After(++failures);
                LogPollFailed(logger, error is ZaloException ? error.Message : error.GetType().FullName ?? "?", wait);
                await Task.Delay(wait, ct);
                continue;
            }

            if (update is not null)
            {
                await _queue.AddAsync(update, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo: đang nhận tin nhắn (getUpdates).")]
    private static partial void LogPolling(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo: không xóa được webhook cũ ({Reason}); nếu webhook còn đặt, getUpdates sẽ báo lỗi.")]
    private static partial void LogWebhookNotRemoved(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo: getUpdates không thành ({Reason}); thử lại sau {Wait}.")]
    private static partial void LogPollFailed(ILogger logger, string reason, TimeSpan wait);
}
