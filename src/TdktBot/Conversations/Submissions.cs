using Microsoft.EntityFrameworkCore;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Core.Text;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Obligations;
using TdktBot.Outbox;

namespace TdktBot.Conversations;

/// <summary>A unit confirms it has submitted (nộp) or takes a confirmation back; the office hears of each confirmation.</summary>
internal sealed class Submissions(ReminderPolicy policy, TimeProvider time, DeliverySignal signal)
{
    public async Task<Reply> ConfirmAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        Obligation? chosen;
        if (intent.Target is { } number)
        {
            chosen = PlanItems.ObligationFor(turn, number);
            if (chosen is null)
            {
                return new Reply(turn.Snapshot.Targets.Any(t => t.Number == number)
                    ? ReplyTexts.NotOwedByUnit(number, turn.Unit.Name)
                    : ReplyTexts.NoSuchItem(number));
            }
        }
        else
        {
            var owed = PlanItems.Owed(turn);
            var candidates = intent.TargetHint is { } hint ? Matching(owed, hint) : owed;
            if (candidates.Count == 0 && owed.Count == 0)
            {
                return new Reply(ReplyTexts.NothingToConfirm(turn.Unit.Name));
            }

            // "đã nộp kế hoạch" in January means the plan due this month, not the one due in October.
            if (candidates.Count > 1 && candidates.Where(o => o.Target.Due <= turn.Today.AddDays(14)).ToList() is [var near])
            {
                candidates = [near];
            }

            if (candidates.Count != 1)
            {
                var choices = candidates.Count == 0 ? owed : candidates;
                return new Reply(ReplyTexts.WhichToConfirm) { Buttons = PlanItems.ConfirmButtons(choices) };
            }

            chosen = candidates[0];
        }

        // A repeated "đã nộp" is answered from the snapshot, current as of this message; a change goes to the store.
        var change = ObligationService.RefuseConfirm(chosen, turn.Actor, policy.Settings.TimeZone)
            ?? await Service(turn).ConfirmAsync(chosen.Id, turn.Actor, intent.Text, ct);
        if (change.Done)
        {
            await NotifyOfficeAsync(turn, ReplyTexts.OfficeNotice(turn.Unit.Name, ReplyTexts.Describe(chosen.Target.ToSubject()), intent.Text, turn.Message.FileName),
                turn.Message.FileId, ct);
        }

        return new Reply(change.Message);
    }

    public async Task<Reply> UndoAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        Obligation? chosen = intent.Target is { } number
            ? PlanItems.ObligationFor(turn, number)
            : await turn.Db.Obligations.Include(o => o.Target)
                .Where(o => o.UnitId == turn.Unit.Id && o.Status == ObligationStatus.Submitted)
                .OrderByDescending(o => o.StatusChangedAt).FirstOrDefaultAsync(ct);
        if (chosen is null)
        {
            return new Reply(intent.Target is { } n ? ReplyTexts.NotOwedByUnit(n, turn.Unit.Name) : ReplyTexts.NothingToConfirm(turn.Unit.Name));
        }

        return new Reply((await Service(turn).UndoAsync(chosen.Id, turn.Actor, ct)).Message);
    }

    /// <param name="fileId">An attached file; forwarded to office chats on the same messenger (a file id means nothing elsewhere).</param>
    private async Task NotifyOfficeAsync(Turn turn, string text, string? fileId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var office = await turn.Db.OfficeChats().Where(x => x.Id != turn.Chat.Id).ToListAsync(ct);
        var key = Guid.NewGuid().ToString("N");
        foreach (var o in office)
        {
            var notice = Delivery.Pending($"notice:{key}>{o.Id}", "notice", o.Id, text, now);
            notice.Attachment = o.Channel == turn.Message.Channel ? fileId : null;
            turn.Db.Deliveries.Add(notice);
        }

        await turn.Db.SaveChangesAsync(ct);
        signal.Notify();
    }

    /// <summary>Owed items whose content shares the hint's words ("kế hoạch" finds the plan deadline).</summary>
    private static List<Obligation> Matching(List<Obligation> owed, string hint)
    {
        var words = VietnameseText.Fold(hint).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).ToList();
        if (words.Count == 0)
        {
            return owed;
        }

        var scored = owed.Select(o => (o, Score: words.Count(w => VietnameseText.Fold(o.Target.Content).Contains(w, StringComparison.Ordinal)))).ToList();
        var best = scored.Max(x => x.Score);
        return best == 0 ? [] : scored.Where(x => x.Score == best).Select(x => x.o).ToList();
    }

    private ObligationService Service(Turn turn) => new(turn.Db, time, policy.Settings.TimeZone);
}
