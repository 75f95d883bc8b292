using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging.Zalo;

/// <summary>
/// What the bot does with updates from Zalo, polled or posted: drops repeats (event name + message id, as Zalo has no
/// update id), hands texts to the conversation and sends its replies at once, and answers what it cannot read (images,
/// stickers, hidden content) with what it does understand.
/// </summary>
internal sealed partial class ZaloUpdates(ChatAnswers answers, ZaloChannel channel, UpdateLedger ledger, ILogger<ZaloUpdates> logger)
{
    /// <summary>Handles a batch: each chat's updates in the order they came, different chats side by side.</summary>
    public Task HandleAsync(IReadOnlyList<ZaloUpdate> updates, CancellationToken ct)
    {
        var received = Stopwatch.GetTimestamp();
        return ChatAnswers.InChatOrderAsync(updates, u => u.Message?.Chat?.Id ?? string.Empty, (update, token) => HandleOneAsync(update, received, token), ct);
    }

    private async Task HandleOneAsync(ZaloUpdate update, long received, CancellationToken ct)
    {
        if (update.Message is not { Chat.Id: { Length: > 0 } chatId } message || message.From?.IsBot == true)
        {
            LogIgnored(logger, update.EventName ?? "?");
            return;
        }

        try
        {
            if (message.MessageId is { Length: > 0 } id && !await ledger.FirstTimeAsync(Messenger.Zalo, $"{update.EventName}:{id}", ct))
            {
                LogRepeat(logger, update.EventName ?? "?", id);
                return;
            }

            var text = update.EventName switch
            {
                ZaloUpdate.TextReceived => message.Text,
                // An image's caption is read like a text ("đã nộp 3" under a photo of the signed plan); with a confirmation
                // the picture goes into the archive.
                ZaloUpdate.ImageReceived => message.Caption,
                _ => null,
            };
            // A text, even a blank one, is the conversation's to answer (it says what it expects), as on every messenger.
            if (update.EventName != ZaloUpdate.TextReceived && string.IsNullOrWhiteSpace(text))
            {
                await answers.ReplyAsync(channel, chatId, new Reply(ReplyTexts.CannotRead(What(update.EventName))), ct);
                return;
            }

            await answers.AnswerAsync(channel, new IncomingMessage
            {
                Channel = Messenger.Zalo,
                ChatAddress = chatId,
                IsGroup = message.Chat.IsGroup,
                ChatTitle = message.Chat.IsGroup ? null : message.From?.DisplayName,
                // In a private chat Zalo's chat id is the user's id.
                SenderId = message.From?.Id is { Length: > 0 } sender ? sender : chatId,
                SenderName = message.From?.DisplayName,
                Text = text,
                FileId = update.EventName == ZaloUpdate.ImageReceived && message.Photo is { Length: > 0 } photo ? photo : null,
                FileName = update.EventName == ZaloUpdate.ImageReceived && message.Photo is { Length: > 0 } ? "ảnh.jpg" : null,
            }, received, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ZaloException error)
        {
            // Zalo's errors are told without their stack, which helps nobody; their messages never carry the token.
            LogZaloFailed(logger, update.EventName ?? "?", chatId, error.Message);
        }
        catch (Exception error)
        {
            LogUpdateFailed(logger, error, update.EventName ?? "?", chatId);
        }
    }

    private static string What(string? eventName) => eventName switch
    {
        ZaloUpdate.ImageReceived => "ảnh",
        ZaloUpdate.StickerReceived => "nhãn dán (sticker)",
        _ => "loại tin nhắn này",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zalo: bỏ qua cập nhật {EventName} không có cuộc trò chuyện, hoặc từ một bot.")]
    private static partial void LogIgnored(ILogger logger, string eventName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zalo: bỏ qua cập nhật {EventName} {MessageId} nhận lần nữa.")]
    private static partial void LogRepeat(ILogger logger, string eventName, string messageId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo: xử lý cập nhật {EventName} của {ChatId} không thành ({Reason}); bỏ qua cập nhật này.")]
    private static partial void LogZaloFailed(ILogger logger, string eventName, string chatId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zalo: xử lý cập nhật {EventName} của {ChatId} không thành; bỏ qua cập nhật này, các cập nhật khác vẫn được xử lý.")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, string eventName, string chatId);
}
