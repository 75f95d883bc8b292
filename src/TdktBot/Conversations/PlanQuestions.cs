using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Core.Plans;
using TdktBot.Data.Entities;
using TdktBot.Messaging;
using TdktBot.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Conversations;

/// <summary>
/// Answers a question about the plan as it was read: whose items (the writer's unit, another, a group, all), which items,
/// over which days, in what state, and in the form asked (a list, the due date, the days left, what it is, whether it is
/// done, or which units still owe it).
/// </summary>
internal sealed class PlanQuestions(PlanStore plans)
{
    public async Task<Reply> AnswerAsync(Turn turn, Reading reading, CancellationToken ct)
    {
        if (PlanItems.CurrentYear(turn) is not { } year)
        {
            return new Reply(ReplyTexts.NoPlan);
        }

        var targets = Targets(turn, reading, year);
        if (reading.Items.Count > 0 && targets.Count == 0)
        {
            return new Reply(ReplyTexts.NoSuchItem(reading.Items[0]));
        }

        return reading.IsSelf
            ? Own(turn, reading, targets, year)
            : await OthersAsync(turn, reading, targets, ct);
    }

    /// <summary>The plan's targets of the year that the question's items and period keep, soonest first.</summary>
    private static List<PlanTarget> Targets(Turn turn, Reading reading, int year) =>
        turn.Snapshot.Targets
            .Where(t => t.Plan.Year == year)
            .Where(t => reading.Items.Count == 0 || reading.Items.Contains(t.Number))
            .Where(t => reading.Period is not { } span || span.Contains(t.Due))
            .OrderBy(t => t.Due).ThenBy(t => t.Kind).ThenBy(t => t.Number.Length).ThenBy(t => t.Number, StringComparer.Ordinal)
            .ToList();

    private static Reply Own(Turn turn, Reading reading, List<PlanTarget> targets, int year)
    {
        var unit = turn.Unit.Name;
        var today = turn.Today;

        // The whole plan of a period, each item with where the unit stands; "đơn vị em", a state or a named item keep
        // only what the unit owes.
        var everything = reading.Status == StatusFilter.All && !reading.Mine && reading.Items.Count == 0;
        var lines = targets
            .Select(t => (Target: t, Obligation: turn.UnitObligations.GetValueOrDefault(t.Id)))
            .Where(x => everything || reading.Items.Count > 0 || (x.Obligation is { } o && Keeps(reading.Status, o, today)))
            .Select(x => new ItemLine(x.Target.ToSubject(), x.Obligation is { } o ? PlanItems.Status(o) : ItemStatus.NotOwed))
            .ToList();

        if (reading.Items.Count > 0 && reading.Form is not AnswerForm.List)
        {
            return new Reply(ReplyTexts.ItemCards(unit, lines, today, reading.Form));
        }

        if (reading.Status == StatusFilter.Pending && reading.Period is null && reading.Items.Count == 0)
        {
            return Pending(turn, targets);
        }

        var title = reading.Status == StatusFilter.All && !reading.Mine
            ? PeriodTitle(reading, year)
            : ReplyTexts.OwnTitle(unit, reading.Status, reading.Period);
        return new Reply(ReplyTexts.Items(title, lines, today, ReplyTexts.NothingFound(reading.Period)));
    }

    // What the unit still owes, with how to confirm for those who may.
    private static Reply Pending(Turn turn, List<PlanTarget> targets)
    {
        var owed = PlanItems.Owed(turn).Where(o => targets.Contains(o.Target)).ToList();
        if (owed.Count == 0)
        {
            return new Reply(ReplyTexts.NothingPending(turn.Unit.Name));
        }

        var items = owed.Select(o => new ItemLine(o.Target.ToSubject(), PlanItems.Status(o))).ToList();
        var list = ReplyTexts.Items(ReplyTexts.PendingTitle(turn.Unit.Name), items, turn.Today);
        return AccessPolicy.Allows(turn.Role, Act.Confirm)
            ? new Reply(list + "\n" + ReplyTexts.ConfirmHint) { Buttons = PlanItems.ConfirmButtons(owed) }
            : new Reply(list);
    }

