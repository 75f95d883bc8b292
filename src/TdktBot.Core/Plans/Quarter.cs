namespace TdktBot.Core.Plans;

public static class Quarter
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    public static int Of(DateOnly date) => ((date.Month - 1) / 3) + 1;

    public static DateOnly FirstDay(int year, int quarter) => new(year, ((quarter - 1) * 3) + 1, 1);

    public static DateOnly LastDay(int year, int quarter) => FirstDay(year, quarter).AddMonths(3).AddDays(-1);

    public static string ToRoman(int quarter) => Roman[quarter - 1];

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
