using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using TdktBot.Cluster;

namespace TdktBot.Messaging.Telegram;

/// <summary>
/// Polling mode: asks Telegram for updates (long polling) and handles each batch before asking again.
/// <para>
/// A loop of its own rather than Telegram.Bot's ReceiveAsync, for three reasons: a batch is handled before the next
/// getUpdates confirms it, so updates in hand when the bot stops come again after a restart instead of being lost;
/// chats in a batch are handled side by side while each keeps its order; and a failing getUpdates waits (1 s, growing
/// to 30 s) and the wait starts over after a poll that works, which ReceiveAsync leaves to its caller.
/// </para>
/// <para>
/// It starts after the store is ready (the host starts services in order), so what it receives can be answered at once.
/// getMe and the command menu go alongside the first poll, and a batch waits for them (deep links need the bot's name).
/// A webhook left from webhook mode is removed when getUpdates is refused for it (409).
/// </para>
/// </summary>
internal sealed partial class TelegramReceiver(
    ITelegramBotClient bot,
    TelegramStartup startup,
    TelegramUpdates updates,
    IOptions<TelegramOptions> options,
    ILead lead,
    ILogger<TelegramReceiver> logger) : BackgroundService
{
    public const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only the leading instance polls: Telegram answers a second poller with 409. A batch in hand when the lead is lost
        // was not confirmed, so the next leader gets it again (the store's record of updates keeps it from being answered twice).
        await lead.WhileLeadingAsync(PollAsync, stoppingToken);
    }

    /// <summary>
    /// Telegram refuses getUpdates (409) while a webhook is set, after running in webhook mode, say. Updates waiting
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
        var webhookRemoved = false;
        Task? started = null;
        while (!ct.IsCancellationRequested)
        {
            Update[] batch;
            try
            {
                // getMe and the menu go beside the first poll; updates are not handled before they are done.
                started ??= startup.RunAsync(ct);
                batch = await bot.GetUpdates(offset, BatchSize, options.Value.PollSeconds, TelegramUpdates.Wanted, ct);
                failures = 0;
            }
            catch (ApiRequestException error) when (error.ErrorCode == 409 && !webhookRemoved)
            {
                // Most likely a webhook left from webhook mode: remove it and ask again at once. Only once, so a 409 for
                // another copy of the bot polling is left to the wait below. Asking first, rather than removing a webhook
                // on every start, spares the usual start a round trip before its first getUpdates.
                webhookRemoved = true;
                await RemoveWebhookAsync(ct);
                continue;
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

            await started!;

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
