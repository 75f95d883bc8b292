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
/// immediate replies alike, so both look the same.
/// </summary>
public sealed class TelegramChannel(ITelegramBotClient bot, IOptions<TelegramOptions> options) : IChatChannel
{
    public const string ChannelName = "telegram";

    public string Name => ChannelName;

    /// <summary>
    /// Sends every part in order and returns the last one's message id. When a later part fails, the outcome is that
    /// failure: a retry then repeats the parts that did go, which is better than a message missing its end.
    /// </summary>
    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.Text, nameof(message));
        if (!long.TryParse(message.Address, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
        {
            return new SendOutcome.Permanent($"«{message.Address}» không phải mã cuộc trò chuyện Telegram / is not a Telegram chat id");
        }

        // Built before anything goes out, so a bad button fails the message as a whole.
        var keyboard = TelegramText.Keyboard(message.Buttons);
        var parts = TelegramText.Split(message.Text);
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

        return new SendOutcome.Sent(last!.MessageId.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Says which part failed when there were several, so a log explains a message cut short.</summary>
    private static SendOutcome Numbered(SendOutcome outcome, int index, int count) => (outcome, count) switch
    {
        (_, 1) => outcome,
        (SendOutcome.Transient t, _) => t with { Reason = $"{t.Reason} (phần {index + 1}/{count})" },
        (SendOutcome.Permanent p, _) => p with { Reason = $"{p.Reason} (phần {index + 1}/{count})" },
        _ => outcome,
    };
}
