using Microsoft.EntityFrameworkCore;
using TdktBot.Messaging;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Obligations;
using TdktBot.Outbox;
using TdktBot.Archive;

namespace TdktBot.Conversations;

/// <summary>A unit confirms it has submitted (nộp) or takes a confirmation back; the office hears of each confirmation.</summary>
internal sealed class Submissions(ReminderPolicy policy, TimeProvider time, DeliverySignal signal, FileArchive archive)
{
    /// <summary>
    /// Confirms every item the message names, and names each in the reply. Nothing changes when the message names
    /// another unit, or when its words fit several items or none well: then the person is asked which.
    /// </summary>
    public async Task<Reply> ConfirmAsync(Turn turn, Reading reading, CancellationToken ct)
    {
        if (Others(reading) is { } other)
        {
            return turn.Role == Role.Office && reading.OtherUnit is { } unit && reading.Items.Count > 0
                ? await OfficeHeardAsync(turn, unit, reading.Items, ct)
                : new Reply(ReplyTexts.NotForOtherUnit(turn.Unit.Name, other));
        }

        var owed = PlanItems.Owed(turn);
        if (reading.Items.Count == 0)
        {
            if (owed.Count == 0)
            {
                return new Reply(ReplyTexts.NothingToConfirm(turn.Unit.Name));
            }

            // The items that fit, best fit first; when none the unit owes does, what it owes, due nearest today first (the
            // buttons are few, and a report is of work around now).
            var fits = reading.Choices.Select(n => owed.FirstOrDefault(o => o.Target.Number == n)).OfType<Obligation>().ToList();
            return new Reply(ReplyTexts.WhichToConfirm)
            {
                Buttons = PlanItems.ConfirmButtons(fits.Count > 0 ? fits : owed.OrderBy(o => Math.Abs(o.Target.Due.DayNumber - turn.Today.DayNumber))),
            };
        }

        var answers = new List<string>();
        var confirmed = new List<Obligation>();
        var now = time.GetUtcNow();
        foreach (var number in reading.Items)
        {
            if (PlanItems.ObligationFor(turn, number) is not { } chosen)
            {
                answers.Add(turn.Snapshot.Targets.Any(t => t.Number == number) ? ReplyTexts.NotOwedByUnit(number, turn.Unit.Name) : ReplyTexts.NoSuchItem(number));
                continue;
            }

            // A repeated "đã nộp" is answered from the snapshot, current as of this message; a change goes to the store.
            var change = ObligationService.RefuseConfirm(chosen, turn.Actor, policy.Settings.TimeZone)
                ?? await Service(turn).ConfirmAsync(chosen.Id, turn.Actor, reading.Intent.Text, now, ct);
            answers.Add(change.Message);
            if (change.Done)
            {
                confirmed.Add(chosen);
            }
        }

        if (confirmed.Count > 0)
        {
            var subjects = string.Join("; ", confirmed.Select(o => ReplyTexts.Describe(o.Target.ToSubject())));
            await NotifyOfficeAsync(turn, ReplyTexts.OfficeNotice(turn.Unit.Name, subjects, reading.Intent.Text, turn.Message.FileName), turn.Message.FileId, ct);
            if (turn.Message.FileId is { } fileId && archive.Takes(turn.Message.Channel))
            {
                foreach (var o in confirmed)
                {
                    answers.Add(await ArchiveAsync(turn, o, fileId, ct));
                }
            }
        }

        return new Reply(string.Join("\n", answers));
    }

