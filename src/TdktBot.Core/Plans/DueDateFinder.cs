using System.Text.RegularExpressions;
using TdktBot.Core.Text;

namespace TdktBot.Core.Plans;

/// <summary>A date written in a plan: "trước ngày 30/01/2026", "ngày 20 tháng 12 năm 2027", "trong tháng 6/2027".</summary>
/// <param name="Date">The date meant, or null when the text names a day that does not exist.</param>
/// <param name="Marked">Whether a deadline word stands before it ("trước", "chậm nhất", "hạn"…).</param>
/// <param name="Text">The words as written, for messages.</param>
/// <param name="Error">Why the date is impossible, in Vietnamese.</param>
public sealed record DateMention(DateOnly? Date, bool Marked, string Text, string? Error);

/// <summary>Finds due dates in Vietnamese administrative text.</summary>
public static partial class DueDateFinder
{
    /// <summary>All dates mentioned in <paramref name="text"/>, in order.</summary>
    /// <param name="defaultYear">Year for dates written without one ("trước ngày 30/01"), or null to ignore those.</param>
    /// <param name="isTimeColumn">True for a table's time column (Thời gian), where "Tháng 3" or "Quý II" alone is a due date.</param>
    public static IReadOnlyList<DateMention> Find(string? text, int? defaultYear = null, bool isTimeColumn = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        // Removing diacritics keeps one character per character for composed Vietnamese letters,
        // so match positions map back onto the original text; otherwise quote the plain form.
        var composed = text.Normalize(System.Text.NormalizationForm.FormC);
        var plain = VietnameseText.StripMarks(composed);
        var original = plain.Length == composed.Length ? composed : plain;

        var found = new List<(int Index, DateMention Mention)>();
        var taken = new bool[plain.Length];

        // Earlier patterns win: a span one of them took is not read again by a looser one.
        void Scan(Regex pattern, Func<Match, string, DateMention?> read)
        {
            foreach (Match m in pattern.Matches(plain))
            {
                var span = taken.AsSpan(m.Index, m.Length);
                if (!span.Contains(true) && read(m, original.Substring(m.Index, m.Length)) is { } mention)
                {
                    span.Fill(true);
                    found.Add((m.Index, mention));
                }
            }
        }

        Scan(WordyDate(), (m, written) => Build(Int(m, "d"), Int(m, "m"), Int(m, "y"), written));
        Scan(NumericDate(), (m, written) => IsDocumentReference(plain, m.Index) ? null : Build(Int(m, "d"), Int(m, "m"), Int(m, "y"), written));
        Scan(MonthOfYear(), (m, written) => EndOfMonth(Int(m, "m"), Int(m, "y"), written));
        if (defaultYear is { } year)
        {
            Scan(DayMonthAfterMarker(), (m, written) => Build(Int(m, "d"), Int(m, "m"), year, written));
            Scan(MonthAfterMarker(), (m, written) => EndOfMonth(Int(m, "m"), year, written));
            if (isTimeColumn)
            {
                Scan(BareDayMonth(), (m, written) => Build(Int(m, "d"), Int(m, "m"), year, written));
                Scan(BareMonth(), (m, written) => EndOfMonth(Int(m, "m"), year, written));
                Scan(BareQuarter(), (m, written) => Quarter.Parse(m.Groups["q"].Value) is { } quarter
                    ? new DateMention(Quarter.LastDay(year, quarter), false, written, null)
                    : null);
            }
        }

        return found.OrderBy(f => f.Index).Select(f => f.Mention with { Marked = f.Mention.Marked || IsMarked(plain, f.Index) }).ToList();
    }

    /// <summary>The due date a text gives: the first valid date behind a deadline word, else the first valid date.</summary>
    public static DateMention? PickDue(IEnumerable<DateMention> mentions)
    {
        var valid = mentions.Where(m => m.Date is not null).ToList();
        return valid.FirstOrDefault(m => m.Marked) ?? valid.FirstOrDefault();
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);

    private static DateMention Build(int day, int month, int year, string text)
    {
        if (month is < 1 or > 12)
        {
            return new DateMention(null, false, text, $"«{text}»: không có tháng {month}.");
        }

        if (year is < 1900 or > 2200)
        {
            return new DateMention(null, false, text, $"«{text}»: năm {year} không hợp lệ.");
        }

        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            return new DateMention(null, false, text, $"«{text}»: ngày {day:00}/{month:00}/{year} không có thật (tháng {month} năm {year} có {days} ngày).");
        }

        return new DateMention(new DateOnly(year, month, day), false, text, null);
    }

    private static DateMention EndOfMonth(int month, int year, string text)
    {
        if (month is < 1 or > 12)
        {
            return new DateMention(null, false, text, $"«{text}»: không có tháng {month}.");
        }

        return new DateMention(new DateOnly(year, month, DateTime.DaysInMonth(year, month)), false, text, null);
    }

    /// <summary>"Kế hoạch số 01/KH-UBND ngày 04/01/2026" cites another document; that date is not a deadline.</summary>
    private static bool IsDocumentReference(string plain, int index)
    {
        var start = Math.Max(0, index - 40);
        return DocumentReferenceBefore().IsMatch(plain.AsSpan(start, index - start).ToString());
    }

    private static bool IsMarked(string plain, int index)
    {
        var start = Math.Max(0, index - 30);
        return MarkerBefore().IsMatch(plain.AsSpan(start, index - start).ToString());
    }

    [GeneratedRegex(@"ngay\s+(?<d>[0-9]{1,2})\s+thang\s+(?<m>[0-9]{1,2})\s+nam\s+(?<y>[0-9]{4})")]
    private static partial Regex WordyDate();

    [GeneratedRegex(@"(?<![0-9/.\-])(?<d>[0-9]{1,2})\s?[/.\-]\s?(?<m>[0-9]{1,2})\s?[/.\-]\s?(?<y>[0-9]{4})(?![0-9])")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"thang\s+(?<m>[0-9]{1,2})(?:\s*[/.\-]\s*|\s+nam\s+)(?<y>[0-9]{4})(?![0-9])")]
    private static partial Regex MonthOfYear();

    [GeneratedRegex(@"(?:truoc|cham nhat|han|den|khong qua|trong)\s+(?:ngay\s+)?(?<d>[0-9]{1,2})\s?[/.\-]\s?(?<m>[0-9]{1,2})(?![0-9/.\-])")]
    private static partial Regex DayMonthAfterMarker();

    [GeneratedRegex(@"(?:trong|truoc|cuoi|het|den)\s+thang\s+(?<m>[0-9]{1,2})(?![0-9/.\-])")]
    private static partial Regex MonthAfterMarker();

    [GeneratedRegex(@"(?<![0-9/.\-])(?<d>[0-9]{1,2})\s?[/.\-]\s?(?<m>[0-9]{1,2})(?![0-9/.\-])")]
    private static partial Regex BareDayMonth();

    [GeneratedRegex(@"thang\s+(?<m>[0-9]{1,2})(?![0-9/.\-])")]
    private static partial Regex BareMonth();

    [GeneratedRegex(@"quy\s+(?<q>iv|iii|ii|i|[1-4])\b")]
    private static partial Regex BareQuarter();

    [GeneratedRegex(@"so\s+\S+\s+ngay\s*$")]
    private static partial Regex DocumentReferenceBefore();

    [GeneratedRegex(@"(truoc|cham nhat|han|hoan thanh|den|khong qua|trong|cuoi|het)\s+(ngay\s+)?(thang\s+)?$")]
    private static partial Regex MarkerBefore();
}
