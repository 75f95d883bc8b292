using TdktBot.Core.Plans;
using TdktBot.Core.Reminders;
using TdktBot.Core.Units;
using TdktBot.Core.Text;

namespace TdktBot.Reminders;

/// <summary>One reminder the policy would send.</summary>
/// <param name="Unit">The recipient unit (the office for escalations and digests).</param>
/// <param name="Target">Task number or deadline id; the ISO week for a digest.</param>
public sealed record PreviewEntry(DateTimeOffset At, string Unit, string Step, IReadOnlyList<string> Covers, string TargetKind, string Target, DateOnly? Due, string Text);

/// <summary>
/// Every reminder the policy would send between two instants, taking the first as the simulated now
/// and assuming nobody confirms: the same slots the running worker's sweeps pick, without a store.
/// </summary>
public static class ReminderPreview
{
    public static IReadOnlyList<PreviewEntry> Build(IEnumerable<Plan> plans, UnitDirectory directory, ReminderPolicy policy, DateTimeOffset from, DateTimeOffset to)
    {
        var subjects = plans
            .SelectMany(p => p.Tasks.Select(t => (Subject: ReminderSubject.Of(t), t.Units))
                .Concat(p.Deadlines.Select(d => (Subject: ReminderSubject.Of(d), d.Units))))
            .Where(s => s.Units.Count > 0)
            .ToList();
        var office = directory.Units.FirstOrDefault(u => u.IsOffice)?.Name ?? "Văn phòng";
        bool InRange(ReminderSlot slot) => slot.At >= from && slot.At <= to;

        var entries = new List<PreviewEntry>();
        foreach (var (subject, units) in subjects)
        {
            foreach (var slot in policy.UnitSlots(subject.Due).Where(InRange))
            {
                entries.AddRange(units.Select(unit => new PreviewEntry(slot.At, unit, slot.Step, slot.Covers, subject.Kind, subject.Number, subject.Due,
                    ReminderTexts.UnitReminder(unit, subject, policy.LocalDate(slot.At), slot.Step))));
            }

            var escalation = policy.EscalationSlot(subject.Due);
            if (InRange(escalation))
            {
                var late = units.Order(VietnameseOrder.Names).ToList();
                entries.Add(new PreviewEntry(escalation.At, office, escalation.Step, escalation.Covers, subject.Kind, subject.Number, subject.Due,
                    ReminderTexts.Escalation(subject, late, policy.LocalDate(escalation.At))));
            }
        }

        if (policy.Settings.WeeklyDigest)
        {
            foreach (var slot in policy.DigestSlots(from, to))
            {
                var day = policy.LocalDate(slot.At);
                var weekStart = ReminderPolicy.WeekStart(day);
                var dueThisWeek = subjects.Where(s => s.Subject.Due >= weekStart && s.Subject.Due <= weekStart.AddDays(6))
                    .Select(s => s.Subject).OrderBy(s => s.Due).ToList();
                var late = subjects.Where(s => policy.LateFrom(s.Subject.Due) <= day)
                    .OrderBy(s => s.Subject.Due)
                    .Select(s => new LateItem(s.Subject, s.Units.Order(VietnameseOrder.Names).ToList())).ToList();
                if (dueThisWeek.Count > 0 || late.Count > 0)
                {
                    entries.Add(new PreviewEntry(slot.At, office, slot.Step, slot.Covers, "digest", WeekKey(weekStart), null,
                        ReminderTexts.WeeklyDigest(weekStart, dueThisWeek, late, day)));
                }
            }
        }

        return entries.OrderBy(e => e.At).ThenBy(e => e.Step == ReminderSteps.WeeklyDigest).ThenBy(e => e.Target, StringComparer.Ordinal)
            .ThenBy(e => e.Unit, VietnameseOrder.Names).ToList();
    }

    public static string WeekKey(DateOnly weekStart)
    {
        var day = weekStart.ToDateTime(TimeOnly.MinValue);
        return FormattableString.Invariant($"{System.Globalization.ISOWeek.GetYear(day)}-W{System.Globalization.ISOWeek.GetWeekOfYear(day):00}");
    }
}
