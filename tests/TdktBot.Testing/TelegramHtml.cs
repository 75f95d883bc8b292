using System.Globalization;
using System.Text;

namespace TdktBot.Testing;

/// <summary>A formatting span of a message as Telegram reports it: offsets and lengths count UTF-16 code units of the plain text.</summary>
public sealed record TextEntity(string Type, int Offset, int Length)
{
    /// <summary>Target of a <c>text_link</c> entity.</summary>
    public string? Url { get; init; }

    /// <summary>Programming language of a <c>pre</c> entity.</summary>
    public string? Language { get; init; }

    /// <summary>Identifier of a <c>custom_emoji</c> entity.</summary>
    public string? CustomEmojiId { get; init; }
}

/// <summary>Plain text and entities of a parsed message, or why Telegram would refuse it.</summary>
public sealed record TelegramHtmlResult(string PlainText, IReadOnlyList<TextEntity> Entities, string? Error)
{
    /// <summary>True when Telegram would accept the text.</summary>
    public bool IsValid => Error is null;
}

/// <summary>
/// Checks text sent with parse_mode HTML against the rules of the Bot API "HTML style" and turns it into
/// plain text plus entities, as Telegram does before it stores a message.
/// </summary>
/// <remarks>
/// The documented rules are applied as written: only the listed tags, every <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c> outside a tag or entity must be escaped, and only the named entities <c>&amp;lt;</c>,
/// <c>&amp;gt;</c>, <c>&amp;amp;</c> and <c>&amp;quot;</c> plus numeric ones are understood. Telegram's own
/// parser forgives a stray <c>&gt;</c> or <c>&amp;</c> in places; the fake does not, so a bot that passes
/// here escapes the way the documentation asks. Error texts follow Telegram's wording where it is known
/// ("Unsupported start tag", "Can't find end tag corresponding to start tag", byte offsets in UTF-8).
/// </remarks>
public static class TelegramHtml
{
    // Tag name → entity type. span and a carry their meaning in attributes and are handled apart.
    private static readonly Dictionary<string, string> SimpleTags = new(StringComparer.Ordinal)
    {
        ["b"] = "bold",
        ["strong"] = "bold",
        ["i"] = "italic",
        ["em"] = "italic",
        ["u"] = "underline",
        ["ins"] = "underline",
        ["s"] = "strikethrough",
        ["strike"] = "strikethrough",
        ["del"] = "strikethrough",
        ["tg-spoiler"] = "spoiler",
        ["code"] = "code",
        ["pre"] = "pre",
    };

