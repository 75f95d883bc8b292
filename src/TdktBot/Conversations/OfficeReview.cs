using Microsoft.EntityFrameworkCore;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Obligations;
using TdktBot.Plans;

namespace TdktBot.Conversations;

/// <summary>The office follows the plan: which units have not submitted, and accepting (tiếp nhận) or returning (trả lại) a submission.</summary>
internal sealed class OfficeReview(PlanStore plans, ReminderPolicy policy, TimeProvider time)
{
    public static async Task<Reply> NotSubmittedAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        var year = PlanItems.CurrentYear(turn);
        var soon = turn.Today.AddDays(7);
        var targets = await turn.Db.Targets.Include(t => t.Obligations).ThenInclude(o => o.Unit)
            .Where(t => t.InPlan && (year == null || t.Plan.Year == year))
            .Where(t => intent.Target != null ? t.Number == intent.Target : t.Due <= soon)
            .OrderBy(t => t.Due).ThenBy(t => t.Id)
            .ToListAsync(ct);
        if (intent.Target is { } number && targets.Count == 0)
        {
            return new Reply(ReplyTexts.NoSuchItem(number));
        }

        var sections = targets
            .Select(t => (Target: t, Units: t.Obligations.Where(o => o.Active && o.IsOwed).Select(o => o.Unit.Name).Order(StringComparer.Ordinal).ToList()))
            .Where(x => intent.Target != null || x.Units.Count > 0)
            .Select(x => ReplyTexts.NotSubmittedList(x.Target.ToSubject(), x.Units, turn.Today))
            .ToList();
        return new Reply(sections.Count == 0 ? ReplyTexts.EveryoneUpToDate : string.Join("\n\n", sections));
    }

    /// <summary>Accepts (tiếp nhận) or, with <paramref name="accept"/> false, returns (trả lại) a unit's submission.</summary>
    public async Task<Reply> ReviewAsync(Turn turn, Intent intent, bool accept, CancellationToken ct)
    {
        if (intent.Unit is null || intent.Target is null)
        {
            return new Reply(accept ? ReplyTexts.AcceptUsage : ReplyTexts.ReturnUsage);
        }

        if (await turn.FindUnitAsync(plans.Directory, intent.Unit, ct) is not { } unit)
        {
            return new Reply(ReplyTexts.UnitNotFound(intent.Unit));
        }

        var obligation = await turn.Db.Obligations.Include(o => o.Target)
            .Where(o => o.UnitId == unit.Id && o.Active && o.Target.InPlan && o.Target.Number == intent.Target)
            .OrderByDescending(o => o.Target.Plan.Year).FirstOrDefaultAsync(ct);
        if (obligation is null)
        {
            return new Reply(ReplyTexts.NotOwedByUnit(intent.Target, unit.Name));
        }

        var service = new ObligationService(turn.Db, time, policy.Settings.TimeZone);
        var change = accept
            ? await service.AcceptAsync(obligation.Id, turn.Actor, ct)
            : await service.ReturnAsync(obligation.Id, turn.Actor, intent.Text, ct);
        return new Reply(change.Message);
    }
}
