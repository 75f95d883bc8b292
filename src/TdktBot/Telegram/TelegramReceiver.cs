using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using TdktBot.Hosting;
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
/// <para>
/// It starts before every other service (<see cref="IHostedLifecycleService.StartingAsync"/>), taking over the first
/// getUpdates sent before the host started (<see cref="TelegramFirstPoll"/>): that poll waits while the store is still
/// being prepared, and getMe and the command menu go alongside it. A batch received before both are done waits for
/// them (<see cref="StoreReadiness"/>, <see cref="TelegramStartup"/>); since it is not confirmed before it is handled,
/// a start that fails leaves it with Telegram for the next start. A webhook left from webhook mode is removed when
/// getUpdates is refused for it (409), not before every start.
/// </para>
/// </summary>
internal sealed partial class TelegramReceiver(
    ITelegramBotClient bot,
    TelegramStartup startup,
    TelegramUpdates updates,
    IOptions<TelegramOptions> options,
    ILogger<TelegramReceiver> logger,
    StoreReadiness? readiness = null,
    TelegramFirstPoll? firstPoll = null) : EarlyBackgroundService
{
    public const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
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

        // The first poll may be on its way already, sent before the host started.
        var first = firstPoll?.Take(ct);
        while (!ct.IsCancellationRequested)
        {
            Update[] batch;
            try
            {
                var asking = first ?? bot.GetUpdates(offset, BatchSize, options.Value.PollSeconds, TelegramUpdates.Wanted, ct);
                first = null;

                // getMe and the menu go once the first poll is on its way; updates are not handled before they are done.
                started ??= startup.RunAsync(ct);
                batch = await asking;
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

            // Updates that came while the bot was starting wait for the store and for getMe (deep links need the bot's name).
            // If the store cannot be prepared, the host stops with the reason; the batch stays with Telegram, unconfirmed.
            await started!;
            if (readiness is not null && !await readiness.WaitAsync(ct))
            {
                return;
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
