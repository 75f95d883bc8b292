using TdktBot.Core.Calendar;
using TdktBot.Core.Reminders;

namespace TdktBot.Reminders;

/// <summary>The reminder policy (section "Reminders"); defaults are the commune's agreed habits.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Calendar days before the due date; 0 is the day itself.</summary>
    public List<int> DaysBefore { get; set; } = [7, 3, 1, 0];

    /// <summary>Overdue notices to a unit still pending, in working days after the due date.</summary>
    public List<int> OverdueWorkingDays { get; set; } = [1, 3];

    /// <summary>When the office is told who is late, in working days after the due date.</summary>
    public int EscalationWorkingDays { get; set; } = 1;

    /// <summary>Local time of day of every reminder ("08:00").</summary>
    public TimeOnly At { get; set; } = new(8, 0);

    /// <summary>Local time after which nothing is sent, not even a catch-up after a restart ("20:00").</summary>
    public TimeOnly LatestAt { get; set; } = new(20, 0);

    /// <summary>The office's digest on the first working day of each week.</summary>
    public bool WeeklyDigest { get; set; } = true;

    /// <summary>The commune's clock, whatever the server's zone.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    public ReminderSettings ToSettings() => new()
    {
        DaysBefore = DaysBefore.Distinct().OrderDescending().ToList(),
        OverdueWorkingDays = OverdueWorkingDays.Distinct().Order().ToList(),
        EscalationWorkingDays = EscalationWorkingDays,
        At = At,
        LatestAt = LatestAt,
        WeeklyDigest = WeeklyDigest,
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone),
    };
}

/// <summary>Official days off per year (section "Calendar"); the bundled calendar.json holds the known years.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Keyed by year, so adding "2027" in appsettings.json or the environment adds a year without touching others.</summary>
    public Dictionary<string, CalendarYear> Years { get; set; } = [];

    public WorkingCalendar ToCalendar() => new(
        Years.Values.SelectMany(y => y.DaysOff).Select(d => new DayOff(d.From, d.To ?? d.From, d.Name)),
        Years.Values.SelectMany(y => y.WorkingDays));
}

public sealed class CalendarYear
{
    public List<CalendarDayOff> DaysOff { get; set; } = [];

    /// <summary>Weekend days the Government swaps into working days (làm bù).</summary>
    public List<DateOnly> WorkingDays { get; set; } = [];
}

public sealed class CalendarDayOff
{
    public DateOnly From { get; set; }

    /// <summary>Last day off, inclusive; empty for a single day.</summary>
    public DateOnly? To { get; set; }

    public string Name { get; set; } = "Ngày nghỉ";
}
