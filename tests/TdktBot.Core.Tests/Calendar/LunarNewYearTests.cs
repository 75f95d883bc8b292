using TdktBot.Core.Calendar;
using static TdktBot.Core.Tests.Calendar.Calendars;

namespace TdktBot.Core.Tests.Calendar;

public sealed class LunarNewYearTests
{
    // Days as the Vietnamese calendar prints them, from the bundled years.
    [Theory]
    [InlineData(2026, 2, 17)]
    [InlineData(2027, 2, 6)]
    [InlineData(2028, 1, 26)]
    [InlineData(2030, 2, 3)]
    public void Tet_falls_on_the_day_of_the_vietnamese_calendar(int year, int month, int day) =>
        Assert.Equal(D(year, month, day), LunarNewYear.In(year));

    // Outside the bundled years the day is computed: the first day of the lunisolar year.
    [Fact]
    public void Tet_outside_the_bundled_years_is_computed() => Assert.Equal(D(2045, 2, 17), LunarNewYear.In(2045));

    [Theory]
    [InlineData(2026, 1, 5, 2026, 2, 17)]
    [InlineData(2026, 2, 17, 2026, 2, 17)]
    [InlineData(2026, 2, 18, 2027, 2, 6)]
    [InlineData(2026, 12, 28, 2027, 2, 6)]
    public void The_next_tet_is_this_years_until_it_has_passed(int year, int month, int day, int tetYear, int tetMonth, int tetDay) =>
        Assert.Equal(D(tetYear, tetMonth, tetDay), LunarNewYear.OnOrAfter(D(year, month, day)));
}