    /// <summary>Another unit, a group or every unit: what each still owes, or which units owe each item.</summary>
    private async Task<Reply> OthersAsync(Turn turn, Reading reading, List<PlanTarget> targets, CancellationToken ct)
    {
        var today = turn.Today;
        var names = UnitsAsked(reading);
        var ids = targets.Select(t => t.Id).ToList();
        var obligations = await turn.Db.Obligations.AsNoTracking().Include(o => o.Unit).Include(o => o.Target)
            .Where(o => o.Active && ids.Contains(o.TargetId) && (names == null || names.Contains(o.Unit.Name)))
            .ToListAsync(ct);

        // No item and no period named by the office: what is late or due within a week, as /chuanop always answered.
        var soon = reading.Items.Count == 0 && reading.Period is null;
        var status = reading.Status == StatusFilter.All && reading.Form == AnswerForm.WhoOwes ? StatusFilter.Pending : reading.Status;
        var keep = obligations.Where(o => Keeps(status, o, today)).ToList();
        var audience = reading.OtherUnit ?? reading.Group?.Name ?? "các đơn vị";

        if (reading.Form == AnswerForm.WhoOwes || reading.OtherUnit is null)
        {
            var sections = targets
                .Where(t => !soon || t.Due <= today.AddDays(7))
                .Select(t => (Target: t, Units: keep.Where(o => o.TargetId == t.Id).Select(o => o.Unit.Name).Order(VietnameseOrder.Names).ToList(),
                    Concerned: obligations.Any(o => o.TargetId == t.Id)))
                .Where(x => x.Concerned && (reading.Items.Count > 0 || x.Units.Count > 0))
                .Select(x => ReplyTexts.UnitsByState(x.Target.ToSubject(), x.Units, status, today))
                .ToList();
            return new Reply(sections.Count == 0 ? ReplyTexts.NobodyInState(audience, status) : string.Join("\n\n", sections));
        }

        var lines = keep.Select(o => new ItemLine(targets.First(t => t.Id == o.TargetId).ToSubject(), PlanItems.Status(o)))
            .OrderBy(l => l.Subject.Due).ToList();
        if (reading.Items.Count > 0 && reading.Form is not AnswerForm.List)
        {
            return new Reply(ReplyTexts.ItemCards(audience, lines, today, reading.Form));
        }

        return new Reply(ReplyTexts.Items(ReplyTexts.OwnTitle(audience, status, reading.Period), lines, today, ReplyTexts.NothingFound(reading.Period)));
    }

    // The units' names a question is about; null for every unit.
    private HashSet<string>? UnitsAsked(Reading reading) =>
        reading.OtherUnit is { } one ? [one]
        : reading.Group is { } group && plans.Directory is { } directory ? directory.MembersOf(group).Select(u => u.Name).ToHashSet(StringComparer.Ordinal)
        : null;

    /// <summary>Whether an obligation is in the state asked about, on <paramref name="today"/>.</summary>
    private static bool Keeps(StatusFilter status, Obligation o, DateOnly today) => status switch
    {
        StatusFilter.Pending => o.IsOwed,
        StatusFilter.Overdue => o.IsOwed && o.Target.Due < today,
        StatusFilter.Submitted => o.Status == ObligationStatus.Submitted,
        StatusFilter.Accepted => o.Status == ObligationStatus.Accepted,
        StatusFilter.Returned => o.Status == ObligationStatus.Returned,
        _ => true,
    };

    // The titles the menu's questions have always had: a quarter, a month, a week, what comes next, the year.
    private static string PeriodTitle(Reading reading, int year) => (reading.Period is null ? null : reading.Intent.Question.Period) switch
    {
        { Unit: PeriodUnit.Quarter, FromToday: false, ToToday: false, Through: null } => ReplyTexts.QuarterTitle(Quarter.Of(reading.Period!.Value.From), reading.Period.Value.From.Year),
        { Unit: PeriodUnit.Month, FromToday: false, ToToday: false, Through: null } => ReplyTexts.MonthTitle(reading.Period!.Value.From.Month, reading.Period.Value.From.Year),
        { Unit: PeriodUnit.Week, FromToday: false, ToToday: false } => ReplyTexts.WeekTitle(reading.Period!.Value.From),
        { Unit: PeriodUnit.Ahead } => ReplyTexts.NextTitle,
        null => ReplyTexts.PlanTitle(year),
        _ => ReplyTexts.SpanTitle(reading.Period!.Value),
    };
}
