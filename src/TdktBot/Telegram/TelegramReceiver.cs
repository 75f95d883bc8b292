using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using TdktBot.Messengers;

namespace TdktBot.Telegram;

/// <summary>
/// Polling mode: asks Telegram for updates (long polling) and handles each batch before asking again.
/// <para>
/// A loop of its own rather than Telegram.Bot's ReceiveAsync, for three reasons: a batch is handled before the next
/// getUpdates confirms it, so updates in hand when the bot stops come again after a restart instead of being lost;
/// chats in a batch are handled side by side while each keeps its order; and a failing getUpdates waits (1 s, growing
/// to 30 s) and the wait starts over after a poll that works, which ReceiveAsync leaves to its caller.
/// </para>
/// </summary>
internal sealed partial class TelegramReceiver(
    ITelegramBotClient bot,
    TelegramStartup startup,
    TelegramUpdates updates,
    IOptions<TelegramOptions> options,
    ILogger<TelegramReceiver> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.RunAsync(stoppingToken);
            await RemoveWebhookAsync(stoppingToken);
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Telegram refuses getUpdates while a webhook is set (after running in webhook mode, say). Updates waiting
    /// there are kept. A failure here is only logged: getUpdates then says what is wrong, and is retried.
    /// </summary>
    private async Task RemoveWebhookAsync(CancellationToken ct)
    {
        try
        {
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogWebhookNotRemoved(logger, TelegramErrors.Describe(error, options.Value));
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        LogPolling(logger);
        int? offset = null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            Update[] batch;
            try
            {
                batch = await bot.GetUpdates(offset, BatchSize, options.Value.PollSeconds, TelegramUpdates.Wanted, ct);
                failures = 0;
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                // Anything from the network, Telegram (409 when another copy of the bot polls, 401) or the library: wait, then ask again.
                var wait = Backoff.After(++failures);
                LogPollFailed(logger, TelegramErrors.Describe(error, options.Value), wait);
                await Task.Delay(wait, ct);
                continue;
            }

            if (batch.Length == 0)
            {
                continue;
            }

            // Telegram forgets these updates when the next getUpdates asks from here, which happens after they are handled.
            offset = batch[^1].Id + 1;
            await updates.HandleAsync(batch, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: đang nhận tin nhắn (long polling).")]
    private static partial void LogPolling(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: không xóa được webhook cũ ({Reason}); nếu webhook còn đặt, getUpdates sẽ báo lỗi 409.")]
    private static partial void LogWebhookNotRemoved(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: getUpdates không thành ({Reason}); thử lại sau {Wait}.")]
    private static partial void LogPollFailed(ILogger logger, string reason, TimeSpan wait);
}
