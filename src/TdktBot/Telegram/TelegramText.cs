using System.Text;
using Telegram.Bot.Types.ReplyMarkups;
using TdktBot.Channels;

namespace TdktBot.Telegram;

/// <summary>How our plain-text messages become Telegram messages: escaped HTML, parts within the length limit, buttons.</summary>
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
    /// Cuts a plain text into parts of at most <paramref name="limit"/> characters, at the last line break that fits,
    /// else the last space, else anywhere but inside a surrogate pair. Cutting before escaping means a part can never end
    /// inside an HTML entity, and the limit counts what the reader sees, as Telegram does. Parts lose the line breaks
    /// at their ends, and blank ones are left out.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit = MessageLimit)
    {
        var parts = new List<string>();
        var start = 0;
        while (text.Length - start > limit)
        {
            // A line break right after a full part is the best cut of all, so the search includes that position.
            var cut = text.LastIndexOf('\n', start + limit, limit + 1);
            if (cut <= start)
            {
                cut = LastSpace(text, start, start + limit);
            }

            int next;
            if (cut > start)
            {
                // The break or space itself goes: each part starts with the next line or word.
                next = cut + 1;
            }
            else
            {
                cut = start + limit;
                if (char.IsHighSurrogate(text[cut - 1]))
                {
                    cut--;
                }

                next = cut;
            }

            Add(parts, text[start..cut]);
            start = next;
        }

        Add(parts, text[start..]);
        return parts;
    }

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

    private static int LastSpace(string text, int from, int to)
    {
        for (var i = to; i > from; i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Add(List<string> parts, string text)
    {
        // Line breaks at either end of a part would show as blank lines at the top or bottom of a message.
        var part = text.Trim('\r', '\n');
        if (!string.IsNullOrWhiteSpace(part))
        {
            parts.Add(part);
        }
    }
}
