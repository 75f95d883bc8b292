using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Core.Units;
using TdktBot.Data.Entities;

namespace TdktBot.Conversations;

/// <summary>The plan's items as answers list them, and what the writer's unit owes, from the snapshot.</summary>
internal static class PlanItems
{
    private const int MaxChoices = 6;

    /// <summary>The items of a plan year (or every loaded year), each with the writer's unit's status.</summary>
    public static List<ItemLine> Items(Turn turn, int? year, Func<PlanTarget, bool> filter) =>
        turn.Snapshot.Targets.Where(t => year == null || t.Plan.Year == year).Where(filter)
            .OrderBy(t => t.Due).ThenBy(t => t.Kind).ThenBy(t => t.Number.Length).ThenBy(t => t.Number, StringComparer.Ordinal)
            .Select(t => new ItemLine(t.ToSubject(), turn.UnitObligations.GetValueOrDefault(t.Id) is { } o ? Status(o) : ItemStatus.NotOwed))
            .ToList();

    /// <summary>This year's plan if it is loaded, else the latest loaded year; null with no plan at all.</summary>
    public static int? CurrentYear(Turn turn) =>
        turn.Snapshot.Years.Contains(turn.Today.Year) ? turn.Today.Year : turn.Snapshot.Years.Count > 0 ? turn.Snapshot.Years.Max() : null;

    /// <summary>What the writer's unit still has to do (pending, or returned by the office), soonest first.</summary>
    public static List<Obligation> Owed(Turn turn) =>
        turn.UnitObligations.Values
            .Where(o => o.Status is ObligationStatus.Pending or ObligationStatus.Returned)
            .OrderBy(o => o.Target.Due).ThenBy(o => o.Target.Id)
            .ToList();

    /// <summary>The writer's unit's obligation for item <paramref name="number"/>, this year's plan first, then the latest.</summary>
    public static Obligation? ObligationFor(Turn turn, string number) =>
        turn.UnitObligations.Values
            .Where(o => o.Target.Number == number)
            .OrderByDescending(o => o.Target.Plan.Year == turn.Today.Year).ThenByDescending(o => o.Target.Plan.Year)
            .FirstOrDefault();

    public static IReadOnlyList<ChatButton> ConfirmButtons(IEnumerable<Obligation> owed) =>
        owed.Take(MaxChoices).Select(o => ChatButton.Confirm(o.Target.Number)).ToList();

    public static IReadOnlyList<ChatButton> UndoButtons(IEnumerable<Obligation> submitted) =>
        submitted.Take(MaxChoices).Select(o => ChatButton.Undo(o.Target.Number)).ToList();

    /// <summary>
    /// What conversations resolve a message against: the writer's unit, today, the plan's items of this year with the
    /// units that owe each, the directory, and the items of the unit's last confirmation still awaiting the office.
    /// </summary>
    public static async Task<Context> ContextAsync(Turn turn, UnitDirectory? directory, ReminderPolicy policy, CancellationToken ct)
    {
        var year = CurrentYear(turn);
        var owners = await turn.Snapshot.OwnersAsync(ct);
        var items = turn.Snapshot.Targets.Where(t => t.Plan.Year == year)
            .Select(t => new PlanItem(t.Number, t.Content, t.Due, owners.GetValueOrDefault(t.Id) ?? []))
            .ToList();
        return new Context(turn.Unit.Name, turn.Today, items, directory)
        {
            Confirmations = ByMessage(ConfirmedToday(turn, policy)),
            SeesAll = AccessPolicy.Allows(turn.Role, Act.AskOthers),
        };
    }

    /// <summary>When the unit last confirmed something it may still take back; null when it confirmed nothing today.</summary>
    public static DateTimeOffset? LastConfirmedAt(Turn turn, ReminderPolicy policy) => ConfirmedToday(turn, policy).FirstOrDefault()?.StatusChangedAt;

    // An undo is allowed on the day of the confirmation only, so today's are what it may mean; newest first.
    private static List<Obligation> ConfirmedToday(Turn turn, ReminderPolicy policy) =>
        turn.UnitObligations.Values
            .Where(o => o.Status == ObligationStatus.Submitted && o.StatusChangedAt is { } at && policy.LocalDate(at) == turn.Today)
            .OrderByDescending(o => o.StatusChangedAt)
            .ToList();

    // The items one message confirmed share its instant (Submissions).
    private static List<IReadOnlyList<string>> ByMessage(List<Obligation> newestFirst) =>
        newestFirst.GroupBy(o => o.StatusChangedAt).Select(m => (IReadOnlyList<string>)m.Select(o => o.Target.Number).ToList()).ToList();

    public static ItemStatus Status(Obligation o) => o.Status switch
    {
        ObligationStatus.Submitted => ItemStatus.Submitted,
        ObligationStatus.Accepted => ItemStatus.Accepted,
        ObligationStatus.Returned => ItemStatus.Returned,
        _ => ItemStatus.Pending,
    };
}
