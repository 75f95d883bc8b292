using TdktBot.Core.Calendar;
using static TdktBot.Core.Tests.Calendar.Calendars;

namespace TdktBot.Core.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData(2026, 2, 14, "Tết Nguyên Đán")]
    [InlineData(2026, 2, 16, "Tết Nguyên Đán")]
    [InlineData(2026, 2, 17, "Tết Nguyên Đán")]
    [InlineData(2026, 2, 18, "Tết Nguyên Đán")]
    [InlineData(2026, 2, 19, "Tết Nguyên Đán")]
    [InlineData(2026, 2, 20, "Tết Nguyên Đán")]
    [InlineData(2026, 2, 22, "Tết Nguyên Đán")]
    [InlineData(2026, 1, 1, "Tết Dương lịch")]
    [InlineData(2026, 4, 26, "Giỗ Tổ Hùng Vương")]
    [InlineData(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương")]
    [InlineData(2026, 4, 30, "Ngày Chiến thắng")]
    [InlineData(2026, 5, 1, "Ngày Quốc tế Lao động")]
    [InlineData(2026, 9, 1, "Nghỉ lễ Quốc khánh")]
    [InlineData(2026, 9, 2, "Quốc khánh")]
    [InlineData(2026, 1, 3, "Thứ Bảy")]
    [InlineData(2026, 1, 4, "Chủ Nhật")]
    public void Days_off_of_2026_carry_their_name(int year, int month, int day, string name)
    {
        var date = D(year, month, day);

        Assert.False(Year2026.IsWorkingDay(date));
        Assert.Equal(name, Year2026.DayOffName(date));
    }

    [Theory]
    [InlineData(2026, 1, 2)]
    [InlineData(2026, 2, 13)]
    [InlineData(2026, 2, 23)]
    [InlineData(2026, 4, 24)]
    [InlineData(2026, 4, 28)]
    [InlineData(2026, 4, 29)]
    [InlineData(2026, 5, 4)]
    [InlineData(2026, 8, 31)]
    [InlineData(2026, 9, 3)]
    public void Ordinary_weekdays_of_2026_are_working_days(int year, int month, int day)
    {
        var date = D(year, month, day);

        Assert.True(Year2026.IsWorkingDay(date));
        Assert.Null(Year2026.DayOffName(date));
    }

    [Fact]
    public void Fixed_holidays_are_off_every_year_without_configuration()
    {
        foreach (var year in new[] { 2025, 2026, 2027, 2030 })
        {
            Assert.Equal("Tết Dương lịch", WorkingCalendar.WeekendsOnly.DayOffName(D(year, 1, 1)));
            Assert.Equal("Ngày Chiến thắng", WorkingCalendar.WeekendsOnly.DayOffName(D(year, 4, 30)));
            Assert.Equal("Ngày Quốc tế Lao động", WorkingCalendar.WeekendsOnly.DayOffName(D(year, 5, 1)));
            Assert.Equal("Quốc khánh", WorkingCalendar.WeekendsOnly.DayOffName(D(year, 9, 2)));
        }
    }

    [Fact]
    public void Lunar_holidays_come_only_from_configuration()
    {
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(D(2026, 2, 17)));
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(D(2026, 4, 27)));
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(D(2026, 9, 1)));
    }

    [Fact]
    public void A_fixed_holiday_on_a_weekend_gives_the_next_working_day_off()
    {
        var calendar = WorkingCalendar.WeekendsOnly;

        // 1/1/2028 is a Saturday.
        Assert.Equal("Tết Dương lịch", calendar.DayOffName(D(2028, 1, 1)));
        Assert.Equal("Chủ Nhật", calendar.DayOffName(D(2028, 1, 2)));
        Assert.Equal("Nghỉ bù Tết Dương lịch", calendar.DayOffName(D(2028, 1, 3)));
        Assert.True(calendar.IsWorkingDay(D(2028, 1, 4)));

        // 2/9/2029 is a Sunday.
        Assert.Equal("Nghỉ bù Quốc khánh", calendar.DayOffName(D(2029, 9, 3)));
        Assert.True(calendar.IsWorkingDay(D(2029, 9, 4)));
    }

    [Fact]
    public void Thirty_April_and_first_May_both_on_a_weekend_give_two_compensation_days()
    {
        // 2022: 30/4 Saturday, 1/5 Sunday, compensated on Monday 2/5 and Tuesday 3/5.
        var calendar = WorkingCalendar.WeekendsOnly;

        Assert.Equal("Nghỉ bù Ngày Chiến thắng", calendar.DayOffName(D(2022, 5, 2)));
        Assert.Equal("Nghỉ bù Ngày Quốc tế Lao động", calendar.DayOffName(D(2022, 5, 3)));
        Assert.True(calendar.IsWorkingDay(D(2022, 5, 4)));
    }

    [Fact]
    public void Compensation_skips_a_configured_day_off()
    {
        // 2/9/2029 is a Sunday; had the Government made Monday 3/9 the day next to Quốc khánh,
        // the compensation would move to Tuesday.
        var calendar = new WorkingCalendar([new DayOff(D(2029, 9, 3), D(2029, 9, 3), "Nghỉ lễ Quốc khánh")]);

        Assert.Equal("Nghỉ lễ Quốc khánh", calendar.DayOffName(D(2029, 9, 3)));
        Assert.Equal("Nghỉ bù Quốc khánh", calendar.DayOffName(D(2029, 9, 4)));
        Assert.True(calendar.IsWorkingDay(D(2029, 9, 5)));
    }

    [Fact]
    public void An_extra_working_day_overrides_the_weekend_and_holidays()
    {
        var saturday = D(2026, 1, 10);
        var calendar = new WorkingCalendar(
            [new DayOff(D(2026, 1, 2), D(2026, 1, 2), "Nghỉ Tết Dương lịch")],
            [saturday, D(2026, 9, 2)]);

        Assert.True(calendar.IsWorkingDay(saturday));
        Assert.Null(calendar.DayOffName(saturday));
        Assert.False(calendar.IsWorkingDay(D(2026, 1, 11)));
        Assert.False(calendar.IsWorkingDay(D(2026, 1, 2)));
        Assert.True(calendar.IsWorkingDay(D(2026, 9, 2)));
        Assert.Equal(D(2026, 1, 10), calendar.AddWorkingDays(D(2026, 1, 9), 1));
    }

    [Fact]
    public void Moves_to_the_closest_working_day_around_Tet()
    {
        Assert.Equal(D(2026, 2, 13), Year2026.OnOrBefore(D(2026, 2, 18)));
        Assert.Equal(D(2026, 2, 23), Year2026.OnOrAfter(D(2026, 2, 18)));
        Assert.Equal(D(2026, 2, 13), Year2026.OnOrBefore(D(2026, 2, 13)));
        Assert.Equal(D(2026, 2, 23), Year2026.OnOrAfter(D(2026, 2, 23)));
    }

    [Fact]
    public void Counts_working_days_strictly_after_the_day()
    {
        Assert.Equal(D(2026, 2, 12), Year2026.AddWorkingDays(D(2026, 2, 12), 0));
        Assert.Equal(D(2026, 2, 13), Year2026.AddWorkingDays(D(2026, 2, 12), 1));
        Assert.Equal(D(2026, 2, 23), Year2026.AddWorkingDays(D(2026, 2, 12), 2));
        Assert.Equal(D(2026, 2, 23), Year2026.AddWorkingDays(D(2026, 2, 15), 1));
        Assert.Equal(D(2026, 4, 28), Year2026.AddWorkingDays(D(2026, 4, 24), 1));
        Assert.Equal(D(2026, 5, 4), Year2026.AddWorkingDays(D(2026, 4, 29), 1));
        // Across the new year: Friday 1/1/2027 is a holiday, then the weekend.
        Assert.Equal(D(2027, 1, 4), Year2026.AddWorkingDays(D(2026, 12, 31), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Year2026.AddWorkingDays(D(2026, 2, 12), -1));
    }

    [Fact]
    public void Refuses_a_day_off_that_ends_before_it_starts()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new WorkingCalendar([new DayOff(D(2026, 2, 22), D(2026, 2, 14), "Tết Nguyên Đán")]));

        Assert.Equal("daysOff", error.ParamName);
        Assert.Contains("«Tết Nguyên Đán»", error.Message, StringComparison.Ordinal);
        Assert.Contains("22/02/2026", error.Message, StringComparison.Ordinal);
        Assert.Contains("14/02/2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_day_off_without_a_name_or_a_missing_entry()
    {
        var unnamed = Assert.Throws<ArgumentException>(() =>
            new WorkingCalendar([new DayOff(D(2026, 2, 14), D(2026, 2, 22), " ")]));
        var missing = Assert.Throws<ArgumentException>(() => new WorkingCalendar([null!]));

        Assert.Contains("chưa có tên", unnamed.Message, StringComparison.Ordinal);
        Assert.Contains("mục trống", missing.Message, StringComparison.Ordinal);
    }
}
