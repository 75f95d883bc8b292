using System.Collections.Concurrent;
using TdktBot.Core.Text;

namespace TdktBot.Core.Calendar;

/// <summary>A configured span of official days off (inclusive), e.g. Tết.</summary>
public sealed record DayOff(DateOnly From, DateOnly To, string Name);

/// <summary>
/// Which days the commune's offices work: Monday to Friday, less the statutory holidays, the configured
/// days off and compensation days, plus the weekend days the Government swaps into working days.
/// </summary>
public sealed class WorkingCalendar
{
    // Solar holidays fixed by the Labour Code; lunar ones (Tết, Giỗ Tổ Hùng Vương) move every year and
    // come from configuration.
    private static readonly (int Month, int Day, string Name)[] FixedHolidays =
    [
        (1, 1, "Tết Dương lịch"),
        (4, 30, "Ngày Chiến thắng"),
        (5, 1, "Ngày Quốc tế Lao động"),
        (9, 2, "Quốc khánh"),
    ];

    private readonly DayOff[] _daysOff;
    private readonly HashSet<DateOnly> _extraWorkingDays;
    private readonly ConcurrentDictionary<int, Dictionary<DateOnly, string>> _compensationByYear = new();

    /// <summary>Creates a calendar from the year's official announcements.</summary>
    /// <param name="daysOff">
    /// The official days off that move from year to year: Tết, Giỗ Tổ Hùng Vương and its compensation day,
    /// the day next to Quốc khánh. The fixed holidays (1/1, 30/4, 1/5, 2/9) and their compensation days are
    /// built in and must not be listed again, or their compensation would be given twice.
    /// </param>
    /// <param name="extraWorkingDays">Weekend days the Government swaps into working days; they override everything.</param>
    /// <exception cref="ArgumentException">A day off ends before it starts or has no name.</exception>
    public WorkingCalendar(IEnumerable<DayOff> daysOff, IEnumerable<DateOnly>? extraWorkingDays = null)
    {
        _daysOff = [.. daysOff];
        foreach (var dayOff in _daysOff)
        {
            if (dayOff is null)
            {
                throw new ArgumentException("Danh sách ngày nghỉ có một mục trống.", nameof(daysOff));
            }

            if (string.IsNullOrWhiteSpace(dayOff.Name))
            {
                throw new ArgumentException(
                    $"Ngày nghỉ từ {VietnameseFormat.Date(dayOff.From)} đến {VietnameseFormat.Date(dayOff.To)} chưa có tên.",
                    nameof(daysOff));
            }

            if (dayOff.From > dayOff.To)
            {
                throw new ArgumentException(
                    $"Ngày nghỉ «{dayOff.Name}»: ngày bắt đầu {VietnameseFormat.Date(dayOff.From)} "
                    + $"sau ngày kết thúc {VietnameseFormat.Date(dayOff.To)}.",
                    nameof(daysOff));
            }
        }

        _extraWorkingDays = [.. extraWorkingDays ?? []];
    }

    /// <summary>Weekends and the fixed statutory holidays with their compensation days, nothing configured.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly day) => DayOffName(day) is null;

    /// <summary>Why <paramref name="day"/> is off: the holiday's name, or "Thứ Bảy"/"Chủ Nhật"; null on working days.</summary>
    public string? DayOffName(DateOnly day)
    {
        if (_extraWorkingDays.Contains(day))
        {
            return null;
        }

        return HolidayName(day) ?? (IsWeekend(day) ? VietnameseFormat.Weekday(day.DayOfWeek) : null);
    }

    /// <summary>The day itself if it is a working day, else the closest working day before it.</summary>
    public DateOnly OnOrBefore(DateOnly day) => FirstWorkingDay(day, -1);

    /// <summary>The day itself if it is a working day, else the closest working day after it.</summary>
    public DateOnly OnOrAfter(DateOnly day) => FirstWorkingDay(day, 1);

    /// <summary>The <paramref name="count"/>-th working day strictly after <paramref name="day"/>; the day itself for 0.</summary>
    public DateOnly AddWorkingDays(DateOnly day, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);

        for (var found = 0; found < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                found++;
            }
        }

        return day;
    }

    private DateOnly FirstWorkingDay(DateOnly day, int step)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(step);
        }

        return day;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string? FixedHolidayName(DateOnly day) =>
        FixedHolidays.FirstOrDefault(h => h.Month == day.Month && h.Day == day.Day).Name;

    private string? HolidayName(DateOnly day) =>
        FixedHolidayName(day)
        ?? ConfiguredName(day)
        ?? _compensationByYear.GetOrAdd(day.Year, CompensationDays).GetValueOrDefault(day);

    private string? ConfiguredName(DateOnly day) =>
        _daysOff.FirstOrDefault(d => d.From <= day && day <= d.To)?.Name;

    // A fixed holiday on a weekend gives the next working day off (Labour Code art. 111). When 30/4 and
    // 1/5 both fall on a weekend they give two days, so each compensation skips the ones already given.
    // The last fixed holiday is 2/9, so compensation never spills into the next year.
    private Dictionary<DateOnly, string> CompensationDays(int year)
    {
        var days = new Dictionary<DateOnly, string>();
        foreach (var (month, dayOfMonth, name) in FixedHolidays)
        {
            var holiday = new DateOnly(year, month, dayOfMonth);
            if (!IsWeekend(holiday))
            {
                continue;
            }

            var compensation = holiday.AddDays(1);
            while (IsWeekend(compensation) || FixedHolidayName(compensation) is not null
                   || ConfiguredName(compensation) is not null || days.ContainsKey(compensation))
            {
                compensation = compensation.AddDays(1);
            }

            days[compensation] = $"Nghỉ bù {name}";
        }

        return days;
    }
}
