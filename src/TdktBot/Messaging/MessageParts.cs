namespace TdktBot.Messaging;

/// <summary>Cuts a long plain text into the parts a messenger takes (Telegram 4096 characters, Zalo 2000).</summary>
public static class MessageParts
{
    /// <summary>
    /// Cuts <paramref name="text"/> into parts of at most <paramref name="limit"/> characters, at the last line break that
    /// fits, else the last space, else anywhere but inside a surrogate pair. Parts lose the line breaks at their ends, and
    /// blank ones are left out. Cut before any escaping, so a part never ends inside an entity and the limit counts what
    /// the reader sees.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
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
