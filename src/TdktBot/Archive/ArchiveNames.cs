using System.Globalization;
using System.Text;

namespace TdktBot.Archive;

/// <summary>
/// Where a submitted file goes: <c>&lt;year&gt;/&lt;item&gt;/&lt;unit&gt; - &lt;yyyy-MM-dd HHmm&gt;.&lt;ext&gt;</c> under the archive folder,
/// built only from the plan's year, the item's number, the unit's name and the time; nothing of the sender's file name
/// becomes a path but its extension, and only one of a short list. Each part is cleaned for every common file system:
/// no separators, control or bidirectional-override characters, no name Windows reserves, no trailing dot or space,
/// at most 150 bytes.
/// </summary>
public static class ArchiveNames
{
    // In UTF-8 bytes: with the time and extension a file's name stays well under the 255 bytes file systems allow.
    private const int MaxPartBytes = 150;

    // What offices send: documents, spreadsheets, scans and photos, archives of them.
    private static readonly HashSet<string> Extensions = new(StringComparer.Ordinal)
    {
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".heic", ".webp", ".zip", ".rar", ".7z", ".txt",
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The file's path relative to the archive folder, with '/' between folders.</summary>
    public static string For(int year, string item, string unit, DateTime localTime, string? originalName) =>
        string.Join('/', year.ToString(CultureInfo.InvariantCulture), Part(item, "muc"),
            $"{Part(unit, "don-vi")} - {localTime.ToString("yyyy-MM-dd HHmm", CultureInfo.InvariantCulture)}{Extension(originalName)}");

    /// <summary>The same path with " (2)", " (3)"… before the extension, for a second file in the same minute.</summary>
    public static string Numbered(string path, int number) =>
        number <= 1 ? path : path.Insert(path.Length - System.IO.Path.GetExtension(path).Length, $" ({number.ToString(CultureInfo.InvariantCulture)})");

    /// <summary>One allowed extension (lower case) of <paramref name="originalName"/>, else ".bin".</summary>
    public static string Extension(string? originalName)
    {
        var cleaned = Clean(originalName ?? string.Empty);
        var dot = cleaned.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : cleaned[dot..].ToLowerInvariant();
        return Extensions.Contains(extension) ? extension : ".bin";
    }

    /// <summary><paramref name="text"/> as one safe path part, or <paramref name="fallback"/> when nothing of it is left.</summary>
    public static string Part(string text, string fallback)
    {
        var cleaned = Clean(text).Replace('.', ' ').Trim();
        while (cleaned.Contains("  ", StringComparison.Ordinal))
        {
            cleaned = cleaned.Replace("  ", " ", StringComparison.Ordinal);
        }

        while (Encoding.UTF8.GetByteCount(cleaned) > MaxPartBytes)
        {
            cleaned = cleaned[..^1].TrimEnd();
        }

        return cleaned.Length == 0 || Reserved.Contains(cleaned) || Reserved.Contains(cleaned.Split(' ')[0]) ? fallback + (cleaned.Length == 0 ? string.Empty : " " + cleaned) : cleaned;
    }

    /// <summary>A sender's file name as it may be shown: controls and direction overrides gone, at most 80 characters.</summary>
    public static string Shown(string originalName) => Core.Text.VietnameseFormat.Shorten(Clean(originalName).Trim(), 80);

    // Letters, digits, marks, spaces and a few harmless signs; everything else (separators, controls, format characters
    // such as U+202E, wildcards, quotes) becomes a space. Composed, so "ệ" is one character everywhere.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            var keep = char.IsLetterOrDigit(c) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                || c is ' ' or '-' or '_' or '.' or '(' or ')' or ',';
            builder.Append(keep ? c : ' ');
        }

        return builder.ToString();
    }
}
