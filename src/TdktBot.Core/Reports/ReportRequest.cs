using System.Globalization;
using System.Text.RegularExpressions;
using TdktBot.Core.Text;

namespace TdktBot.Core.Reports;

/// <summary>
/// What "/baocao" asks for, read from the words after it: nothing or "cả năm" for the year, "quý 2" (or "q2", "quy 2")
/// for a quarter, "D1" or a task's number ("3", "nv 3") for one item; anything else is told back with the forms to use.
/// </summary>
public static partial class ReportRequest
{
    public const string Usage = "Gõ /baocao (cả năm), /baocao quý 1, /baocao D1 hoặc /baocao 3 (nhiệm vụ số 3).";

    public static (int? Quarter, string? Item, string? Problem) Read(string? words)
    {
        var folded = VietnameseText.Fold(words).Trim();
        if (folded.Length == 0 || YearWords().IsMatch(folded))
        {
            return (null, null, null);
        }

        if (QuarterWords().Match(folded) is { Success: true } quarter)
        {
            var n = int.Parse(quarter.Groups[1].Value, CultureInfo.InvariantCulture);
            return n is >= 1 and <= 4 ? (n, null, null) : (null, null, $"Không có quý {n}: chỉ có quý 1 đến quý 4. {Usage}");
        }

        if (ItemOf(folded) is { } item)
        {
            return (null, item, null);
        }

        return (null, null, $"Chưa hiểu phạm vi báo cáo «{words?.Trim()}». {Usage}");
    }

    /// <summary>One item named as "D1", "d 1", "3", "nv 3" or "nhiệm vụ 3", as the plan numbers it ("D1", "3"); else null.</summary>
    public static string? ItemOf(string? words) =>
        ItemWords().Match(VietnameseText.Fold(words).Trim()) is { Success: true } item
            ? item.Groups["deadline"].Success ? "D" + item.Groups["deadline"].Value : item.Groups["task"].Value
            : null;

    [GeneratedRegex(@"^(ca nam|nam nay|ca nam nay|nam)$")]
    private static partial Regex YearWords();

    [GeneratedRegex(@"^(?:quy|q)\s*(\d+)$")]
    private static partial Regex QuarterWords();

    [GeneratedRegex(@"^(?:d\s*(?<deadline>\d+)|(?:nhiem vu|nv|so)?\s*(?<task>\d+))$")]
    private static partial Regex ItemWords();
}
