using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Core.Conversations;
using TdktBot.Core.Text;

namespace TdktBot.Reminders;

/// <summary>What one sweep decided.</summary>
public sealed record SweepResult(int Reminders, int Deliveries, int Skipped);

/// <summary>
/// Decides, at a given instant, which reminders are due and stores each one as a reminder row with a
/// unique key plus one delivery per chat of its recipient, in one transaction. Running it twice, or
/// on two restarts, cannot send a step twice: the keys are unique in the store. Missed slots whose
/// catch-up window has closed are recorded as skipped and logged once.
/// </summary>
public sealed partial class ReminderSweep(TdktDbContext db, ReminderPolicy policy, ILogger<ReminderSweep> logger)
{
    // Slots older than this cannot be eligible any more (every catch-up window is shorter), so only the keys of the
    // targets still owed are loaded from before it.
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(45);

    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        // Civil hours only: a restart at night or on a weekend leaves catch-ups for the next working morning.
        var localNow = TimeZoneInfo.ConvertTime(now, policy.Settings.TimeZone);
        var local = TimeOnly.FromTimeSpan(localNow.TimeOfDay);
        if (!policy.Calendar.IsWorkingDay(policy.LocalDate(now)) || local < policy.Settings.At || local >= policy.Settings.LatestAt)
        {
            return new SweepResult(0, 0, 0);
        }

