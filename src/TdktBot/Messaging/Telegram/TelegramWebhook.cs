using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace TdktBot.Messaging.Telegram;

/// <summary>
/// Webhook mode: Telegram posts updates to the bot's web server (<see cref="SecretWebhook{TUpdate}"/>), which checks
/// <see cref="SecretHeader"/> and handles them like polled batches. At start the webhook is set.
/// </summary>
internal sealed partial class TelegramWebhook(
    ITelegramBotClient bot,
    TelegramStartup startup,
    TelegramUpdates updates,
    IOptions<TelegramOptions> options,
    ILoggerFactory loggers,
    ILogger<TelegramWebhook> logger)
    : SecretWebhook<Update>("Telegram", SecretHeader, options.Value, loggers, logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    protected override async Task PrepareAsync(CancellationToken ct)
    {
        await startup.RunAsync(ct);
        await SetWebhookAsync(ct);
    }

    protected override ValueTask<Update?> ReadAsync(Stream body, CancellationToken ct) =>
        JsonSerializer.DeserializeAsync<Update>(body, JsonBotAPI.Options, ct);

    protected override Task HandleAsync(IReadOnlyList<Update> batch, CancellationToken ct) => updates.HandleAsync(batch, ct);

    /// <summary>Tells Telegram where to post, retrying until it agrees: without it no update arrives.</summary>
    private async Task SetWebhookAsync(CancellationToken ct)
    {
        var settings = options.Value;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: TelegramUpdates.Wanted, secretToken: settings.WebhookSecret, cancellationToken: ct);
                LogWebhookSet(Logger, settings.WebhookUrl!);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogWebhookNotSet(Logger, TelegramErrors.Describe(error, settings), Backoff.After(failures));
            }

            await Task.Delay(Backoff.After(failures), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: đã đặt webhook {Url}.")]
    private static partial void LogWebhookSet(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram: không đặt được webhook ({Reason}); chưa nhận được tin nhắn nào, thử lại sau {Wait}.")]
    private static partial void LogWebhookNotSet(ILogger logger, string reason, TimeSpan wait);
}
