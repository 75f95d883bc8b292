using Microsoft.Extensions.Logging;
using TdktBot.Messaging;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Plans;
using TdktBot.Core.Reminders;

namespace TdktBot.Conversations;

/// <summary>
/// One conversation engine for every messenger, and its only door: finds who is writing (the person, the chat's unit
/// and the role that person holds there), reads the message with <see cref="IntentParser"/>, checks the act against
/// <see cref="AccessPolicy"/> and hands it to the part that answers it. A pressed button is parsed and checked exactly
/// like the same text typed.
/// </summary>
internal sealed partial class ConversationEngine(
    Turns turns,
    PlanQuestions questions,
    Submissions submissions,
    OfficeReview review,
    Broadcasting broadcasting,
    Membership membership,
    Reporting reporting,
    BoardAccess board,
    AskedLately asked,
    PlanStore plans,
    ReminderPolicy policy,
    ILogger<ConversationEngine> logger) : IConversation
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        Intent intent;
        try
        {
            intent = IntentParser.Parse(message.Text ?? string.Empty);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A message the reader cannot read is answered, and the next one is read as usual.
            LogFailed(logger, ex, message.Channel, message.ChatAddress);
            return [new Reply(ReplyTexts.Failed)];
        }

        var replies = await HandleAsync(message, intent, ct);

        // A question after a report ("xong D1 rồi ạ, còn gì nữa không") is answered once the report is stored, in a turn
        // of its own that sees it.
        return intent.Then is { } then ? [.. replies, .. await HandleAsync(message, then, ct)] : replies;
    }

    private async Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, Intent intent, CancellationToken ct)
    {
        await using var turn = await turns.BeginAsync(message, ct);
        var act = IntentActs.ActOf(intent);
        if (!AccessPolicy.Allows(turn.Role, act))
        {
            return [new Reply(ReplyTexts.NotAllowed(turn.Role, act))];
        }

        try
        {
            return await AnswerAsync(turn, intent, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, message.Channel, message.ChatAddress);
            return [new Reply(ReplyTexts.Failed)];
        }
    }

    public Task ChatMovedAsync(Messenger channel, string oldAddress, string newAddress, CancellationToken ct) =>
        membership.ChatMovedAsync(channel, oldAddress, newAddress, ct);

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(turn.Message.Text))
        {
            return [new Reply(turn.Message.FileName is null ? ReplyTexts.EmptyMessage : ReplyTexts.FileWithoutCaption(turn.Message.FileName))];
        }

        if (await ChoiceTypedAsync(turn, intent, ct) is { } chosen)
        {
            return [chosen];
        }

        if (await FollowUpAsync(turn, intent, ct) is { } followUp)
        {
            return [followUp];
        }

        if (await AfterReportAsync(turn, intent, ct) is { } after)
        {
            return [after];
        }

        if (intent.IsAmbiguous)
        {
            return [new Reply(ReplyTexts.Ambiguous)
            {
                Buttons = intent.Choices.Take(3).Select(k => new ChatButton(ReplyTexts.ChoiceLabel(k), ChoiceCommand(k))).ToList(),
            }];
        }

        if (intent.BadArgument is { } bad)
        {
            return [new Reply(ReplyTexts.BadArgument(bad))];
        }

        return intent.Kind switch
        {
            IntentKind.Start when intent.Code is { } code => [await membership.JoinAsync(turn, code, ct)],
            // "/start" is how a chat opens: the greeting and all the bot can do.
            IntentKind.Start => [new Reply(ReplyTexts.Welcome(turn.Message.SenderName, turn.Unit.Name, turn.Role))],
            IntentKind.Greeting => [new Reply(ReplyTexts.Greeting(turn.Message.SenderName, turn.Unit.Name))],
            IntentKind.Help => [new Reply(ReplyTexts.Help(turn.Role))],
            IntentKind.Later => [new Reply(ReplyTexts.Later)],
            IntentKind.Ask or IntentKind.Confirm or IntentKind.Undo => [await AboutItemsAsync(turn, intent, ct)],
            IntentKind.Accept => [await review.ReviewAsync(turn, intent, accept: true, ct)],
            IntentKind.Return => [await review.ReviewAsync(turn, intent, accept: false, ct)],
            IntentKind.Broadcast => [await broadcasting.DraftAsync(turn, intent, ct)],
            IntentKind.SendBroadcast when intent.Broadcast is { } sent => [await broadcasting.SendAsync(turn, sent, ct)],
            IntentKind.CancelBroadcast when intent.Broadcast is { } dropped => [await broadcasting.CancelAsync(turn, dropped, ct)],
            IntentKind.Invite => [await membership.InviteAsync(turn, intent, ct)],
            IntentKind.Members => [await Membership.ListAsync(turn, ct)],
            IntentKind.ApplyPlan => [await ApplyPlanAsync(turn, ct)],
            IntentKind.Report => [await reporting.ReportAsync(turn, intent, ct)],
            IntentKind.Files => [await reporting.FilesAsync(turn, intent, ct)],
            IntentKind.Board => [await board.LinkAsync(turn, ct)],
            _ => [new Reply(ReplyTexts.Unknown)],
        };
    }

    // A question, a report or an undo, settled against the plan and the directory, then checked once more: asking about
    // other units is the office's.
    private async Task<Reply> AboutItemsAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        var context = await UndoContextAsync(turn, ct);
        // A report that does not say what is read against the question the chat asked lately ("hạn D1 bao giờ", "ok em nộp r").
        if (intent.Kind == IntentKind.Confirm && turn.Role != Role.Stranger)
        {
            context = context with { Earlier = await asked.ReadAsync(turn, ct) };
        }

        var reading = Understanding.Resolve(intent, turn.Message.Text ?? string.Empty, context);
        if (reading.AsksWhich)
        {
            // The bot asks which item; the answer may be typed as well as pressed ("hội nghị của tỉnh ấy").
            await asked.SaveAsync(turn, [turn.Message.Text ?? string.Empty], ct);
        }

        // ("ấy chưa, …" after a report today reads as the undo it is.)
        switch (reading.Intent.Kind)
        {
            case IntentKind.Confirm:
                return await submissions.ConfirmAsync(turn, reading, ct);
            case IntentKind.Undo:
                return await submissions.UndoAsync(turn, reading, ct);
            case IntentKind.Ask when reading.Unrelated:
                // Asked about nothing the plan speaks of ("lịch tiêm phòng dại ngày nào"): not a question to read on from.
                return new Reply(ReplyTexts.Unknown);
            default:
                // A question of its own is what the next follow-up reads on from.
                await asked.SaveAsync(turn, FollowUps.After([], intent, intent.Clause ?? turn.Message.Text ?? string.Empty, followedUp: false), ct);
                return await AnswerQuestionAsync(turn, reading, ct);
        }
    }

    private async Task<Reply> AnswerQuestionAsync(Turn turn, Reading reading, CancellationToken ct) =>
        !reading.IsSelf && !AccessPolicy.Allows(turn.Role, Act.AskOthers)
            ? new Reply(ReplyTexts.NotAllowed(turn.Role, Act.AskOthers))
            : await questions.AnswerAsync(turn, reading, ct);

    // "hội nghị của tỉnh ở thành phố Lạng Sơn ấy" right after the bot asked which meeting a report meant: the item typed is
    // the one chosen, as if its button were pressed, when it is exactly one of those offered.
    private async Task<Reply?> ChoiceTypedAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        if (turn.Role == Role.Stranger || await asked.ReadAsync(turn, ct) is not [_] earlier)
        {
            return null;
        }

        var context = await PlanItems.ContextAsync(turn, plans.Directory, policy, ct) with { Earlier = earlier };
        if (Understanding.Answer(intent, turn.Message.Text ?? string.Empty, context) is not { } reading
            || !AccessPolicy.Allows(turn.Role, IntentActs.ActOf(reading.Intent)))
        {
            return null;
        }

        // Answered once: a second fragment is read on its own.
        await asked.SaveAsync(turn, [], ct);
        return reading.Intent.Kind == IntentKind.Undo ? await submissions.UndoAsync(turn, reading, ct) : await submissions.ConfirmAsync(turn, reading, ct);
    }

    // After a report today: "ấy chưa, mới lên kế hoạch thôi", "cái vừa rồi chưa đâu" take it back; "với cả nv 13 nữa" reports
    // one more. The office's "nhận được hồ sơ của trường c2 rồi" tells of a unit's report. (A question opening on not yet is
    // read in AboutItemsAsync, by the same reading.)
    private async Task<Reply?> AfterReportAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        if (turn.Role == Role.Stranger || !(intent.IsAmbiguous || intent.Kind is IntentKind.Later or IntentKind.Unknown))
        {
            return null;
        }

        var context = await UndoContextAsync(turn, ct);
        var text = turn.Message.Text ?? string.Empty;
        if ((Understanding.AfterReport(intent, text, context) ?? Understanding.ReceivedFrom(intent, text, context)) is not { } reading || !AccessPolicy.Allows(turn.Role, IntentActs.ActOf(reading.Intent)))
        {
            return null;
        }

        return reading.Intent.Kind == IntentKind.Undo ? await submissions.UndoAsync(turn, reading, ct) : await submissions.ConfirmAsync(turn, reading, ct);
    }

    // The context an undo is read in: whether the chat asked something since its latest report today, which «cái vừa rồi
    // nhầm» may then mean instead.
    private async Task<Context> UndoContextAsync(Turn turn, CancellationToken ct)
    {
        var context = await PlanItems.ContextAsync(turn, plans.Directory, policy, ct);
        return PlanItems.LastConfirmedAt(turn, policy) is { } at && await AskedLately.AskedAfterAsync(turn, at, ct)
            ? context with { AskedSinceLatest = true }
            : context;
    }

    // "quý sau thì sao", "trạm y tế", "cái đó hạn bao giờ" shortly after a question: read on from it. Only a fragment or a
    // question pointing back is looked at this way; it is only ever answered, never acted on.
    private async Task<Reply?> FollowUpAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        if (turn.Role == Role.Stranger || !(intent.IsAmbiguous || intent.Kind is IntentKind.Unknown or IntentKind.Help or IntentKind.Ask)
            || await asked.ReadAsync(turn, ct) is not { Count: > 0 } earlier)
        {
            return null;
        }

        var text = intent.Clause ?? turn.Message.Text ?? string.Empty;
        var context = await PlanItems.ContextAsync(turn, plans.Directory, policy, ct) with { Earlier = earlier };
        if (FollowUps.Read(intent, text, context) is not { } reading)
        {
            return null;
        }

        await asked.SaveAsync(turn, FollowUps.After(earlier, intent, text, followedUp: true), ct);
        return await AnswerQuestionAsync(turn, reading, ct);
    }

    // The office says a reload the bot held (it would drop many items) is meant.
    private async Task<Reply> ApplyPlanAsync(Turn turn, CancellationToken ct)
    {
        if (!plans.HasHeld)
        {
            return new Reply(ReplyTexts.NothingHeld);
        }

        var outcome = await plans.LoadAsync(acceptShrink: true, ct);
        foreach (var message in outcome.Messages)
        {
            LogPlanApplied(logger, turn.Message.Channel, turn.Message.ChatAddress, message);
        }

        return new Reply(ReplyTexts.PlanApplied(outcome.Loaded, outcome.Messages));
    }

    private static string ChoiceCommand(IntentKind kind) =>
        kind == IntentKind.Ask ? "/conno" : ConversationCommands.All.FirstOrDefault(x => x.Kind == kind) is { } cmd ? "/" + cmd.Command : "/help";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Văn phòng gửi /apdung ({Channel}, cuộc trò chuyện {ChatAddress}): {Message}")]
    private static partial void LogPlanApplied(ILogger logger, Messenger channel, string chatAddress, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lỗi khi xử lý tin nhắn ({Channel}, cuộc trò chuyện {ChatAddress}).")]
    private static partial void LogFailed(ILogger logger, Exception ex, Messenger channel, string chatAddress);
}
