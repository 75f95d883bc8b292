using Microsoft.EntityFrameworkCore;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Obligations;
using TdktBot.Plans;

namespace TdktBot.Conversations;

/// <summary>The office accepts (tiếp nhận) or returns (trả lại) a unit's submission.</summary>
internal sealed class OfficeReview(PlanStore plans, ReminderPolicy policy, TimeProvider time)
{
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
