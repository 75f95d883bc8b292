using TdktBot.Messaging;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Core.Plans;
using TdktBot.Data.Entities;

namespace TdktBot.Conversations;

/// <summary>What everyone in a unit asks about the plan: a quarter, a month, a week, the next deadlines, the whole year, what the unit still owes.</summary>
internal static class PlanQuestions
{
    public static Reply QuarterItems(Turn turn, Intent intent)
    {
        var today = turn.Today;
        var (year, quarter) = intent.Quarter is { } q ? (today.Year, q) : Shift(today.Year, Quarter.Of(today) + intent.Offset, 4);
        var items = PlanItems.Items(turn, year, t => t.Quarter == quarter || t.Kind == TargetKind.Deadline && Quarter.Of(t.Due) == quarter);
        return new Reply(ReplyTexts.Items(ReplyTexts.QuarterTitle(quarter, year), items, today));
    }

    public static Reply MonthItems(Turn turn, Intent intent)
    {
        var today = turn.Today;
        var (year, month) = intent.MonthOfYear is { } m ? (today.Year, m) : Shift(today.Year, today.Month + intent.Offset, 12);
        var items = PlanItems.Items(turn, year, t => t.Due.Year == year && t.Due.Month == month);
        return new Reply(ReplyTexts.Items(ReplyTexts.MonthTitle(month, year), items, today, "Không có hạn nào trong tháng này. Gõ /quy để xem các việc của quý."));
    }

    public static Reply WeekItems(Turn turn, Intent intent)
    {
        var today = turn.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + (7 * intent.Offset));
        var items = PlanItems.Items(turn, null, t => t.Due >= monday && t.Due <= monday.AddDays(6));
        return new Reply(ReplyTexts.Items(ReplyTexts.WeekTitle(monday), items, today, "Không có hạn nào trong tuần này. Gõ /sapden để xem các hạn sắp tới."));
    }

    public static Reply NextItems(Turn turn)
    {
        var items = PlanItems.Items(turn, null, t => t.Due >= turn.Today).Take(5).ToList();
        return new Reply(ReplyTexts.Items(ReplyTexts.NextTitle, items, turn.Today, "Không còn hạn nào sắp tới trong kế hoạch."));
    }

    public static Reply WholePlanItems(Turn turn)
    {
        var year = PlanItems.CurrentYear(turn);
        var items = PlanItems.Items(turn, year, _ => true);
        return new Reply(ReplyTexts.Items(ReplyTexts.PlanTitle(year ?? turn.Today.Year), items, turn.Today, ReplyTexts.NoPlan));
    }

    public static Reply PendingItems(Turn turn)
    {
        var owed = PlanItems.Owed(turn);
        if (owed.Count == 0)
        {
            return new Reply(ReplyTexts.NothingPending(turn.Unit.Name));
        }

        var items = owed.Select(o => new ItemLine(o.Target.ToSubject(), PlanItems.Status(o))).ToList();
        var list = ReplyTexts.Items(ReplyTexts.PendingTitle(turn.Unit.Name), items, turn.Today);

        // How to confirm, only to those who may.
        return AccessPolicy.Allows(turn.Role, Act.Confirm)
            ? new Reply(list + "\n" + ReplyTexts.ConfirmHint) { Buttons = PlanItems.ConfirmButtons(owed) }
            : new Reply(list);
    }

    private static (int Year, int Index) Shift(int year, int index, int perYear)
    {
        var zeroBased = index - 1;
        var y = year + (int)Math.Floor(zeroBased / (double)perYear);
        return (y, ((zeroBased % perYear) + perYear) % perYear + 1);
    }
}
