using System.Globalization;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging.Telegram;

/// <summary>
/// Sends messages to Telegram chats: the text escaped as HTML, split into parts Telegram takes (the buttons under
/// the last), and Telegram's answer turned into a <see cref="SendOutcome"/>. Used by the outbox sender and for
/// immediate replies alike, so both look the same; and because both pass here, it is what knows when a chat was last
/// written to (<see cref="SinceLastWrite"/>), which the outbox sender needs to keep Telegram's per-chat limit.
/// </summary>
public sealed class TelegramChannel(ITelegramBotClient bot, IOptions<TelegramOptions> options) : IChatChannel, Archive.IFileDownloads
{
    /// <summary>getFile's size, known before the download.</summary>
    public async Task<long?> SizeAsync(string fileId, CancellationToken ct) => (await bot.GetFile(fileId, ct)).FileSize;

    /// <summary>getFile, then the file's download address.</summary>
    public async Task DownloadAsync(string fileId, Stream into, CancellationToken ct)
    {
        var file = await bot.GetFile(fileId, ct);
        await bot.DownloadFile(file.FilePath ?? throw new IOException("Telegram không trả đường dẫn tệp."), into, ct);
    }

    private readonly ChatWrites _writes = new();

    public Messenger Messenger => Messenger.Telegram;

    public TimeSpan? SinceLastWrite(string address) => _writes.SinceLast(address);

    public IDisposable Answering(string address) => _writes.Hold(address);

    /// <summary>
    /// Sends every part in order and returns the last one's message id. When a later part fails, the outcome is that
    /// failure: a retry then repeats the parts that did go, which is better than a message missing its end.
    /// </summary>
    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Text, nameof(message));
        if (!long.TryParse(message.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new SendOutcome.Permanent($"«{message.Address}» không phải mã cuộc trò chuyện Telegram / is not a Telegram chat id");
        }

        // Built before anything goes out, so a bad button fails the message as a whole.
        var keyboard = TelegramText.Keyboard(message.Buttons);
        var parts = MessageParts.Split(message.Text, TelegramText.MessageLimit);
        using var writing = _writes.Hold(message.Address);
        Message? last = null;
        for (var i = 0; i < parts.Count; i++)
        {
            try
            {
                last = await bot.SendMessage(
                    chatId,
                    TelegramText.Html(parts[i]),
                    parseMode: ParseMode.Html,
                    replyMarkup: i == parts.Count - 1 ? keyboard : null,
                    cancellationToken: ct);
            }
            catch (RequestException error)
            {
                return TelegramErrors.Outcome(error, options.Value).OfPart(i, parts.Count);
            }
        }

        if (message.FileId is { } fileId)
        {
            try
            {
                last = await bot.SendDocument(chatId, InputFile.FromFileId(fileId), cancellationToken: ct);
            }
            catch (RequestException error)
            {
                return TelegramErrors.Outcome(error, options.Value);
            }
        }

        if (message.Document is { } path)
        {
            try
            {
                await using var file = File.OpenRead(path);
                last = await bot.SendDocument(chatId, InputFile.FromStream(file, Path.GetFileName(path)), cancellationToken: ct);
            }
            catch (RequestException error)
            {
                return TelegramErrors.Outcome(error, options.Value);
            }
        }

        return new SendOutcome.Sent(last!.MessageId.ToString(CultureInfo.InvariantCulture));
    }
}
