using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using TdktBot.Channels;

namespace TdktBot.Telegram;

/// <summary>
/// What the bot does with updates from Telegram, polled or posted: hands each to the conversation, sends its replies
/// at once (people are waiting; the outbox is for what the bot decides on its own), answers button presses and
/// follows groups that became supergroups.
/// </summary>
internal sealed partial class TelegramUpdates(
    IServiceScopeFactory scopes,
    ITelegramBotClient bot,
    TelegramChannel channel,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdates> logger)
{
    /// <summary>The updates the bot asks for; the rest (edits, reactions, channel posts…) it has no use for.</summary>
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    /// <summary>Chats handled at the same time. A few, so one slow chat does not hold up the others, yet the store (one SQLite file) is not crowded with writers.</summary>
    private const int ParallelChats = 4;

    /// <summary>A reply that Telegram asks us to hold back longer than this is dropped rather than keep the chat waiting.</summary>
    private static readonly TimeSpan LongestReplyWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Handles a batch of updates: each chat's in the order they came, different chats side by side. An update that fails
    /// is logged and skipped, so it cannot stop the others; only cancellation ends the batch early.
    /// </summary>
    public Task HandleAsync(IReadOnlyList<Update> updates, CancellationToken ct) =>
        Parallel.ForEachAsync(
            updates.GroupBy(ChatOf),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelChats, CancellationToken = ct },
            async (chat, token) =>
            {
                foreach (var update in chat)
                {
                    await HandleOneAsync(update, token);
                }
            });

    private async Task HandleOneAsync(Update update, CancellationToken ct)
    {
        try
        {
            switch (update)
            {
                case { Message.MigrateToChatId: { } newId }:
                    await MovedAsync(update.Message.Chat.Id, newId, ct);
                    break;
                case { Message: { } message }:
                    if (Incoming(message) is { } incoming)
                    {
                        await ConverseAsync(message.Chat.Id, incoming, ct);
                    }

                    break;
                case { CallbackQuery: { } query }:
                    await PressedAsync(query, ct);
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

        return new IncomingMessage
        {
            Channel = TelegramChannel.ChannelName,
            ChatAddress = Address(message.Chat.Id),
            IsGroup = IsGroup(message.Chat),
            ChatTitle = Title(message.Chat),
            // An anonymous group admin writes as the group itself.
            SenderName = Name(message.From) ?? message.SenderChat?.Title,
            Text = text,
            FileId = fileId,
            FileName = fileName,
        };
    }

    /// <summary>
    /// Answers the press at once, so the button stops spinning even if the conversation takes a while, then treats the
    /// button's command like typed text. A press on a message the bot can no longer see still carries its chat.
    /// </summary>
    private async Task PressedAsync(CallbackQuery query, CancellationToken ct)
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

        await ConverseAsync(chat.Id, new IncomingMessage
        {
            Channel = TelegramChannel.ChannelName,
            ChatAddress = Address(chat.Id),
            IsGroup = IsGroup(chat),
            ChatTitle = Title(chat),
            SenderName = Name(query.From),
            Text = data,
            FromButton = true,
        }, ct);
    }

    private async Task ConverseAsync(long chatId, IncomingMessage incoming, CancellationToken ct)
    {
        // Held until the replies are out, so an outbox message the conversation queues for this chat waits its turn after them.
        using var answering = channel.Answering(chatId);

        // A scope per update, so a conversation may use scoped services (a DbContext) whatever its own lifetime.
        await using var scope = scopes.CreateAsyncScope();
        var conversation = scope.ServiceProvider.GetRequiredService<IConversation>();
        var replies = await conversation.HandleAsync(incoming, ct);
        foreach (var reply in replies)
        {
            await ReplyAsync(incoming.ChatAddress, reply, ct);
        }
    }

    /// <summary>Sends one reply, trying once more after a short wait when Telegram is busy; a reply that still fails is logged.</summary>
    private async Task ReplyAsync(string address, Reply reply, CancellationToken ct)
    {
        var message = new OutgoingMessage(address, reply.Text) { Buttons = reply.Buttons };
        var outcome = await channel.SendAsync(message, ct);
        if (outcome is SendOutcome.Transient { RetryAfter: var wait } && (wait ?? TimeSpan.Zero) <= LongestReplyWait)
        {
            await Task.Delay(wait ?? TimeSpan.FromSeconds(1), ct);
            outcome = await channel.SendAsync(message, ct);
        }

        if (outcome is not SendOutcome.Sent)
        {
            LogReplyFailed(logger, address, outcome);
        }
    }

    private async Task MovedAsync(long oldId, long newId, CancellationToken ct)
    {
        LogMoved(logger, oldId, newId);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IConversation>()
            .ChatMovedAsync(TelegramChannel.ChannelName, Address(oldId), Address(newId), ct);
    }

    /// <summary>The chat an update belongs to, to keep each chat's updates in order; 0 for the rare update without one.</summary>
    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.MyChatMember?.Chat.Id ?? 0;

    private static string Address(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    private static bool IsGroup(Chat chat) => chat.Type is ChatType.Group or ChatType.Supergroup;

    /// <summary>A group's title, or the person's name for a private chat.</summary>
    private static string? Title(Chat chat) => chat.Title ?? Join(chat.FirstName, chat.LastName);

    private static string? Name(User? user) => user is null ? null : Join(user.FirstName, user.LastName);

    private static string? Join(string? first, string? last) =>
        string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } name ? name : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram: xử lý cập nhật {UpdateId} không thành; bỏ qua cập nhật này, các cập nhật khác vẫn được xử lý.")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram: xử lý cập nhật {UpdateId} không thành ({Reason}); bỏ qua cập nhật này.")]
    private static partial void LogTelegramFailed(ILogger logger, int updateId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: không gửi được câu trả lời tới {ChatId}: {Outcome}")]
    private static partial void LogReplyFailed(ILogger logger, string chatId, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: không trả lời được lần bấm nút ({Reason}).")]
    private static partial void LogAnswerFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: nhóm {OldChatId} đã thành siêu nhóm {NewChatId}; chuyển liên kết sang mã mới.")]
    private static partial void LogMoved(ILogger logger, long oldChatId, long newChatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: bot trong cuộc trò chuyện {ChatId} «{Title}» đổi từ {OldStatus} sang {NewStatus} (do {By}).")]
    private static partial void LogMembership(ILogger logger, long chatId, string title, ChatMemberStatus oldStatus, ChatMemberStatus newStatus, string by);
}
