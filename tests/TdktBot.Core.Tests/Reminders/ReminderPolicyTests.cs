using System.Globalization;
using TdktBot.Core.Calendar;
using TdktBot.Core.Reminders;
using static TdktBot.Core.Tests.Calendar.Calendars;

namespace TdktBot.Core.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    private static readonly ReminderPolicy Policy = new(new ReminderSettings(), Year2026);

    // DateTimeOffset equality ignores the offset; text shows it, so the expectations check it too.
    private static string Show(ReminderSlot slot) =>
        $"{slot.Step} {Instant(slot.At)} → {Instant(slot.Until)} [{string.Join(", ", slot.Covers)}]";

    private static string Instant(DateTimeOffset instant) =>
        instant.ToString("dd/MM/yyyy HH:mm zzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Local(int year, int month, int day, int hour = 8, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Slots_for_a_Friday_due_date()
    {
        var slots = Policy.UnitSlots(D(2026, 1, 30));

        Assert.Equal(
        [
            "before-7d 23/01/2026 08:00 +07:00 → 27/01/2026 00:00 +07:00 [before-7d]",
            "before-3d 27/01/2026 08:00 +07:00 → 29/01/2026 00:00 +07:00 [before-3d]",
            "before-1d 29/01/2026 08:00 +07:00 → 30/01/2026 00:00 +07:00 [before-1d]",
            "due-day 30/01/2026 08:00 +07:00 → 31/01/2026 00:00 +07:00 [due-day]",
            "overdue-1wd 02/02/2026 08:00 +07:00 → 04/02/2026 00:00 +07:00 [overdue-1wd]",
            "overdue-3wd 04/02/2026 08:00 +07:00 → 05/02/2026 08:00 +07:00 [overdue-3wd]",
        ], slots.Select(Show));
        Assert.Equal(
            "escalation 02/02/2026 08:00 +07:00 → 03/02/2026 08:00 +07:00 [escalation]",
            Show(Policy.EscalationSlot(D(2026, 1, 30))));
        Assert.Equal(D(2026, 2, 2), Policy.LateFrom(D(2026, 1, 30)));
    }

    [Fact]
    public void Slots_for_a_Thursday_due_date()
    {
        var slots = Policy.UnitSlots(D(2026, 10, 15));

        Assert.Equal(
            ["08/10/2026", "12/10/2026", "14/10/2026", "15/10/2026", "16/10/2026", "20/10/2026"],
            slots.Select(s => s.At.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
        Assert.Equal(
            ["before-7d", "before-3d", "before-1d", "due-day", "overdue-1wd", "overdue-3wd"],
            slots.Select(s => s.Step));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromHours(7), s.At.Offset));
        Assert.All(slots, s => Assert.Equal(new TimeSpan(1, 0, 0), s.At.UtcDateTime.TimeOfDay));
    }

    [Fact]
    public void A_Monday_due_date_merges_the_day_before_into_Friday()
    {
        // Due Monday 9/3/2026: the day before is Sunday 8/3, moved to Friday 6/3, which is also 3 days before.
        var slots = Policy.UnitSlots(D(2026, 3, 9));

        Assert.Equal(
        [
            "before-7d 02/03/2026 08:00 +07:00 → 06/03/2026 00:00 +07:00 [before-7d]",
            "before-1d 06/03/2026 08:00 +07:00 → 09/03/2026 00:00 +07:00 [before-3d, before-1d]",
            "due-day 09/03/2026 08:00 +07:00 → 10/03/2026 00:00 +07:00 [due-day]",
            "overdue-1wd 10/03/2026 08:00 +07:00 → 12/03/2026 00:00 +07:00 [overdue-1wd]",
            "overdue-3wd 12/03/2026 08:00 +07:00 → 13/03/2026 08:00 +07:00 [overdue-3wd]",
        ], slots.Select(Show));
    }

    [Fact]
    public void A_due_date_right_after_Tet_gets_one_reminder_before_Tet()
    {
        var slots = Policy.UnitSlots(D(2026, 2, 23));

        Assert.Equal(
        [
            "before-1d 13/02/2026 08:00 +07:00 → 23/02/2026 00:00 +07:00 [before-7d, before-3d, before-1d]",
            "due-day 23/02/2026 08:00 +07:00 → 24/02/2026 00:00 +07:00 [due-day]",
            "overdue-1wd 24/02/2026 08:00 +07:00 → 26/02/2026 00:00 +07:00 [overdue-1wd]",
            "overdue-3wd 26/02/2026 08:00 +07:00 → 27/02/2026 08:00 +07:00 [overdue-3wd]",
        ], slots.Select(Show));
    }

    [Fact]
    public void A_Saturday_due_date_runs_to_Monday_and_is_late_from_Tuesday()
    {
        var due = D(2026, 1, 31);

        Assert.Equal(D(2026, 2, 3), Policy.LateFrom(due));
        Assert.Equal(
        [
            "before-7d 23/01/2026 08:00 +07:00 → 28/01/2026 00:00 +07:00 [before-7d]",
            "before-3d 28/01/2026 08:00 +07:00 → 30/01/2026 00:00 +07:00 [before-3d]",
            "due-day 30/01/2026 08:00 +07:00 → 03/02/2026 00:00 +07:00 [before-1d, due-day]",
            "overdue-1wd 03/02/2026 08:00 +07:00 → 05/02/2026 00:00 +07:00 [overdue-1wd]",
            "overdue-3wd 05/02/2026 08:00 +07:00 → 06/02/2026 08:00 +07:00 [overdue-3wd]",
        ], Policy.UnitSlots(due).Select(Show));
        Assert.Equal(Local(2026, 2, 3), Policy.EscalationSlot(due).At);
    }

    [Fact]
    public void A_due_date_in_Tet_runs_to_the_first_working_day_after_Tet()
    {
        Assert.Equal(D(2026, 2, 24), Policy.LateFrom(D(2026, 2, 17)));
        Assert.Equal(D(2026, 2, 24), Policy.LateFrom(D(2026, 2, 23)));
        Assert.Equal(D(2026, 2, 23), Policy.LateFrom(D(2026, 2, 13)));
    }

    [Fact]
    public void Settings_change_the_steps_and_the_hour()
    {
        var policy = new ReminderPolicy(
            new ReminderSettings { DaysBefore = [5, 0, 5], OverdueWorkingDays = [2], EscalationWorkingDays = 3, At = new TimeOnly(7, 30) },
            Year2026);

        Assert.Equal(
        [
            "before-5d 22/01/2026 07:30 +07:00 → 27/01/2026 00:00 +07:00 [before-5d]",
            "due-day 27/01/2026 07:30 +07:00 → 28/01/2026 00:00 +07:00 [due-day]",
            "overdue-2wd 29/01/2026 07:30 +07:00 → 30/01/2026 07:30 +07:00 [overdue-2wd]",
        ], policy.UnitSlots(D(2026, 1, 27)).Select(Show));
        Assert.Equal(
            "escalation 30/01/2026 07:30 +07:00 → 02/02/2026 07:30 +07:00 [escalation]",
            Show(policy.EscalationSlot(D(2026, 1, 27))));
    }

    [Theory]
    [InlineData(new[] { -1 }, new[] { 1 }, 1)]
    [InlineData(new[] { 3 }, new[] { 0, 3 }, 1)]
    [InlineData(new[] { 3 }, new[] { 1 }, 0)]
    public void Refuses_settings_that_make_no_sense(int[] daysBefore, int[] overdue, int escalation)
    {
        var settings = new ReminderSettings { DaysBefore = daysBefore, OverdueWorkingDays = overdue, EscalationWorkingDays = escalation };

        var error = Assert.Throws<ArgumentException>(() => new ReminderPolicy(settings, Year2026));

        Assert.Equal("settings", error.ParamName);
    }

    [Fact]
    public void Pick_after_downtime_sends_only_the_latest_reminder_still_open()
    {
        var slots = Policy.UnitSlots(D(2026, 1, 30));
        var scheduleFrom = Local(2026, 1, 1, 0);

        // Down from 22/01 to Wednesday 28/01 noon: 7 days before is gone, 3 days before is still open.
        Assert.Equal("before-3d", Policy.Pick(slots, Local(2026, 1, 28, 12), scheduleFrom, _ => false)?.Step);
        // Back only on Saturday 31/01: the due-day window closed at midnight and nothing is late yet.
        Assert.Null(Policy.Pick(slots, Local(2026, 1, 31, 9), scheduleFrom, _ => false));
        Assert.Equal("due-day", Policy.Pick(slots, Local(2026, 1, 30, 23, 59), scheduleFrom, _ => false)?.Step);
        Assert.Equal("overdue-3wd", Policy.Pick(slots, Local(2026, 2, 4, 9), scheduleFrom, _ => false)?.Step);
        Assert.Null(Policy.Pick(slots, Local(2026, 2, 5, 8), scheduleFrom, _ => false));
        // A missed reminder is not caught up on the morning of the next one's day: that would make two that day.
        Assert.Null(Policy.Pick(slots, Local(2026, 1, 30, 7, 59), scheduleFrom, _ => false));
    }

    [Fact]
    public void Pick_takes_the_latest_of_several_open_slots()
    {
        var at = Local(2026, 1, 26);
        ReminderSlot[] slots =
        [
            new("a", at, at.AddDays(5), ["a"]),
            new("b", at.AddDays(2), at.AddDays(5), ["b"]),
            new("c", at.AddDays(1), at.AddDays(5), ["c"]),
            new("d", at.AddDays(4), at.AddDays(5), ["d"]),
        ];

        Assert.Equal("b", Policy.Pick(slots, at.AddDays(3), at, _ => false)?.Step);
        Assert.Equal("c", Policy.Pick(slots, at.AddDays(3), at, step => step == "b")?.Step);
    }

    [Fact]
    public void Pick_never_sends_what_was_due_before_the_schedule_existed()
    {
        var slots = Policy.UnitSlots(D(2026, 1, 30));
        var imported = Local(2026, 1, 28, 12);

        Assert.Null(Policy.Pick(slots, Local(2026, 1, 28, 12), imported, _ => false));
        Assert.Equal("before-1d", Policy.Pick(slots, Local(2026, 1, 29), imported, _ => false)?.Step);
    }

    [Fact]
    public void Pick_respects_what_was_sent()
    {
        var slots = Policy.UnitSlots(D(2026, 1, 30));
        var scheduleFrom = Local(2026, 1, 1, 0);

        Assert.Null(Policy.Pick(slots, Local(2026, 1, 30, 9), scheduleFrom, step => step == "due-day"));
        Assert.Equal("due-day", Policy.Pick(slots, Local(2026, 1, 30, 9), scheduleFrom, step => step == "before-1d")?.Step);
        Assert.Null(Policy.Pick(slots, Local(2026, 1, 29, 9), scheduleFrom, step => step == "before-1d"));
        Assert.Equal("before-1d", Policy.Pick(slots, Local(2026, 1, 29, 9), scheduleFrom, step => step == "before-3d")?.Step);
    }

    public static TheoryData<DateOnly> ReplayedDueDates => new()
    {
        D(2026, 1, 2), D(2026, 1, 30), D(2026, 1, 31), D(2026, 2, 13), D(2026, 2, 14), D(2026, 2, 18),
        D(2026, 2, 23), D(2026, 3, 9), D(2026, 4, 28), D(2026, 5, 1), D(2026, 9, 2), D(2026, 10, 15), D(2026, 12, 31),
    };

    [Theory]
    [MemberData(nameof(ReplayedDueDates))]
    public void A_year_of_sweeps_sends_every_reminder_once_on_its_own_working_day(DateOnly due)
    {
        var slots = Policy.UnitSlots(due);
        var sent = new List<(string Step, DateTimeOffset At)>();

        for (var day = D(2025, 12, 1); day <= D(2027, 1, 31); day = day.AddDays(1))
        {
            foreach (var hour in new[] { 0, 8, 13, 23 })
            {
                var now = Local(day.Year, day.Month, day.Day, hour);
                if (Policy.Pick(slots, now, Local(2025, 11, 1, 0), step => sent.Exists(s => s.Step == step)) is { } slot)
                {
                    sent.Add((slot.Step, now));
                }
            }
        }

        Assert.Equal(slots.Select(s => s.Step), sent.Select(s => s.Step));
        Assert.Equal(slots.Select(s => s.At), sent.Select(s => s.At));
        Assert.All(sent, s => AssertWorkingDay(Policy.LocalDate(s.At)));
    }

    [Fact]
    public void A_sweep_after_downtime_sends_at_most_one_reminder_a_day()
    {
        var slots = Policy.UnitSlots(D(2026, 2, 23));
        var sent = new List<(string Step, DateOnly Day)>();

        // The bot is down from 10/02 to 22/02 and sweeps every hour otherwise.
        for (var now = Local(2026, 2, 1, 0); now < Local(2026, 3, 10, 0); now = now.AddHours(1))
        {
            var day = Policy.LocalDate(now);
            if (day >= D(2026, 2, 10) && day <= D(2026, 2, 22))
            {
                continue;
            }

            if (Policy.Pick(slots, now, Local(2026, 1, 1, 0), step => sent.Exists(s => s.Step == step)) is { } slot)
            {
                sent.Add((slot.Step, day));
            }
        }

        Assert.Equal(
            [("due-day", D(2026, 2, 23)), ("overdue-1wd", D(2026, 2, 24)), ("overdue-3wd", D(2026, 2, 26))],
            sent);
    }

    [Fact]
    public void No_slot_of_any_due_date_in_2026_lands_on_a_day_off()
    {
        for (var due = D(2026, 1, 1); due <= D(2026, 12, 31); due = due.AddDays(1))
        {
            var slots = Policy.UnitSlots(due);
            var escalation = Policy.EscalationSlot(due);

            Assert.All(slots.Append(escalation), slot =>
            {
                AssertWorkingDay(Policy.LocalDate(slot.At));
                Assert.Equal(TimeSpan.FromHours(7), slot.At.Offset);
                Assert.True(slot.Until > slot.At, $"{due}: {slot}");
            });
            Assert.Equal(slots.Count, slots.Select(s => Policy.LocalDate(s.At)).Distinct().Count());
            Assert.True(slots.Zip(slots.Skip(1)).All(pair => pair.First.Until <= pair.Second.At), $"{due}: windows overlap");
            Assert.All(slots.Where(s => s.Step.StartsWith("overdue-", StringComparison.Ordinal)),
                s => Assert.True(Policy.LocalDate(s.At) >= Policy.LateFrom(due)));
            Assert.Equal(Policy.LateFrom(due), Policy.LocalDate(escalation.At));
        }
    }

    private static void AssertWorkingDay(DateOnly day)
    {
        Assert.False(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{day:dd/MM/yyyy} is a weekend day");
        Assert.False(InTet2026(day), $"{day:dd/MM/yyyy} is in Tết");
        Assert.True(Year2026.IsWorkingDay(day), $"{day:dd/MM/yyyy} is a day off");
    }

    [Fact]
    public void The_digest_goes_out_on_the_first_working_day_of_the_week()
    {
        Assert.Equal(
            "weekly-digest 02/02/2026 08:00 +07:00 → 03/02/2026 08:00 +07:00 [weekly-digest]",
            Show(Policy.DigestSlot(D(2026, 2, 8))!));
        // Monday 27/04 is the Hùng Kings compensation day.
        Assert.Equal(
            "weekly-digest 28/04/2026 08:00 +07:00 → 29/04/2026 08:00 +07:00 [weekly-digest]",
            Show(Policy.DigestSlot(D(2026, 4, 27))!));
        // Thursday 31/12 is the last working day before the new year's holiday and weekend.
        Assert.Equal(
            "weekly-digest 28/12/2026 08:00 +07:00 → 29/12/2026 08:00 +07:00 [weekly-digest]",
            Show(Policy.DigestSlot(D(2027, 1, 3))!));
        Assert.Null(Policy.DigestSlot(D(2026, 2, 18)));
    }

    [Fact]
    public void Digest_slots_within_a_span_skip_the_Tet_week()
    {
        var slots = Policy.DigestSlots(Local(2026, 2, 2), Local(2026, 3, 2, 7, 59)).ToList();

        Assert.Equal(
            ["02/02/2026 08:00 +07:00", "09/02/2026 08:00 +07:00", "23/02/2026 08:00 +07:00"],
            slots.Select(s => Instant(s.At)));
        Assert.Equal(
            ["09/02/2026 08:00 +07:00"],
            Policy.DigestSlots(Local(2026, 2, 2, 8, 1), Local(2026, 2, 9)).Select(s => Instant(s.At)));
    }

    [Fact]
    public void No_digest_when_it_is_turned_off()
    {
        var policy = new ReminderPolicy(new ReminderSettings { WeeklyDigest = false }, Year2026);

        Assert.Null(policy.DigestSlot(D(2026, 2, 2)));
        Assert.Empty(policy.DigestSlots(Local(2026, 1, 1), Local(2026, 12, 31)));
    }

    [Fact]
    public void Local_dates_and_times_are_the_communes_whatever_the_machines_zone()
    {
        var at = Policy.LocalAt(D(2026, 1, 30));

        Assert.Equal(TimeSpan.FromHours(7), at.Offset);
        Assert.Equal(new DateTime(2026, 1, 30, 1, 0, 0, DateTimeKind.Utc), at.UtcDateTime);
        Assert.Equal(D(2026, 1, 30), Policy.LocalDate(new DateTimeOffset(2026, 1, 29, 17, 0, 0, TimeSpan.Zero)));
        Assert.Equal(D(2026, 1, 29), Policy.LocalDate(new DateTimeOffset(2026, 1, 29, 16, 59, 59, TimeSpan.Zero)));
        Assert.Equal(D(2026, 1, 30), Policy.LocalDate(new DateTimeOffset(2026, 1, 29, 12, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Another_zone_gets_its_own_offsets_across_daylight_saving()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var policy = new ReminderPolicy(new ReminderSettings { TimeZone = newYork, At = new TimeOnly(2, 30) }, WorkingCalendar.WeekendsOnly);

        Assert.Equal("30/01/2026 02:30 -05:00", Instant(policy.LocalAt(D(2026, 1, 30))));
        // 02:30 does not exist on 8/3/2026 in New York: clocks jump from 02:00 to 03:00.
        Assert.Equal("08/03/2026 03:30 -04:00", Instant(policy.LocalAt(D(2026, 3, 8))));
        Assert.Equal("01/06/2026 02:30 -04:00", Instant(policy.LocalAt(D(2026, 6, 1))));
    }
}
