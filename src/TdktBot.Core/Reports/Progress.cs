using TdktBot.Core.Calendar;

namespace TdktBot.Core.Reports;

/// <summary>
/// The four states Vietnamese task-tracking reports use for one unit and one task or deadline, as of a day: done on
/// time (hoàn thành đúng hạn), done late (hoàn thành quá hạn), open within the deadline (chưa hoàn thành, trong hạn),
/// open and overdue (chưa hoàn thành, quá hạn).
/// </summary>
public enum ProgressState
{
    DoneOnTime,
    DoneLate,
    OpenInTime,
    OpenOverdue,
}

/// <summary>What the office last decided on a submission.</summary>
public enum ReviewKind
{
    Accepted,
    Returned,
}

/// <summary>The office's last review of a unit's submission: accepted (tiếp nhận) or returned (trả lại), by whom, when, why.</summary>
public sealed record Review(ReviewKind Kind, string By, DateTimeOffset At, string? Reason);

/// <summary>
/// What the store knows of one unit owing one item.
/// </summary>
/// <param name="Done">Submitted or accepted now (a returned submission is owed again).</param>
/// <param name="SubmittedAt">The unit's latest confirmation, if any (also when it was returned since).</param>
/// <param name="Review">The office's latest review, if any.</param>
public sealed record Standing(
    string Unit,
    string Number,
    bool IsDeadline,
    string Content,
    DateOnly Due,
    bool Done,
    DateTimeOffset? SubmittedAt,
    Review? Review,
    string? Note)
{
    /// <summary>The file the unit sent for it last, as named in the archive, if any.</summary>
    public string? File { get; init; }
}

/// <summary>One row of a report: <paramref name="Standing"/> in its state, with the working days it is (or was) late.</summary>
public sealed record ProgressRow(Standing Standing, ProgressState State, int WorkingDaysLate);

/// <summary>Each state's count for one unit, with its accepted and returned items beside them.</summary>
public sealed record UnitProgress(string Unit, int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int Accepted, int Returned)
{
    public int Total => DoneOnTime + DoneLate + OpenInTime + OpenOverdue;
}

/// <summary>
/// Puts each standing in its state on a day, in the commune's working calendar: an item is late from the working day
/// after its legal end (the due date, or the next working day when it falls on a day off), as the reminders count it.
/// Pure: the caller gives the day and the zone.
/// </summary>
public static class Progress
{
    /// <summary>The state of <paramref name="standing"/> on <paramref name="today"/> (commune time), and its working days late.</summary>
    public static ProgressRow Of(Standing standing, DateOnly today, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        var legalEnd = calendar.OnOrAfter(standing.Due);
        if (standing.Done && standing.SubmittedAt is { } at)
        {
            var submitted = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
            var late = WorkingDaysAfter(legalEnd, submitted, calendar);
            return new ProgressRow(standing, late == 0 ? ProgressState.DoneOnTime : ProgressState.DoneLate, late);
        }

        var overdue = WorkingDaysAfter(legalEnd, today, calendar);
        return new ProgressRow(standing, overdue == 0 ? ProgressState.OpenInTime : ProgressState.OpenOverdue, overdue);
    }

    /// <summary>Every row's state on <paramref name="today"/>.</summary>
    public static IReadOnlyList<ProgressRow> Of(IEnumerable<Standing> standings, DateOnly today, WorkingCalendar calendar, TimeZoneInfo zone) =>
        [.. standings.Select(s => Of(s, today, calendar, zone))];

    /// <summary>The counts per unit, in the order the units first appear in <paramref name="rows"/>.</summary>
    public static IReadOnlyList<UnitProgress> ByUnit(IEnumerable<ProgressRow> rows) =>
        [.. rows.GroupBy(r => r.Standing.Unit).Select(g => new UnitProgress(
            g.Key,
            g.Count(r => r.State == ProgressState.DoneOnTime),
            g.Count(r => r.State == ProgressState.DoneLate),
            g.Count(r => r.State == ProgressState.OpenInTime),
            g.Count(r => r.State == ProgressState.OpenOverdue),
            g.Count(r => r.Standing.Done && r.Standing.Review?.Kind == ReviewKind.Accepted),
            g.Count(r => r.Standing.Review?.Kind == ReviewKind.Returned)))];

    /// <summary>The state as the office's reports write it.</summary>
    public static string Text(ProgressState state) => state switch
    {
        ProgressState.DoneOnTime => "Hoàn thành đúng hạn",
        ProgressState.DoneLate => "Hoàn thành quá hạn",
        ProgressState.OpenInTime => "Chưa hoàn thành, trong hạn",
        _ => "Chưa hoàn thành, quá hạn",
    };

    /// <summary>Working days from the day after <paramref name="legalEnd"/> through <paramref name="day"/>; 0 when not after it.</summary>
    private static int WorkingDaysAfter(DateOnly legalEnd, DateOnly day, WorkingCalendar calendar)
    {
        var count = 0;
        for (var d = legalEnd.AddDays(1); d <= day; d = d.AddDays(1))
        {
            count += calendar.IsWorkingDay(d) ? 1 : 0;
        }

        return count;
    }
}
