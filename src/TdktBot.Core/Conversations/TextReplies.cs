using System.Text.RegularExpressions;

namespace TdktBot.Core.Conversations;

/// <summary>
/// How choices read on a messenger without buttons (Zalo): each becomes a short reply to type, "Trả lời: NOP 3 để xác
/// nhận đã nộp nhiệm vụ 3". A choice's command is ordinary text the bot understands, so the same reply works typed on
/// every messenger.
/// </summary>
public static partial class TextReplies
{
    /// <summary>The message followed by one line per choice, after a blank line.</summary>
    public static string Render(string text, IEnumerable<(string Label, string Command)> choices)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = choices.Select(c => Line(c.Label, c.Command)).ToList();
        return lines.Count == 0 ? text : text + "\n\n" + string.Join('\n', lines);
    }

    /// <summary>One choice as a reply to type, saying what it does.</summary>
    public static string Line(string label, string command)
    {
        var words = command.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var purpose = (words.FirstOrDefault()?.ToUpperInvariant(), words.ElementAtOrDefault(1)) switch
        {
            ("NOP", { } number) => $"xác nhận đã nộp {(number.All(char.IsAsciiDigit) ? "nhiệm vụ" : "mục")} {number}",
            ("GUI", _) => "gửi tin phát động",
            ("HUYGUI", _) => "hủy tin phát động",
            _ => $"chọn «{Plain(label)}»",
        };
        return $"Trả lời: {command} để {purpose}";
    }

    /// <summary>A button's label without the emoji in front, which reads oddly inside a sentence.</summary>
    private static string Plain(string label) => LeadingSymbols().Replace(label, string.Empty).Trim() is { Length: > 0 } plain ? plain : label.Trim();

    [GeneratedRegex(@"^[^\p{L}\p{N}]+")]
    private static partial Regex LeadingSymbols();
}
