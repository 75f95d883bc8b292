using System.Globalization;
using System.Text.RegularExpressions;
using TdktBot.Core.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Core.Importing;

/// <summary>A row of a plan table that opens a quarter ("QUÝ II", "II. Quý 2") or a month ("Tháng 6 năm 2026").</summary>
internal sealed partial record SectionHeading(int Quarter, int? Month)
{
    /// <summary>The heading <paramref name="text"/> is, or null.</summary>
    /// <param name="alone">Only the heading and its year, nothing after them: a line of text that stands for a whole row.</param>
    public static SectionHeading? Read(string text, bool alone = false)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length > 40)
        {
            return null;
        }

        if (QuarterHeading().Match(folded) is { Success: true } q && (!alone || YearOnly().IsMatch(q.Groups["rest"].Value)))
        {
            return Plans.Quarter.Parse(q.Groups["q"].Value) is { } quarter ? new SectionHeading(quarter, null) : null;
        }

        if (MonthHeading().Match(folded) is { Success: true } m && int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month)
        {
            return new SectionHeading(((month - 1) / 3) + 1, month);
        }

        return null;
    }

    [GeneratedRegex(@"^(?:[ivx]+\s+|[a-d]\s+)?qu[yi]\s+(?<q>iv|iii|ii|i|[1-4])\b(?<rest>.*)$")]
    private static partial Regex QuarterHeading();

    [GeneratedRegex(@"^thang\s+(?<m>[0-9]{1,2})(?:\s+nam\s+[0-9]{4}|\s*[0-9]{4})?$")]
    private static partial Regex MonthHeading();

    [GeneratedRegex(@"^(?:\s+nam)?(?:\s+[0-9]{4})?$")]
    private static partial Regex YearOnly();
}
