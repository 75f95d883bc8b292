using System.Diagnostics.CodeAnalysis;
using TdktBot.Core.Calendar;

namespace TdktBot.Core.Reminders;

/// <summary>
/// When each reminder goes out and until when a missed one is still worth sending. Pure: the caller
/// supplies the current instant and what was already sent.
/// </summary>
public sealed class ReminderPolicy
{
    /// <exception cref="ArgumentException">A negative day count, or an overdue or escalation count below 1.</exception>
    public ReminderPolicy(ReminderSettings settings, WorkingCalendar calendar)
    {
        if (settings.DaysBefore.Any(days => days < 0))
        {
            throw new ArgumentException("Số ngày nhắc trước hạn không được âm.", nameof(settings));
        }

        // An overdue notice on the legal end day itself would call the unit late while it is not.
        if (settings.OverdueWorkingDays.Any(days => days < 1) || settings.EscalationWorkingDays < 1)
        {
            throw new ArgumentException("Nhắc quá hạn và báo cáo trễ hạn phải từ 1 ngày làm việc sau hạn trở đi.", nameof(settings));
        }

        Settings = settings;
        Calendar = calendar;
    }

    public ReminderSettings Settings { get; }

    public WorkingCalendar Calendar { get; }

    /// <summary>
    /// The slots for one unit owing something due on <paramref name="due"/>, in time order: the reminders before
    /// the due date (moved back to a working day, merged when they land on the same day), then the overdue notices.
    /// </summary>
    public IReadOnlyList<ReminderSlot> UnitSlots(DateOnly due)
    {
        var legalEnd = Calendar.OnOrAfter(due);

        var before = Settings.DaysBefore
            .Distinct()
            .GroupBy(days => Calendar.OnOrBefore(due.AddDays(-days)))
            .OrderBy(group => group.Key)
            .Select(group => (Day: group.Key, Steps: group.OrderDescending().Select(ReminderSteps.Before).ToList()))
            .ToList();

        var overdue = Settings.OverdueWorkingDays
            .Distinct()
            .Order()
            .Select(days => (Day: Calendar.AddWorkingDays(legalEnd, days), Step: ReminderSteps.Overdue(days)))
            .ToList();

        var slots = new List<ReminderSlot>(before.Count + overdue.Count);
        for (var i = 0; i < before.Count; i++)
        {
            var (day, steps) = before[i];

            // A missed reminder gives way at the start of the next one's day, not at its hour: otherwise a
            // sweep early that morning would send both on one day. The last one stays worth sending while the
            // unit can still make it in time, which is to the end of the legal end day.
            var until = StartOfDay(i + 1 < before.Count ? before[i + 1].Day : legalEnd.AddDays(1));

            // Of the steps sharing a day the one closest to the due date speaks: it tells the time left best.
            slots.Add(new ReminderSlot(steps[^1], LocalAt(day), until, steps));
        }

        for (var i = 0; i < overdue.Count; i++)
        {
            var (day, step) = overdue[i];
            var until = i + 1 < overdue.Count ? StartOfDay(overdue[i + 1].Day) : LocalAt(Calendar.AddWorkingDays(day, 1));
            slots.Add(new ReminderSlot(step, LocalAt(day), until, [step]));
        }

        return slots;
    }

    /// <summary>The escalation to the office for a target due on <paramref name="due"/>.</summary>
    public ReminderSlot EscalationSlot(DateOnly due) =>
        OneDaySlot(ReminderSteps.Escalation, Calendar.AddWorkingDays(Calendar.OnOrAfter(due), Settings.EscalationWorkingDays));

    /// <summary>
    /// The office digest of the Monday-to-Sunday week containing <paramref name="dayInWeek"/>, on the week's first
    /// working day; null if the week has no working day or <see cref="ReminderSettings.WeeklyDigest"/> is off.
    /// </summary>
    public ReminderSlot? DigestSlot(DateOnly dayInWeek)
    {
        if (!Settings.WeeklyDigest)
        {
            return null;
        }

        var monday = WeekStart(dayInWeek);
        for (var day = monday; day <= monday.AddDays(6); day = day.AddDays(1))
        {
            if (Calendar.IsWorkingDay(day))
            {
                return OneDaySlot(ReminderSteps.WeeklyDigest, day);
            }
        }

        return null;
    }

    /// <summary>All digest slots whose <see cref="ReminderSlot.At"/> is within [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public IEnumerable<ReminderSlot> DigestSlots(DateTimeOffset from, DateTimeOffset to)
    {
        var last = LocalDate(to);
        for (var monday = WeekStart(LocalDate(from)); monday <= last; monday = monday.AddDays(7))
        {
            if (DigestSlot(monday) is { } slot && slot.At >= from && slot.At <= to)
            {
                yield return slot;
            }
        }
    }

    /// <summary>
    /// What a sweep at <paramref name="now"/> must send: the latest slot with At ≤ now &lt; Until, At ≥
    /// <paramref name="scheduleFrom"/> and not yet sent; null if none. Earlier unsent slots are superseded, so
    /// after downtime an obligation gets one catch-up reminder, not a burst.
    /// </summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "The host asks its policy instance; keeping every rule on the instance keeps that contract stable.")]
    public ReminderSlot? Pick(IReadOnlyList<ReminderSlot> slots, DateTimeOffset now, DateTimeOffset scheduleFrom,
        Func<string, bool> isSent) =>
        slots.Where(slot => slot.At <= now && now < slot.Until && slot.At >= scheduleFrom && !isSent(slot.Step)).MaxBy(slot => slot.At);

    /// <summary>
    /// The first day on which the unit is late. A period ending on a day off ends with the next working day
    /// (Civil Code art. 148), so the unit is late from the working day after that.
    /// </summary>
    public DateOnly LateFrom(DateOnly due) => Calendar.AddWorkingDays(Calendar.OnOrAfter(due), 1);

    /// <summary>The local date of <paramref name="instant"/> in the commune's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Settings.TimeZone).DateTime);

    /// <summary>The instant of <paramref name="day"/> at <see cref="ReminderSettings.At"/>, with the zone's offset (+07:00 for Vietnam).</summary>
    public DateTimeOffset LocalAt(DateOnly day) => Instant(day, Settings.At);

    /// <summary>The Monday of the week containing <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private ReminderSlot OneDaySlot(string step, DateOnly day) =>
        new(step, LocalAt(day), LocalAt(Calendar.AddWorkingDays(day, 1)), [step]);

    private DateTimeOffset StartOfDay(DateOnly day) => Instant(day, TimeOnly.MinValue);

    // Converting back through the zone puts a wall-clock time that a daylight-saving jump skips onto the
    // zone's real offset after the jump instead of a made-up one.
    private DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, Settings.TimeZone.GetUtcOffset(local)), Settings.TimeZone);
    }
}
