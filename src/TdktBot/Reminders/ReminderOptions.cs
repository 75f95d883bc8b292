using System.Globalization;
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

    /// <summary>A warning, in Vietnamese, for each plan year whose days off are not configured.</summary>
    public IEnumerable<string> MissingYearWarnings(IEnumerable<int> years) => years
        .Where(year => !Years.ContainsKey(year.ToString(CultureInfo.InvariantCulture)))
        .Select(year => $"Lưu ý: chưa có ngày nghỉ Tết, lễ của năm {year} (cấu hình Calendar:Years:{year}); lời nhắc có thể rơi vào các ngày nghỉ đó. Hãy thêm theo thông báo của Chính phủ (xem README).");

    /// <summary>
    /// What is wrong with the days off as written, in Vietnamese, naming each setting; empty when all is well.
    /// A block copied from last year with its dates left unchanged is caught too.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        const string Form = "hãy viết dạng 2027-02-05 (hoặc 05/02/2027).";
        var problems = new List<string>();
        foreach (var (year, days) in Years)
        {
            var path = $"{Section}:Years:{year}";
            if (year.Length != 4 || !int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                problems.Add($"{path}: tên khối phải là một năm, ví dụ {Section}:Years:2027.");
                continue;
            }

            DateOnly? Check(string? text, string key, bool required)
            {
                if (string.IsNullOrWhiteSpace(text))
                {
                    if (required)
                    {
                        problems.Add($"{key}: thiếu ngày; {Form}");
                    }

                    return null;
                }

                var date = Read(text);
                if (date is null)
                {
                    problems.Add($"{key}: «{text}» không phải một ngày hợp lệ; {Form}");
                }

                return date;
            }

            for (var i = 0; i < days.DaysOff.Count; i++)
            {
                var d = days.DaysOff[i];
                var key = $"{path}:DaysOff:{i}";
                var from = Check(d.From, $"{key}:From", required: true);
                var to = Check(d.To, $"{key}:To", required: false) ?? from;
                if (from is { } first && to is { } last)
                {
                    if (last < first)
                    {
                        problems.Add($"{key}: ngày kết thúc {last:dd/MM/yyyy} trước ngày bắt đầu {first:dd/MM/yyyy}.");
                    }
                    else if (first.Year > number || last.Year < number)
                    {
                        problems.Add($"{key}: ngày nghỉ từ {first:yyyy-MM-dd} không thuộc năm {number}; hãy sửa ngày hoặc chuyển mục này sang khối {Section}:Years:{first.Year}.");
                    }
                }

                if (string.IsNullOrWhiteSpace(d.Name))
                {
                    problems.Add($"{key}:Name: ngày nghỉ cần có tên, ví dụ «Tết Nguyên Đán».");
                }
            }

            for (var i = 0; i < days.WorkingDays.Count; i++)
            {
                Check(days.WorkingDays[i], $"{path}:WorkingDays:{i}", required: true);
            }
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
    public string? From { get; set; }

    /// <summary>Last day off, inclusive; empty for a single day.</summary>
    public string? To { get; set; }

    public string Name { get; set; } = "Ngày nghỉ";
}
