using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using TdktBot.Channels;

namespace TdktBot.Telegram;

/// <summary>
/// Sends messages to Telegram chats: the text escaped as HTML, split into parts Telegram takes (the buttons under
/// the last), and Telegram's answer turned into a <see cref="SendOutcome"/>. Used by the outbox sender and for
/// immediate replies alike, so both look the same; and because both pass here, it is what knows when a chat was last
/// written to (<see cref="SinceLastWrite"/>), which the outbox sender needs to keep Telegram's per-chat limit.
/// </summary>
public sealed class TelegramChannel(ITelegramBotClient bot, IOptions<TelegramOptions> options) : IChatChannel
{
    public const string ChannelName = "telegram";

    // A chat idle this long is forgotten: longer than any spacing the sender keeps (a group at one message a minute).
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(1);

    // Per chat: writes and answers under way, and when the last one ended. Replies run on several threads beside the sender.
    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatUse> _chats = [];

    public string Name => ChannelName;

    public TimeSpan? SinceLastWrite(string address)
    {
        if (!TryParseChatId(address, out var chatId))
        {
            return null;
        }

        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var use))
            {
                return null;
            }

            return use.Busy > 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(use.EndedAt);
        }
    }

    /// <summary>
    /// Holds the chat from before the conversation handles a person's message until its replies are out. The conversation
    /// may queue an outbox message for this very chat (the office's own copy of the broadcast it has just confirmed), and
    /// that must follow the reply at the usual spacing rather than race it.
    /// </summary>
    public IDisposable Answering(long chatId) => Use(chatId);

    /// <summary>
    /// Sends every part in order and returns the last one's message id. When a later part fails, the outcome is that
    /// failure: a retry then repeats the parts that did go, which is better than a message missing its end.
    /// </summary>
    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Text, nameof(message));
        if (!TryParseChatId(message.Address, out var chatId))
        {
            return new SendOutcome.Permanent($"«{message.Address}» không phải mã cuộc trò chuyện Telegram / is not a Telegram chat id");
        }

        // Built before anything goes out, so a bad button fails the message as a whole.
        var keyboard = TelegramText.Keyboard(message.Buttons);
        var parts = TelegramText.Split(message.Text);
        using var writing = Use(chatId);
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
            catch (ApiRequestException error)
            {
                return Numbered(TelegramErrors.Outcome(error), i, parts.Count);
            }
            catch (RequestException error)
            {
                // No answer from Telegram (timeout, network, a body that is not JSON): it may work later.
                return Numbered(new SendOutcome.Transient(TelegramErrors.Describe(error, options.Value)), i, parts.Count);
            }
        }

        if (message.FileId is { } fileId)
        {
            try
            {
                last = await bot.SendDocument(chatId, InputFile.FromFileId(fileId), cancellationToken: ct);
            }
            catch (ApiRequestException error)
            {
                return TelegramErrors.Outcome(error);
            }
            catch (RequestException error)
            {
                return new SendOutcome.Transient(TelegramErrors.Describe(error, options.Value));
            }
        }

        return new SendOutcome.Sent(last!.MessageId.ToString(CultureInfo.InvariantCulture));
    }

    private static bool TryParseChatId(string address, out long chatId) =>
        long.TryParse(address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId);

    private Hold Use(long chatId)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var use))
            {
                _chats[chatId] = use = new ChatUse();
            }

            use.Busy++;
        }

        return new Hold(this, chatId);
    }

    private void Release(long chatId)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var use = _chats[chatId];
            use.Busy--;
            use.EndedAt = now;

            // Chats idle for long are dropped, so people who wrote once do not pile up; a Dictionary allows removing while enumerating.
            foreach (var (id, idle) in _chats)
            {
                if (idle.Busy == 0 && Stopwatch.GetElapsedTime(idle.EndedAt, now) > Remembered)
                {
                    _chats.Remove(id);
                }
            }
        }
    }

    /// <summary>Says which part failed when there were several, so a log explains a message cut short.</summary>
    private static SendOutcome Numbered(SendOutcome outcome, int index, int count) => (outcome, count) switch
    {
        (_, 1) => outcome,
        (SendOutcome.Transient t, _) => t with { Reason = $"{t.Reason} (phần {index + 1}/{count})" },
        (SendOutcome.Permanent p, _) => p with { Reason = $"{p.Reason} (phần {index + 1}/{count})" },
        _ => outcome,
    };

    /// <summary>One chat's writes and answers under way, and when the last one ended (a Stopwatch timestamp).</summary>
    private sealed class ChatUse
    {
        public int Busy { get; set; }

        public long EndedAt { get; set; }
    }

    /// <summary>Ends one write or answer when disposed; a second dispose does nothing.</summary>
    private sealed class Hold(TelegramChannel channel, long chatId) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                channel.Release(chatId);
            }
        }
    }
}