    /// <summary>Parses <paramref name="html"/>; never throws for bad markup, it reports it in <see cref="TelegramHtmlResult.Error"/>.</summary>
    public static TelegramHtmlResult Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var parser = new Parser(html);
        var error = parser.Run();
        return error is null
            ? new TelegramHtmlResult(parser.Plain.ToString(), parser.SortedEntities(), null)
            : new TelegramHtmlResult(html, [], error);
    }

    private sealed class Parser(string html)
    {
        private readonly List<OpenTag> _open = [];
        private readonly List<TextEntity> _entities = [];
        private int _at;

        public StringBuilder Plain { get; } = new();

        public string? Run()
        {
            while (_at < html.Length)
            {
                var c = html[_at];
                var error = c switch
                {
                    '<' when _at + 1 < html.Length && html[_at + 1] == '/' => EndTag(),
                    '<' => StartTag(),
                    '&' => Entity(Plain),
                    '>' => $"Character '>' at byte offset {ByteOffset(_at)} must be escaped as \"&gt;\"",
                    _ => Append(c),
                };
                if (error is not null)
                {
                    return error;
                }
            }

            return _open.Count == 0 ? null : $"Can't find end tag corresponding to start tag \"{_open[^1].Name}\"";
        }

        // Telegram lists entities by position, an enclosing entity before the ones it contains.
        public IReadOnlyList<TextEntity> SortedEntities() =>
            [.. _entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length)];

        private string? Append(char c)
        {
            Plain.Append(c);
            _at++;
            return null;
        }

        private string? StartTag()
        {
            var start = _at;
            _at++;
            var name = ReadName();
            if (name.Length == 0)
            {
                return $"Character '<' at byte offset {ByteOffset(start)} must be escaped as \"&lt;\"";
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            while (true)
            {
                SkipSpaces();
                if (_at >= html.Length)
                {
                    return $"Unclosed start tag at byte offset {ByteOffset(start)}";
                }

                if (html[_at] == '>')
                {
                    _at++;
                    break;
                }

                var attribute = ReadName();
                if (attribute.Length == 0)
                {
                    return $"Unclosed start tag at byte offset {ByteOffset(start)}";
                }

                SkipSpaces();
                var value = "";
                if (_at < html.Length && html[_at] == '=')
                {
                    _at++;
                    SkipSpaces();
                    var read = ReadAttributeValue(out value);
                    if (read is not null)
                    {
                        return read;
                    }
                }

                attributes[attribute] = value;
            }

            return Open(name, attributes, start);
        }

        private string? Open(string name, Dictionary<string, string> attributes, int start)
        {
            string? type;
            string? url = null;
            string? emoji = null;
            switch (name)
            {
                case "a":
                    // An anchor without href is accepted and simply formats nothing.
                    url = attributes.GetValueOrDefault("href");
                    type = string.IsNullOrEmpty(url) ? null : "text_link";
                    break;
                case "span":
                    if (attributes.GetValueOrDefault("class") != "tg-spoiler")
                    {
                        return $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(start)}";
                    }

                    type = "spoiler";
                    break;
                case "blockquote":
                    type = attributes.ContainsKey("expandable") ? "expandable_blockquote" : "blockquote";
                    break;
                case "tg-emoji":
                    emoji = attributes.GetValueOrDefault("emoji-id");
                    if (string.IsNullOrEmpty(emoji))
                    {
                        return $"Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset {ByteOffset(start)}";
                    }

                    type = "custom_emoji";
                    break;
                default:
                    if (!SimpleTags.TryGetValue(name, out type))
                    {
                        return $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(start)}";
                    }

                    break;
            }

            // <pre><code class="language-x"> names the language of the pre block; on a lone code tag the class means nothing.
            var language = name == "code" && _open.Count > 0 && _open[^1].Name == "pre"
                && attributes.GetValueOrDefault("class") is { } cls && cls.StartsWith("language-", StringComparison.Ordinal)
                ? cls["language-".Length..]
                : null;
            _open.Add(new OpenTag(name, type, Plain.Length, url, language, emoji));
            return null;
        }

        private string? EndTag()
        {
            var start = _at;
            _at += 2;
            var name = ReadName();
            SkipSpaces();
            if (_at >= html.Length || html[_at] != '>')
            {
                return $"Unclosed end tag at byte offset {ByteOffset(start)}";
            }

            _at++;
            if (_open.Count == 0)
            {
                return $"Unexpected end tag at byte offset {ByteOffset(start)}";
            }

            var tag = _open[^1];
            if (tag.Name != name)
            {
                return $"Unmatched end tag at byte offset {ByteOffset(start)}, expected \"</{tag.Name}>\", found \"</{name}>\"";
            }

            _open.RemoveAt(_open.Count - 1);
            var length = Plain.Length - tag.Offset;
            if (tag.Name == "code" && tag.Language is not null)
            {
                // The inner code tag only names the language: the pre entity carries it, no separate code entity.
                _open[^1] = _open[^1] with { Language = tag.Language };
            }
            else if (tag.Type is not null && length > 0)
            {
                _entities.Add(new TextEntity(tag.Type, tag.Offset, length)
                {
                    Url = tag.Url,
                    Language = tag.Language,
                    CustomEmojiId = tag.Emoji,
                });
            }

            return null;
        }

        private string? ReadAttributeValue(out string value)
        {
            value = "";
            if (_at >= html.Length)
            {
                return $"Unclosed start tag at byte offset {ByteOffset(_at)}";
            }

            var quote = html[_at];
            var decoded = new StringBuilder();
            if (quote is '"' or '\'')
            {
                _at++;
                while (_at < html.Length && html[_at] != quote)
                {
                    var error = html[_at] == '&' ? Entity(decoded) : AppendTo(decoded);
                    if (error is not null)
                    {
                        return error;
                    }
                }

                if (_at >= html.Length)
                {
                    return $"Unclosed attribute value at byte offset {ByteOffset(_at)}";
                }

                _at++;
            }
            else
            {
                while (_at < html.Length && !char.IsWhiteSpace(html[_at]) && html[_at] != '>')
                {
                    var error = html[_at] == '&' ? Entity(decoded) : AppendTo(decoded);
                    if (error is not null)
                    {
                        return error;
                    }
                }
            }

            value = decoded.ToString();
            return null;
        }

        private string? AppendTo(StringBuilder target)
        {
            target.Append(html[_at]);
            _at++;
            return null;
        }

        private string? Entity(StringBuilder target)
        {
            var start = _at;
            var semicolon = html.IndexOf(';', start);
            var body = semicolon > start ? html[(start + 1)..semicolon] : "";
            if (body.Length == 0 || body.Length > 10 || body.Any(char.IsWhiteSpace))
            {
                return $"Character '&' at byte offset {ByteOffset(start)} must be escaped as \"&amp;\"";
            }

            string? text = body switch
            {
                "lt" => "<",
                "gt" => ">",
                "amp" => "&",
                "quot" => "\"",
                _ when body.StartsWith("#x", StringComparison.OrdinalIgnoreCase) => CodePoint(body[2..], NumberStyles.AllowHexSpecifier),
                _ when body.StartsWith('#') => CodePoint(body[1..], NumberStyles.None),
                _ => null,
            };
            if (text is null)
            {
                return $"Unsupported HTML entity \"&{body};\" at byte offset {ByteOffset(start)}";
            }

            target.Append(text);
            _at = semicolon + 1;
            return null;
        }

        private static string? CodePoint(string digits, NumberStyles style) =>
            int.TryParse(digits, style, CultureInfo.InvariantCulture, out var value)
            && value > 0 && value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF
                ? char.ConvertFromUtf32(value)
                : null;

        private string ReadName()
        {
            var start = _at;
            while (_at < html.Length && (char.IsAsciiLetterOrDigit(html[_at]) || html[_at] is '-' or '_'))
            {
                _at++;
            }

            // Tag and attribute names are case-insensitive in HTML.
            return html[start.._at].ToLowerInvariant();
        }

        private void SkipSpaces()
        {
            while (_at < html.Length && char.IsWhiteSpace(html[_at]))
            {
                _at++;
            }
        }

        // Telegram reports positions as UTF-8 byte offsets into the text it was sent.
        private int ByteOffset(int index) => Encoding.UTF8.GetByteCount(html.AsSpan(0, index));
    }

    private sealed record OpenTag(string Name, string? Type, int Offset, string? Url, string? Language, string? Emoji);
}
