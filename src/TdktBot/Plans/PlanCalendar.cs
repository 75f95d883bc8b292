using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using TdktBot.Core.Plans;
using TdktBot.Core.Reminders;
using TdktBot.Core.Text;

namespace TdktBot.Plans;

/// <summary>
/// The plan as a calendar feed (iCalendar, RFC 5545) for the office's and the units' phones: one all-day event per task
/// and deadline on its due date, alarms at the reminder policy's days before, a UID made of the plan's year and the
/// item's number. Written again over its previous feed, an event keeps its UID and SEQUENCE when unchanged, counts
/// SEQUENCE up when its date or words changed, and an item the plan dropped stays as CANCELLED, so subscribed calendars
/// update rather than duplicate.
/// </summary>
public static class PlanCalendar
{
    private const string Domain = "tdktbot";

    /// <summary>
    /// The feed of <paramref name="plan"/>, only what concerns <paramref name="unit"/> when given (a directory name), carrying
    /// SEQUENCE and cancellations over from <paramref name="previous"/> (the feed written last time, or null).
    /// </summary>
    public static string Write(Plan plan, ReminderPolicy policy, string? commune, string? unit, string? previous, DateTimeOffset now)
    {
        var before = Previous(previous);
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//TdktBot//Kế hoạch thi đua, khen thưởng//VI" };
        calendar.AddProperty("X-WR-CALNAME", Name(plan, commune, unit));
        calendar.AddProperty("X-WR-TIMEZONE", policy.Settings.TimeZone.Id);
        var stamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId, hasTime: true);

        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in Items(plan, unit))
        {
            var uid = Uid(plan.Year, item.Number);
            current.Add(uid);
            var description = Description(item);
            var sequence = before.TryGetValue(uid, out var last)
                ? last.Sequence + (last.Cancelled || last.Due != item.Due || last.Summary != item.Summary || last.Description != description ? 1 : 0)
                : 0;
            var evt = Event(uid, item.Due, item.Summary, description, sequence, stamp);
            foreach (var alarm in Alarms(policy, item))
            {
                evt.Alarms.Add(alarm);
            }

            calendar.Events.Add(evt);
        }

        // What the plan no longer holds is cancelled, once; a calendar that saw it removes it.
        foreach (var (uid, gone) in before.Where(b => !current.Contains(b.Key)).OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var evt = Event(uid, gone.Due, gone.Summary, gone.Description, gone.Sequence + (gone.Cancelled ? 0 : 1), stamp);
            evt.Status = EventStatus.Cancelled;
            calendar.Events.Add(evt);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>The stable UID of item <paramref name="number"/> ("3", "D1") of the plan of <paramref name="year"/>.</summary>
    public static string Uid(int year, string number) => $"{year}-{number.ToLowerInvariant()}@{Domain}";

    private sealed record Item(string Number, DateOnly Due, string Summary, string Kind, IReadOnlyList<string> Bodies, IReadOnlyList<string> Units);

    private sealed record Seen(DateOnly Due, string Summary, string Description, int Sequence, bool Cancelled);

    private static IEnumerable<Item> Items(Plan plan, string? unit)
    {
        var items = plan.Deadlines
            .Select(d => new Item(d.Id, d.Due, $"Hạn nộp {d.Id}: {VietnameseFormat.Shorten(d.Content, 120)}", "Hạn nộp", [], d.Units))
            .Concat(plan.Tasks.Select(t => new Item(t.Number, t.EffectiveDue, $"Nhiệm vụ {t.Number}: {VietnameseFormat.Shorten(t.Content, 120)}",
                $"Nhiệm vụ (quý {t.Quarter})", t.Agencies, t.Units)));
        return unit is null ? items : items.Where(i => i.Units.Contains(unit, StringComparer.Ordinal));
    }

    private static string Description(Item item) =>
        $"{item.Kind}, hạn {VietnameseFormat.DateWithWeekday(item.Due)}.\n"
        + (item.Bodies.Count > 0 ? $"Cơ quan thực hiện: {string.Join("; ", item.Bodies)}.\n" : string.Empty)
        + (item.Units.Count > 0 ? $"Đơn vị phải nộp: {string.Join("; ", item.Units)}." : "Không đơn vị nào phải nộp.");

    private static CalendarEvent Event(string uid, DateOnly due, string summary, string description, int sequence, CalDateTime stamp) => new()
    {
        Uid = uid,
        DtStart = new CalDateTime(due),
        DtEnd = new CalDateTime(due.AddDays(1)),
        Summary = summary,
        Description = description,
        Sequence = sequence,
        DtStamp = stamp,
        Transparency = "TRANSPARENT",
    };

    /// <summary>An alarm at each reminder the policy sends before the due date, at its hour on its (working) day.</summary>
    private static IEnumerable<Alarm> Alarms(ReminderPolicy policy, Item item)
    {
        var start = policy.LocalAt(item.Due) - policy.Settings.At.ToTimeSpan();
        return policy.UnitSlots(item.Due)
            .Where(slot => policy.LocalDate(slot.At) <= item.Due)
            .Select(slot => new Alarm
            {
                Action = AlarmAction.Display,
                Description = $"{item.Summary} (hạn {VietnameseFormat.Date(item.Due)})",
                Trigger = new Trigger(Duration.FromTimeSpanExact(slot.At - start)),
            });
    }

    private static string Name(Plan plan, string? commune, string? unit) =>
        $"Kế hoạch thi đua, khen thưởng {plan.Year}" + (commune is null ? string.Empty : $" - {commune}") + (unit is null ? string.Empty : $" ({unit})");

    /// <summary>The events of the feed written last time, by UID; none when there is none.</summary>
    /// <exception cref="InvalidDataException">What is there is not an iCalendar file.</exception>
    private static Dictionary<string, Seen> Previous(string? feed)
    {
        var seen = new Dictionary<string, Seen>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(feed))
        {
            return seen;
        }

        Calendar? calendar;
        try
        {
            calendar = Calendar.Load(feed);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException or System.Runtime.Serialization.SerializationException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }

        if (calendar is null)
        {
            throw new InvalidDataException("không có lịch (BEGIN:VCALENDAR) trong tệp");
        }

        foreach (var evt in calendar.Events)
        {
            if (evt.Uid is { } uid && evt.DtStart is { } start && uid.EndsWith("@" + Domain, StringComparison.Ordinal))
            {
                seen[uid] = new Seen(start.Date, evt.Summary ?? string.Empty, evt.Description ?? string.Empty, evt.Sequence,
                    string.Equals(evt.Status, EventStatus.Cancelled, StringComparison.OrdinalIgnoreCase));
            }
        }

        return seen;
    }
}