    // The office tells that a unit sent something ("đã nhận KH thi đua của hội nd"). A unit confirms its own work, so nothing
    // changes; the reply says where the unit stands on each item, and what it has confirmed the office may accept at a press.
    private static async Task<Reply> OfficeHeardAsync(Turn turn, string unit, IReadOnlyList<string> items, CancellationToken ct)
    {
        var found = await turn.Db.Obligations.AsNoTracking().Include(o => o.Target)
            .Where(o => o.Unit.Name == unit && o.Active && o.Target.InPlan && items.Contains(o.Target.Number))
            .OrderByDescending(o => o.Target.Plan.Year).ToListAsync(ct);
        var owed = items.Select(n => found.FirstOrDefault(o => o.Target.Number == n)).ToList();
        var lines = items.Zip(owed, (n, o) => o is null ? ReplyTexts.NotOwedByUnit(n, unit) : ReplyTexts.HeardOf(n, unit, o.Status == ObligationStatus.Submitted, o.Status == ObligationStatus.Accepted));
        return new Reply(ReplyTexts.OfficeHeard(unit, lines))
        {
            Buttons = owed.OfType<Obligation>().Where(o => o.Status == ObligationStatus.Submitted).Select(o => ChatButton.Accept(unit, o.Target.Number)).OfType<ChatButton>().ToList(),
        };
    }

    /// <summary>Takes back the confirmations the message names, or the last one; asks which when that is not clear.</summary>
    public async Task<Reply> UndoAsync(Turn turn, Reading reading, CancellationToken ct)
    {
        // A group named beside an undo is the reason ("hủy giúp, các trường chưa nộp hồ sơ"): what is taken back is the
        // writer's own confirmation.
        if (reading.OtherUnit is { } other)
        {
            return new Reply(ReplyTexts.NotForOtherUnit(turn.Unit.Name, other));
        }

        if (reading.Unclear)
        {
            var submitted = turn.UnitObligations.Values.Where(o => o.Status == ObligationStatus.Submitted).ToList();
            var fits = reading.Choices.Select(n => submitted.FirstOrDefault(o => o.Target.Number == n)).OfType<Obligation>().ToList();
            // Nothing confirmed to take back: asking which would offer no choice.
            return submitted.Count == 0
                ? new Reply(ReplyTexts.NothingToUndo(turn.Unit.Name, anyEarlier: false))
                : new Reply(ReplyTexts.WhichToUndo) { Buttons = PlanItems.UndoButtons(fits.Count > 0 ? fits : submitted) };
        }

        if (reading.Items.Count == 0)
        {
            var anyEarlier = turn.UnitObligations.Values.Any(o => o.Status == ObligationStatus.Submitted);
            return new Reply(ReplyTexts.NothingToUndo(turn.Unit.Name, anyEarlier));
        }

        var answers = new List<string>();
        foreach (var number in reading.Items)
        {
            answers.Add(PlanItems.ObligationFor(turn, number) is { } chosen
                ? (await Service(turn).UndoAsync(chosen.Id, turn.Actor, ct)).Message
                : ReplyTexts.NotOwedByUnit(number, turn.Unit.Name));
        }

        return new Reply(string.Join("\n", answers));
    }

    // Another unit, or a group ("các trường đã nộp D2"), named as having done it: theirs to confirm, not the writer's.
    private static string? Others(Reading reading) =>
        reading.OtherUnit ?? (reading.Group is { Name: [var first, .. var rest] } ? char.ToLowerInvariant(first) + rest : null);

    /// <summary>Keeps the file sent with a confirmation; a download that keeps failing leaves the confirmation and tells the office.</summary>
    private async Task<string> ArchiveAsync(Turn turn, Obligation o, string fileId, CancellationToken ct)
    {
        var subject = ReplyTexts.ShortSubject(o.Target.ToSubject());
        var kept = await archive.KeepAsync(turn.Db, o, turn.Unit.Name, turn.Message.Channel, fileId, turn.Message.FileName, turn.Actor.Name, ct);
        switch (kept)
        {
            case Kept.Stored stored:
                return ReplyTexts.FileArchived(subject, stored.File.Path);
            case Kept.TooLarge large:
                return ReplyTexts.FileTooLarge(large.Size, FileArchive.MaxBytes);
            default:
                await NotifyOfficeAsync(turn, ReplyTexts.FileNotArchived(turn.Unit.Name, subject, turn.Message.FileName), null, ct);
                return ReplyTexts.FileNotArchivedForUnit;
        }
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

    private ObligationService Service(Turn turn) => new(turn.Db, time, policy.Settings.TimeZone);
}
