using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging.Zalo;

/// <summary>What invites say about Zalo: the link that opens the bot (Zalo:BotLink), if the office gave one.</summary>
public sealed class ZaloBotInfo(IOptions<ZaloOptions> options) : IBotLinks
{
    public Messenger Messenger => Messenger.Zalo;

    /// <summary>Zalo links cannot carry a start code, so this is the same link for every code, or null; the invite says to send /start CODE.</summary>
    public string? DeepLink(string code) => string.IsNullOrWhiteSpace(options.Value.BotLink) ? null : options.Value.BotLink;
}

/// <summary>
/// What the bot does with Zalo before it takes updates, in either mode: checks the token with getMe, retrying until
/// Zalo answers. Zalo being unreachable at start only delays this; the rest of the bot (Telegram, reminders) runs.
/// </summary>
internal sealed partial class ZaloStartup(ZaloClient client, ILogger<ZaloStartup> logger)
{
    public async Task RunAsync(CancellationToken ct)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                var me = await client.GetMeAsync(ct);
                LogConnected(logger, me.AccountName ?? "", me.Id ?? "");
                return;
            }
            catch (ZaloApiException error) when (error.ErrorCode == 401)
            {
                LogTokenRejected(logger, Backoff.After(failures));
            }
            catch (ZaloException error)
            {
                LogUnreachable(logger, error.Message, Backoff.After(failures));
            }

            await Task.Delay(Backoff.After(failures), ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo: đã kết nối bot {AccountName} (id {BotId}).")]
    private static partial void LogConnected(ILogger logger, string accountName, string botId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo từ chối Zalo:BotToken (401): mã đã bị thu hồi hoặc chép sai; hãy lấy mã mới trong Zalo Bot Creator. Thử lại sau {Wait}.")]
    private static partial void LogTokenRejected(ILogger logger, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zalo chưa trả lời getMe ({Reason}); thử lại sau {Wait}.")]
    private static partial void LogUnreachable(ILogger logger, string reason, TimeSpan wait);
}
