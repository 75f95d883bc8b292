using System.Text;
using Telegram.Bot.Types.ReplyMarkups;
using TdktBot.Core.Conversations;

namespace TdktBot.Messaging.Telegram;

/// <summary>How our plain-text messages become Telegram messages: escaped HTML and buttons (parts: <see cref="MessageParts"/>).</summary>
internal static class TelegramText
{
    /// <summary>Telegram's limit on a message's text, counted after its HTML is parsed.</summary>
    public const int MessageLimit = 4096;

    /// <summary>Telegram's limit on a button's callback_data, in UTF-8 bytes.</summary>
    public const int CallbackDataLimit = 64;

    /// <summary>
    /// The text as Telegram HTML that shows exactly these characters. Our texts are plain (names, tasks and what
    /// people typed go in as written), so every &lt;, &gt; and &amp; is escaped; nothing else needs to be, and
    /// leaving Vietnamese letters alone keeps the text readable (WebUtility.HtmlEncode would turn "à" into "&amp;#224;").
    /// </summary>
    public static string Html(string plain) =>
        plain.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// One button per row, so Vietnamese labels are never cut short on a phone. A command that does not fit in
    /// callback_data throws: it is a bug in our wording (commands are short), and Telegram would refuse the whole message.
    /// </summary>
    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<ChatButton> buttons)
    {
        if (buttons.Count == 0)
        {
            return null;
        }

        foreach (var button in buttons)
        {
            var bytes = Encoding.UTF8.GetByteCount(button.Command);
            if (bytes is 0 or > CallbackDataLimit || string.IsNullOrWhiteSpace(button.Label))
            {
                throw new ArgumentException(
                    $"Nút «{button.Label}»: lệnh «{button.Command}» dài {bytes} byte; Telegram cần nhãn không rỗng và lệnh 1–{CallbackDataLimit} byte UTF-8.",
                    nameof(buttons));
            }
        }

        return new InlineKeyboardMarkup(buttons.Select(b => new[] { InlineKeyboardButton.WithCallbackData(b.Label, b.Command) }));
    }
}
