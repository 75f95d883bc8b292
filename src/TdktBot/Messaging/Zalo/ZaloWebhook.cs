using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TdktBot.Messaging.Zalo;

/// <summary>
/// Webhook mode: Zalo posts updates to the bot's web server (<see cref="SecretWebhook{TUpdate}"/>), which checks
/// <see cref="SecretHeader"/> in constant time, takes the body wrapped or not, answers 200 at once and handles the
/// update after. At start the webhook is set, retrying until Zalo agrees.
/// </summary>
internal sealed partial class ZaloWebhook(
    ZaloClient client,
    ZaloStartup startup,
    ZaloUpdates updates,
    IOptions<ZaloOptions> options,
    ILoggerFactory loggers,
    ILogger<ZaloWebhook> logger)
    : SecretWebhook<ZaloUpdate>("Zalo", SecretHeader, options.Value, loggers, logger)
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";

    protected override async Task PrepareAsync(CancellationToken ct)
    {
        await startup.RunAsync(ct);
        var settings = options.Value;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await client.SetWebhookAsync(settings.WebhookUrl!, settings.WebhookSecret!, ct);
                LogWebhookSet(Logger, settings.WebhookUrl!);
                return;
            }
            catch (ZaloException error)
            {
                LogWebhookNotSet(Logger, error.Message, Backoff.After(failures));
            }

            await Task.Delay(Backoff.After(failures), ct);
        }
    }

    protected override async ValueTask<ZaloUpdate?> ReadAsync(Stream body, CancellationToken ct)
    {
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: ct);
        return ZaloJson.ReadUpdate(document.RootElement);
    }

    protected override Task HandleAsync(IReadOnlyList<ZaloUpdate> batch, CancellationToken ct) => updates.HandleAsync(batch, ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo: đã đặt webhook {Url}.")]
    private static partial void LogWebhookSet(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo: không đặt được webhook ({Reason}); chưa nhận được tin nhắn nào, thử lại sau {Wait}.")]
    private static partial void LogWebhookNotSet(ILogger logger, string reason, TimeSpan wait);
}