        // One sweep at a time over the store, however many instances share it: the later one reads what the first wrote.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var exclusive = await db.BeginExclusiveAsync("sweep", ct);
            var result = await SweepAsync(now, localNow, exclusive.GetDbTransaction(), ct);
            await exclusive.CommitAsync(ct);
            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<SweepResult> SweepAsync(DateTimeOffset now, DateTimeOffset localNow, DbTransaction transaction, CancellationToken ct)
    {
        var since = now - LookBack;
        var owed = await db.Obligations.AsNoTracking()
            .Where(o => o.Active && o.Target.InPlan && (o.Status == ObligationStatus.Pending || o.Status == ObligationStatus.Returned))
            .Select(o => new Owed(o.Id, o.UnitId, o.Unit.Name, o.ScheduleFrom, o.TargetId))
            .ToListAsync(ct);

        // A step's key does not change when its due date moves, so a step sent long ago may come due again; its key
        // must be known here or saving the new row would break the unique key and fail the whole sweep.
        var owedTargets = owed.Select(o => o.TargetId).Distinct().ToList();
        var handled = (await db.Reminders
            .Where(r => r.ScheduledAt >= since || (r.TargetId != null && owedTargets.Contains(r.TargetId.Value)))
            .Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var targets = await db.Targets.AsNoTracking().Where(t => t.InPlan)
            .ToDictionaryAsync(t => t.Id, ct);
        var chats = await db.Chats.AsNoTracking().Where(c => c.Active).ToListAsync(ct);
        var chatsByUnit = chats.Where(c => c.UnitId is not null).ToLookup(c => c.UnitId!.Value);
        var officeChats = await db.OfficeChats().AsNoTracking().ToListAsync(ct);

        var batch = new Batch(now);
        var today = policy.LocalDate(now);

        foreach (var o in owed)
        {
            var target = targets[o.TargetId];
            var slots = policy.UnitSlots(target.Due);
            var picked = policy.Pick(slots, now, o.ScheduleFrom, step => handled.Contains(UnitKey(o.Id, step)));
            foreach (var slot in slots.Where(s => s.At <= now && s.At >= o.ScheduleFrom && s.At >= since && s != picked))
            {
                if (handled.Add(UnitKey(o.Id, slot.Step)))
                {
                    batch.Skip(UnitKey(o.Id, slot.Step), slot, o.Id, o.TargetId);
                    LogSkipped(logger, slot.Step, o.UnitName, target.Number, slot.At);
                }
            }

            if (picked is not null && handled.Add(UnitKey(o.Id, picked.Step)))
            {
                var text = ReminderTexts.UnitReminder(o.UnitName, target.ToSubject(), today, picked.Step);
                // The button's command is checked like typed text: it can only confirm for the presser's own unit.
                var button = DeliveryButtons.Format([ChatButton.Confirm(target.Number)]);
                batch.Send(UnitKey(o.Id, picked.Step), "reminder", picked, o.Id, o.TargetId, chatsByUnit[o.UnitId], text, button);
            }
        }

        foreach (var group in owed.GroupBy(o => o.TargetId))
        {
            var target = targets[group.Key];
            var slot = policy.EscalationSlot(target.Due);
            var key = $"esc:{target.Id}";
            if (slot.At > now || slot.At < since || slot.At < group.Min(o => o.ScheduleFrom) || handled.Contains(key))
            {
                continue;
            }

            handled.Add(key);
            if (now >= slot.Until)
            {
                batch.Skip(key, slot, null, target.Id);
                LogSkipped(logger, slot.Step, "văn phòng", target.Number, slot.At);
                continue;
            }

            var late = group.Select(o => o.UnitName).Distinct().Order(VietnameseOrder.Names).ToList();
            batch.Send(key, "escalation", slot, null, target.Id, officeChats, ReminderTexts.Escalation(target.ToSubject(), late, today));
        }

        if (policy.Settings.WeeklyDigest && owed.Count > 0)
        {
            AddDigest(batch, now, today, owed, targets, officeChats, handled);
        }

        await SaveAsync(batch, transaction, ct);

        var result = new SweepResult(batch.Reminders.Count(r => !r.Skipped), batch.Deliveries.Count, batch.Reminders.Count(r => r.Skipped));
        if (result.Reminders + result.Skipped > 0)
        {
            LogSwept(logger, localNow, result.Reminders, result.Deliveries, result.Skipped);
        }

        return result;
    }

    /// <summary>
    /// Every row of the sweep in the sweep's one transaction, all or nothing, written by <see cref="RowWriter{TEntity}"/> rather than
    /// through EF's change tracker: a commune's sweep is a few rows, but a province's is hundreds of thousands, where
    /// SaveChanges took 14× as long (22 s against 1.6 s for 100,000 obligations) and held the store's write lock, and so
    /// every confirmation, all that time (docs/benchmarks.md, fanout).
    /// </summary>
    private async Task SaveAsync(Batch batch, DbTransaction transaction, CancellationToken ct)
    {
        await using (var reminders = new RowWriter<Reminder>(db, transaction, readKeys: true))
        {
            foreach (var reminder in batch.Reminders)
            {
                ct.ThrowIfCancellationRequested();
                reminders.Insert(reminder);
            }
        }

        await using (var deliveries = new RowWriter<Delivery>(db, transaction, readKeys: false))
        {
            foreach (var delivery in batch.Deliveries)
            {
                ct.ThrowIfCancellationRequested();
                delivery.ReminderId = delivery.Reminder?.Id;
                deliveries.Insert(delivery);
            }
        }
    }

    private void AddDigest(Batch batch, DateTimeOffset now, DateOnly today, List<Owed> owed, Dictionary<long, PlanTarget> targets, List<Chat> officeChats, HashSet<string> handled)
    {
        var slot = policy.DigestSlot(today);
        if (slot is null || slot.At > now || slot.At < owed.Min(o => o.ScheduleFrom))
        {
            return;
        }

        var weekStart = ReminderPolicy.WeekStart(today);
        var key = "digest:" + ReminderPreview.WeekKey(weekStart);
        if (!handled.Add(key))
        {
            return;
        }

        if (now >= slot.Until)
        {
            batch.Skip(key, slot, null, null);
            LogSkipped(logger, slot.Step, "văn phòng", key, slot.At);
            return;
        }

        var owedTargets = owed.Select(o => o.TargetId).ToHashSet();
        var dueThisWeek = targets.Values
            .Where(t => t.Due >= weekStart && t.Due <= weekStart.AddDays(6) && owedTargets.Contains(t.Id))
            .OrderBy(t => t.Due).ThenBy(t => t.Id)
            .Select(t => t.ToSubject()).ToList();
        var late = owed.Where(o => policy.LateFrom(targets[o.TargetId].Due) <= today)
            .GroupBy(o => o.TargetId)
            .OrderBy(g => targets[g.Key].Due).ThenBy(g => g.Key)
            .Select(g => new LateItem(targets[g.Key].ToSubject(), g.Select(o => o.UnitName).Order(VietnameseOrder.Names).ToList()))
            .ToList();
        if (dueThisWeek.Count == 0 && late.Count == 0)
        {
            batch.Skip(key, slot, null, null);
            return;
        }

        batch.Send(key, "digest", slot, null, null, officeChats, ReminderTexts.WeeklyDigest(weekStart, dueThisWeek, late, today));
    }

    public static string UnitKey(long obligationId, string step) => string.Create(CultureInfo.InvariantCulture, $"rem:{obligationId}:{step}");

    private sealed record Owed(long Id, long UnitId, string UnitName, DateTimeOffset ScheduleFrom, long TargetId);

    private sealed class Batch(DateTimeOffset now)
    {
        public List<Reminder> Reminders { get; } = [];

        public List<Delivery> Deliveries { get; } = [];

        public void Skip(string key, ReminderSlot slot, long? obligationId, long? targetId) =>
            Reminders.Add(new Reminder { Key = key, Step = slot.Step, ObligationId = obligationId, TargetId = targetId, ScheduledAt = slot.At, CreatedAt = now, Skipped = true });

        public void Send(string key, string kind, ReminderSlot slot, long? obligationId, long? targetId, IEnumerable<Chat> chats, string text, string? buttons = null)
        {
            var reminder = new Reminder { Key = key, Step = slot.Step, ObligationId = obligationId, TargetId = targetId, ScheduledAt = slot.At, CreatedAt = now };
            Reminders.Add(reminder);
            foreach (var chat in chats)
            {
                var delivery = Delivery.Pending(string.Create(CultureInfo.InvariantCulture, $"{key}>{chat.Id}"), kind, chat.Id, text, now);
                delivery.Reminder = reminder;
                delivery.Buttons = buttons;
                Deliveries.Add(delivery);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bỏ qua lời nhắc {Step} cho {Unit} (mục {Target}) lúc {At:dd/MM/yyyy HH:mm}: đã quá thời điểm gửi bù.")]
    private static partial void LogSkipped(ILogger logger, string step, string unit, string target, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Information, Message = "Quét nhắc việc lúc {Now:dd/MM/yyyy HH:mm}: {Reminders} lời nhắc, {Deliveries} tin nhắn cần gửi, {Skipped} bỏ qua.")]
    private static partial void LogSwept(ILogger logger, DateTimeOffset now, int reminders, int deliveries, int skipped);
}
