using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging.Telegram;

/// <summary>
/// What the bot does with updates from Telegram, polled or posted: hands each to the conversation, sends its replies
/// at once (people are waiting; the outbox is for what the bot decides on its own), answers button presses and
/// follows groups that became supergroups.
/// </summary>
internal sealed partial class TelegramUpdates(
    ChatAnswers answers,
    ITelegramBotClient bot,
    TelegramChannel channel,
    TelegramBotInfo me,
    UpdateLedger ledger,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdates> logger)
{
    private static readonly SearchValues<char> UsernameCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>The updates the bot asks for; the rest (edits, reactions, channel posts…) it has no use for.</summary>
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>
    /// Handles a batch of updates: each chat's in the order they came, different chats side by side. An update that fails
    /// is logged and skipped, so it cannot stop the others; only cancellation ends the batch early.
    /// </summary>
    public Task HandleAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        var received = Stopwatch.GetTimestamp();
        return ChatAnswers.InChatOrderAsync(updates, ChatOf, (update, token) => HandleOneAsync(update, received, token), ct);
    }

    private async Task HandleOneAsync(Update update, long received, CancellationToken ct)
    {
        try
        {
            if (!await ledger.FirstTimeAsync(Messenger.Telegram, "update:" + update.Id.ToString(CultureInfo.InvariantCulture), ct))
            {
                LogRepeat(logger, update.Id);
                return;
            }

            switch (update)
            {
                case { Message: { MigrateToChatId: { } newId, Chat.Id: var oldId } }:
                    LogMoved(logger, oldId, newId);
                    await answers.ChatMovedAsync(Messenger.Telegram, Address(oldId), Address(newId), ct);
                    break;
                case { Message: { } message }:
                    if (Incoming(message) is { } incoming && !ForAnotherBot(incoming.Text, me.Username))
                    {
                        await answers.AnswerAsync(channel, incoming, received, ct);
                    }

                    break;
                case { CallbackQuery: { } query }:
                    await PressedAsync(query, received, ct);
                    break;
                case { MyChatMember: { } change }:
                    // The conversation has no event for this yet; the log tells the operator who added or removed the bot.
                    var (title, by) = (Title(change.Chat) ?? "", Name(change.From) ?? "");
                    LogMembership(logger, change.Chat.Id, title, change.OldChatMember.Status, change.NewChatMember.Status, by);
                    break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (RequestException error)
        {
            // Telegram's errors are told without their stack, which helps nobody, and without the token.
            LogTelegramFailed(logger, update.Id, TelegramErrors.Describe(error, options.Value));
        }
        catch (Exception error)
        {
            LogUpdateFailed(logger, error, update.Id);
        }
    }

    /// <summary>A message as the conversation sees it; null for what it cannot read (service messages, stickers, voice).</summary>
    private static IncomingMessage? Incoming(Message message)
    {
        var (fileId, fileName) = message switch
        {
            { Document: { } document } => (document.FileId, document.FileName),
            // Telegram sends a photo in several sizes, smallest first, always as JPEG and without a name.
            { Photo: [.., var largest] } => (largest.FileId, $"{largest.FileUniqueId}.jpg"),
            _ => (null, null),
        };
        var text = message.Text ?? message.Caption;
        if (text is null && fileId is null)
        {
            return null;
        }

        // An anonymous group admin writes as the group itself: From is then a placeholder account every anonymous admin
        // shares, so the group is who acts.
        var sender = message.SenderChat?.Id ?? message.From?.Id ?? message.Chat.Id;
        return In(message.Chat, sender, Name(message.From) ?? message.SenderChat?.Title, text) with { FileId = fileId, FileName = fileName };
    }

    /// <summary>
    /// "/nop@OtherBot 2" in a group is meant for another bot: Telegram shows every bot there the commands, with privacy
    /// mode off. Ours ("/nop@ThisBot 2"), plain "/nop 2", and "@" followed by what cannot be a username ("/nop@ 2",
    /// "/help@các trường") are read; until getMe has told the bot its name, all are.
    /// </summary>
    internal static bool ForAnotherBot(string? text, string? username)
    {
        if (username is null || text is not ['/', ..])
        {
            return false;
        }

        var head = text.AsSpan(1);
        var end = head.IndexOfAny(' ', '\n', '\t');
        head = end >= 0 ? head[..end] : head;
        var at = head.IndexOf('@');
        if (at < 0)
        {
            return false;
        }

        // Only a name that can be a Telegram username (letters A–Z, digits, underscores) names a bot.
        var name = head[(at + 1)..];
        return name.Length > 0 && !name.ContainsAnyExcept(UsernameCharacters) && !name.Equals(username, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Answers the press at once, so the button stops spinning even if the conversation takes a while, then treats the
    /// button's command like typed text. A press on a message the bot can no longer see still carries its chat.
    /// </summary>
    private async Task PressedAsync(CallbackQuery query, long received, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(query.Id, cancellationToken: ct);
        }
        catch (RequestException error)
        {
            // Telegram only lets a press be answered for a short while; the command still counts.
            LogAnswerFailed(logger, TelegramErrors.Describe(error, options.Value));
        }

        if (query is not { Message.Chat: { } chat, Data: { } data })
        {
            return;
        }

        await answers.AnswerAsync(channel, In(chat, query.From.Id, Name(query.From), data) with { FromButton = true }, received, ct);
    }

    /// <summary>The chat an update belongs to, to keep each chat's updates in order; 0 for the rare update without one.</summary>
    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.MyChatMember?.Chat.Id ?? 0;

    /// <summary>What <paramref name="senderId"/> did in <paramref name="chat"/>, as the conversation sees it.</summary>
    private static IncomingMessage In(Chat chat, long senderId, string? senderName, string? text) => new()
    {
        Channel = Messenger.Telegram,
        ChatAddress = Address(chat.Id),
        IsGroup = chat.Type is ChatType.Group or ChatType.Supergroup,
        ChatTitle = Title(chat),
        SenderId = Address(senderId),
        SenderName = senderName,
        Text = text,
    };

    private static string Address(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A group's title, or the person's name for a private chat.</summary>
    private static string? Title(Chat chat) => chat.Title ?? Join(chat.FirstName, chat.LastName);

    private static string? Name(User? user) => user is null ? null : Join(user.FirstName, user.LastName);

    private static string? Join(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name ? name : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: cập nhật {UpdateId} đã được xử lý trước đó; bỏ qua.")]
    private static partial void LogRepeat(ILogger logger, int updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram: xử lý cập nhật {UpdateId} không thành; bỏ qua cập nhật này, các cập nhật khác vẫn được xử lý.")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram: xử lý cập nhật {UpdateId} không thành ({Reason}); bỏ qua cập nhật này.")]
    private static partial void LogTelegramFailed(ILogger logger, int updateId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: không trả lời được lần bấm nút ({Reason}).")]
    private static partial void LogAnswerFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: nhóm {OldChatId} đã thành siêu nhóm {NewChatId}; chuyển liên kết sang mã mới.")]
    private static partial void LogMoved(ILogger logger, long oldChatId, long newChatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: bot trong cuộc trò chuyện {ChatId} «{Title}» đổi từ {OldStatus} sang {NewStatus} (do {By}).")]
    private static partial void LogMembership(ILogger logger, long chatId, string title, ChatMemberStatus oldStatus, ChatMemberStatus newStatus, string by);
}
