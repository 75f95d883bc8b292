using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using TdktBot.Core.Conversations;
using TelegramCommand = Telegram.Bot.Types.BotCommand;

namespace TdktBot.Messaging.Telegram;

/// <summary>
/// What the bot does with Telegram before it takes updates, in either mode: learns its own name (getMe, for deep
/// links) and sets the command menu. Telegram being unreachable at start only delays this; the rest of the bot runs.
/// </summary>
internal sealed partial class TelegramStartup(
    ITelegramBotClient bot, TelegramBotInfo info, IOptions<TelegramOptions> options, ILogger<TelegramStartup> logger)
{
    /// <summary>Retries getMe until it answers (waiting 1 s, then longer up to 30 s), then sets the menu once.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                var me = await bot.GetMe(ct);
                info.Username = me.Username;
                LogConnected(logger, me.Username ?? "", me.Id);
                break;
            }
            catch (ApiRequestException error) when (error.ErrorCode == 401)
            {
                LogTokenRejected(logger, Backoff.After(failures));
            }
            catch (RequestException error)
            {
                LogUnreachable(logger, TelegramErrors.Describe(error, options.Value), Backoff.After(failures));
            }

            await Task.Delay(Backoff.After(failures), ct);
        }

        // The units' commands for every chat; a failure only leaves the previous menu, so it is logged and start-up goes on.
        try
        {
            await bot.SetMyCommands(
                ConversationCommands.ForUnits.Select(c => new TelegramCommand { Command = c.Command, Description = c.Description }),
                cancellationToken: ct);
        }
        catch (RequestException error)
        {
            LogMenuFailed(logger, TelegramErrors.Describe(error, options.Value));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: đã kết nối bot @{Username} (id {BotId}).")]
    private static partial void LogConnected(ILogger logger, string username, long botId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram từ chối Telegram:BotToken (401 Unauthorized): mã đã bị thu hồi hoặc chép sai; hãy lấy mã mới từ @BotFather. Thử lại sau {Wait}.")]
    private static partial void LogTokenRejected(ILogger logger, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram chưa trả lời getMe ({Reason}); thử lại sau {Wait}.")]
    private static partial void LogUnreachable(ILogger logger, string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Không đặt được menu lệnh Telegram ({Reason}); bot vẫn chạy, menu giữ như trước.")]
    private static partial void LogMenuFailed(ILogger logger, string reason);
}
