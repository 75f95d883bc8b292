using System.Globalization;

namespace TdktBot.Core.Calendar;

/// <summary>The first day of the lunar year (mùng 1 Tết Nguyên Đán) as kept in Vietnam.</summary>
public static class LunarNewYear
{
    // Checked against the published Vietnamese calendars. Vietnam reckons the lunar calendar at UTC+7 and China at
    // UTC+8; in these years the two fall on the same day.
    private static readonly Dictionary<int, DateOnly> Known = new()
    {
        [2024] = new(2024, 2, 10),
        [2025] = new(2025, 1, 29),
        [2026] = new(2026, 2, 17),
        [2027] = new(2027, 2, 6),
        [2028] = new(2028, 1, 26),
        [2029] = new(2029, 2, 13),
        [2030] = new(2030, 2, 3),
        [2031] = new(2031, 1, 23),
        [2032] = new(2032, 2, 11),
        [2033] = new(2033, 1, 31),
        [2034] = new(2034, 2, 19),
        [2035] = new(2035, 2, 8),
        [2036] = new(2036, 1, 28),
        [2037] = new(2037, 2, 15),
        [2038] = new(2038, 2, 4),
        [2039] = new(2039, 1, 24),
        [2040] = new(2040, 2, 12),
    };

    private static readonly ChineseLunisolarCalendar Lunisolar = new();

    /// <summary>
    /// Tết of the Gregorian <paramref name="year"/>. Outside the bundled years it is computed from the Chinese
    /// lunisolar calendar, which may be a day off in the rare years when the two reckonings differ.
    /// </summary>
    public static DateOnly In(int year) =>
        Known.TryGetValue(year, out var day) ? day : DateOnly.FromDateTime(Lunisolar.ToDateTime(year, 1, 1, 0, 0, 0, 0));

    /// <summary>The next Tết on or after <paramref name="today"/>.</summary>
    public static DateOnly OnOrAfter(DateOnly today) => In(today.Year) is var tet && tet >= today ? tet : In(today.Year + 1);
}
