using System.Globalization;
using System.Text;

namespace TdktBot.Core.Text;

/// <summary>
/// Folding of Vietnamese text for matching: people type with or without diacritics, in any case,
/// with "–" or "-" alike, so every comparison goes through <see cref="Fold"/>.
/// </summary>
public static class VietnameseText
{
    /// <summary>Lower-case ASCII letters and digits separated by single spaces ("Phòng Văn hóa – Xã hội" → "phong van hoa xa hoi").</summary>
    public static string Fold(string? text)
    {
        var stripped = StripMarks(text);
        var sb = new StringBuilder(stripped.Length);
        var pendingSpace = false;
        foreach (var folded in stripped)
        {
            if (folded == '&')
            {
                // "GD&ĐT" is written for "GD và ĐT".
                sb.Append(sb.Length > 0 ? " va" : "va");
                pendingSpace = true;
                continue;
            }

            // Letters outside Vietnamese's alphabet are kept so that foreign names still compare.
            if (folded is >= '0' and <= '9' || char.IsLetter(folded))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(folded);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Lower-case without diacritics, every other character kept in place ("Trước ngày 30/01" → "truoc ngay 30/01").</summary>
    public static string StripMarks(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            sb.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    /// <summary>Collapses runs of white space (including non-breaking spaces) to one space and trims.</summary>
    public static string Squash(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u200B' || ch == '\uFEFF')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(ch);
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Classic edit distance, used for small typos in unit names ("VHXXH" for "VHXH").</summary>
    public static int EditDistance(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
