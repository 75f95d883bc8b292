using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Cluster;

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
    ILead lead,
    ILogger<ZaloReceiver> logger) : UpdateReceiver<ZaloUpdate>("Zalo", logger)
{
    // Only the leading instance polls, so no two instances take updates from the same bot.
    protected override Task ReceiveAsync(CancellationToken stoppingToken) => lead.WhileLeadingAsync(PollAsync, stoppingToken);

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        await startup.RunAsync(stoppingToken);

        // A failure here is only logged: getUpdates then says what is wrong, and is retried.
        try
        {
            await client.DeleteWebhookAsync(stoppingToken);
        }
        catch (ZaloException error)
        {
            LogWebhookNotRemoved(Logger, error.Message);
        }

        LogPolling(Logger);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            ZaloUpdate? update;
            try
            {
                update = await client.GetUpdatesAsync(options.Value.PollSeconds, stoppingToken);
                failures = 0;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever goes wrong, polling must go on: an exception leaving this loop would stop the whole host. Only
                // the client's own errors are quoted, since they are known to hold no token; of others, the type is told.
                var wait = Backoff.After(++failures);
                LogPollFailed(Logger, error is ZaloException ? error.Message : error.GetType().FullName ?? "?", wait);
                await Task.Delay(wait, stoppingToken);
                continue;
            }

            if (update is not null)
            {
                await AddAsync(update, stoppingToken);
            }
        }
    }

    protected override Task HandleAsync(IReadOnlyList<ZaloUpdate> batch, CancellationToken ct) => updates.HandleAsync(batch, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo: đang nhận tin nhắn (getUpdates).")]
    private static partial void LogPolling(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo: không xóa được webhook cũ ({Reason}); nếu webhook còn đặt, getUpdates sẽ báo lỗi.")]
    private static partial void LogWebhookNotRemoved(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo: getUpdates không thành ({Reason}); thử lại sau {Wait}.")]
    private static partial void LogPollFailed(ILogger logger, string reason, TimeSpan wait);
}
