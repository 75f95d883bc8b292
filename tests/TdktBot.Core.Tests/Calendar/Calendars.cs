using TdktBot.Core.Calendar;

namespace TdktBot.Core.Tests.Calendar;

/// <summary>The 2026 official days off as announced, the way the office configures them.</summary>
internal static class Calendars
{
    public static WorkingCalendar Year2026 { get; } = new(
    [
        new DayOff(D(2026, 2, 14), D(2026, 2, 22), "Tết Nguyên Đán"),
        new DayOff(D(2026, 4, 26), D(2026, 4, 26), "Giỗ Tổ Hùng Vương"),
        new DayOff(D(2026, 4, 27), D(2026, 4, 27), "Nghỉ bù Giỗ Tổ Hùng Vương"),
        new DayOff(D(2026, 9, 1), D(2026, 9, 1), "Nghỉ lễ Quốc khánh"),
    ]);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static bool InTet2026(DateOnly day) => day >= D(2026, 2, 14) && day <= D(2026, 2, 22);
}
