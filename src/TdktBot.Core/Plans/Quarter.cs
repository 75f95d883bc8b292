using Humanizer;

namespace TdktBot.Core.Plans;

public static class Quarter
{
    public static int Of(DateOnly date) => ((date.Month - 1) / 3) + 1;

    public static DateOnly LastDay(int year, int quarter) => new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);

    public static string ToRoman(int quarter) => quarter.ToRoman();

    /// <summary>Reads "I".."IV" or "1".."4".</summary>
    public static int? Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "I" or "1" => 1,
        "II" or "2" => 2,
        "III" or "3" => 3,
        "IV" or "4" => 4,
        _ => null,
    };
}
