using TdktBot.Core.Conversations;

namespace TdktBot.Core.Tests.Conversations;

/// <summary>
/// The kinds of request the parser tests name. A question is one <see cref="IntentKind.Ask"/> whose parts say what it
/// asks; these labels name the common shapes: the items of a period, what is still owed, who has not submitted.
/// </summary>
public enum Label
{
    Unknown,
    Help,
    Greeting,
    Start,
    Quarter,
    Month,
    Week,
    NextDeadlines,
    WholePlan,
    MyPending,

    /// <summary>One or a few items asked about: when, how many days left, what, whether done.</summary>
    AboutItem,
    Confirm,
    Undo,

    /// <summary>News of work still to come or held up: read, nothing recorded.</summary>
    Later,
    WhoHasNotSubmitted,
    Accept,
    Return,
    Invite,
    Broadcast,
    Members,
    SendBroadcast,
    CancelBroadcast,
}

internal static class Labels
{
    /// <summary>The shape of the reading: about other units first, then what is owed, then its period, else the whole plan.</summary>
    public static Label Of(Intent intent)
    {
        if (intent.Kind != IntentKind.Ask)
        {
            return Of(intent.Kind);
        }

        var question = intent.Question;
        if (question.Who == WhoKind.All || intent.Unit is not null)
        {
            return Label.WhoHasNotSubmitted;
        }

        if ((question.Numbers.Count > 0 && question.ItemForm is not (AnswerForm.List or AnswerForm.WhoOwes))
            || (question.ItemWords is not null && question.ItemForm is AnswerForm.When or AnswerForm.DaysLeft))
        {
            return Label.AboutItem;
        }

        if (question.Status is StatusFilter.Pending or StatusFilter.Overdue && question.Period is null)
        {
            return Label.MyPending;
        }

        return question.Period?.Unit switch
        {
            PeriodUnit.Quarter => Label.Quarter,
            PeriodUnit.Month => Label.Month,
            PeriodUnit.Week => Label.Week,
            PeriodUnit.Ahead => Label.NextDeadlines,
            _ => question.Status is StatusFilter.Pending or StatusFilter.Overdue ? Label.MyPending : Label.WholePlan,
        };
    }

    public static Label Of(IntentKind kind) => kind == IntentKind.Ask ? Label.MyPending : Enum.Parse<Label>(kind.ToString());

    /// <summary>The one item named: a question's or a report's first number, or the office's target.</summary>
    public static string? Target(Intent intent) =>
        intent.Kind is IntentKind.Ask or IntentKind.Confirm or IntentKind.Undo ? intent.Question.Numbers is [var first, ..] ? first : null : intent.Target;

    public static IReadOnlyList<Label> Choices(Intent intent) => intent.Choices.Select(Of).ToList();

    public static int? Quarter(Intent intent) => intent.Question.Period is { Unit: PeriodUnit.Quarter } p ? p.Number : null;

    public static int? Month(Intent intent) => intent.Question.Period is { Unit: PeriodUnit.Month } p ? p.Number : null;

    public static int Offset(Intent intent) => intent.Question.Period?.Offset ?? 0;
}
