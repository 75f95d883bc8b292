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

    // Dates are kept as text and read here, not by the binder: it would take "05/02/2027" as 2 May.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>Keyed by year, so adding "2027" in appsettings.json or the environment adds a year without touching others.</summary>
    public Dictionary<string, CalendarYear> Years { get; set; } = [];

    /// <summary>What is wrong with the dates, in Vietnamese; empty when every date reads.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (year, days) in Years)
        {
            for (var i = 0; i < days.DaysOff.Count; i++)
            {
                var d = days.DaysOff[i];
                var key = $"Calendar:Years:{year}:DaysOff:{i}";
                if (Read(d.From) is not { } from)
                {
                    problems.Add($"{key}:From = «{d.From}» không phải ngày; hãy viết dạng 2026-02-14.");
                }
                else if (d.To is not null && Read(d.To) is not { } to)
                {
                    problems.Add($"{key}:To = «{d.To}» không phải ngày; hãy viết dạng 2026-02-22.");
                }
                else if (d.To is not null && Read(d.To) < from)
                {
                    problems.Add($"{key}: ngày kết thúc {d.To} trước ngày bắt đầu {d.From}.");
                }
            }

            problems.AddRange(days.WorkingDays.Where(w => Read(w) is null)
                .Select(w => $"Calendar:Years:{year}:WorkingDays có «{w}» không phải ngày; hãy viết dạng 2026-02-28."));
        }

        return problems;
    }

    public WorkingCalendar ToCalendar() => new(
        Years.Values.SelectMany(y => y.DaysOff).Select(d => new DayOff(Read(d.From)!.Value, Read(d.To ?? d.From)!.Value, d.Name)),
        Years.Values.SelectMany(y => y.WorkingDays).Select(w => Read(w)!.Value));

    private static DateOnly? Read(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}

public sealed class CalendarYear
{
    public List<CalendarDayOff> DaysOff { get; set; } = [];

    /// <summary>Weekend days the Government swaps into working days (làm bù), as "2026-02-28".</summary>
    public List<string> WorkingDays { get; set; } = [];
}

public sealed class CalendarDayOff
{
    /// <summary>First day off, "2026-02-14" (or 14/02/2026).</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>Last day off, inclusive; empty for a single day.</summary>
    public string? To { get; set; }

    public string Name { get; set; } = "Ngày nghỉ";
}
