using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Data;
using TdktBot.Obligations;
using TdktBot.Core.Text;

namespace TdktBot.Broadcasts;

/// <summary>What the office sees before confirming: the draft's id, how many chats get it and how many units they belong to.</summary>
public sealed record BroadcastPreview(long BroadcastId, int Chats, int Units);

public enum BroadcastStep
{
    Confirmed,
    NotFound,
    NotYours,
    AlreadyConfirmed,
    Cancelled,
}

/// <summary>
/// Where a confirmed broadcast stands. <see cref="Failed"/>: the messenger kept erroring until the sender
/// gave up; <see cref="Blocked"/>: the chat stopped taking messages (blocked or removed the bot), so the
/// unit needs a new invitation. The chat lists name them as "chat (unit)".
/// </summary>
public sealed record BroadcastProgress(
    long BroadcastId,
    int Total,
    int Sent,
    int Failed,
    int Blocked,
    int Pending,
    IReadOnlyList<string> FailedChats,
    IReadOnlyList<string> BlockedChats);

/// <summary>
/// A campaign launch (phát động) from the office to many chats, in two steps: a draft that fixes who gets
/// it and shows the counts, then a confirmation that puts one message per chat into the outbox. Nothing
/// reaches a unit before the office confirms. Drafting, confirming and cancelling are for those the access policy
/// lets broadcast; callers check first, and a caller that did not is stopped here.
/// </summary>
public sealed class BroadcastService(TdktDbContext db, TimeProvider time)
{
    /// <summary>The <c>Delivery.Kind</c> of the messages to units.</summary>
    public const string Kind = "broadcast";

    /// <summary>The outbox key of one chat's message: unique, so a broadcast reaches a chat at most once.</summary>
    public static string DeliveryKey(long broadcastId, long chatId) => $"bc:{broadcastId}>{chatId}";

    /// <summary>
    /// Stores an unconfirmed broadcast to every active chat linked to one of <paramref name="unitIds"/> (the
    /// engine resolves a group to its units) and returns the counts for the preview. The recipients are
    /// stored now, so the office confirms exactly the list it was shown.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException"><paramref name="by"/> may not broadcast.</exception>
    public async Task<BroadcastPreview> DraftAsync(long officeChatId, Actor by, string text, string? groupId,
        IReadOnlyCollection<long> unitIds, CancellationToken ct = default)
    {
        by.Demand(Act.Broadcast);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);

        var now = time.GetUtcNow();
        var units = unitIds.Distinct().ToList();
        var chats = await db.Chats
            .Where(c => c.Active && c.UnitId != null && units.Contains(c.UnitId.Value))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, UnitId = c.UnitId!.Value })
            .ToListAsync(ct);

        var broadcast = new Broadcast
        {
            Text = text,
            GroupId = groupId,
            CreatedBy = by.Name,
            CreatedByChatId = officeChatId,
            CreatedAt = now,
        };
        var reached = chats.Select(c => c.UnitId).Distinct().Count();

        // The broadcast's id is needed for its recipients and the audit row; one transaction keeps a draft whole.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(ct);
        db.BroadcastRecipients.AddRange(chats.Select(c => new BroadcastRecipient { BroadcastId = broadcast.Id, ChatId = c.Id }));
        db.Audit.Record(now, by, "broadcast.draft", Subject(broadcast.Id),
            $"{(groupId is not null ? $"nhóm {groupId}" : $"{units.Count} đơn vị")} · {chats.Count} cuộc trò chuyện của {reached} đơn vị · {VietnameseFormat.Shorten(text, 80)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BroadcastPreview(broadcast.Id, chats.Count, reached);
    }

    /// <summary>
    /// Puts one message per recipient into the outbox and marks the broadcast confirmed, all in one
    /// transaction. Only the office chat that drafted it may confirm; a second confirmation (a double tap,
    /// a retry after a timeout) is refused and adds nothing. A recipient that stopped taking messages since
    /// the draft gets its row already given up, so the report counts it as blocked instead of waiting for it.
    /// The caller wakes the sender (<c>DeliverySignal.Notify</c>) after <see cref="BroadcastStep.Confirmed"/>.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException"><paramref name="by"/> may not broadcast.</exception>
    public async Task<BroadcastStep> ConfirmAsync(long broadcastId, long officeChatId, Actor by, CancellationToken ct = default)
    {
        by.Demand(Act.Broadcast);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // Claimed by the UPDATE's condition, so of two confirmations at once only one goes on to store rows.
        var claimed = await Open(broadcastId, officeChatId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ConfirmedAt, now), ct);
        if (claimed == 0)
        {
            return await RefusalAsync(broadcastId, officeChatId, ct);
        }

        var text = await db.Broadcasts.Where(b => b.Id == broadcastId).Select(b => b.Text).SingleAsync(ct);
        var recipients = await db.BroadcastRecipients
            .Where(r => r.BroadcastId == broadcastId)
            .OrderBy(r => r.ChatId)
            .Select(r => new { r.ChatId, r.Chat.Active })
            .ToListAsync(ct);
        foreach (var recipient in recipients)
        {
            var delivery = Delivery.Pending(DeliveryKey(broadcastId, recipient.ChatId), Kind, recipient.ChatId, text, now);
            delivery.BroadcastId = broadcastId;
            delivery.Status = recipient.Active ? DeliveryStatus.Pending : DeliveryStatus.Failed;
            delivery.Error = recipient.Active ? null : DeliveryTexts.ChatStopped;
            db.Deliveries.Add(delivery);
        }

        var stopped = recipients.Count(r => !r.Active);
        db.Audit.Record(now, by, "broadcast.confirm", Subject(broadcastId),
            $"{recipients.Count - stopped} tin chờ gửi{(stopped > 0 ? $", {stopped} cuộc trò chuyện đã ngừng hoạt động" : string.Empty)}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return BroadcastStep.Confirmed;
    }

    /// <summary>
    /// Drops an unconfirmed draft; returns <see cref="BroadcastStep.Cancelled"/> when it is (or already was)
    /// cancelled, <see cref="BroadcastStep.AlreadyConfirmed"/> once it is being sent.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException"><paramref name="by"/> may not broadcast.</exception>
    public async Task<BroadcastStep> CancelAsync(long broadcastId, long officeChatId, Actor by, CancellationToken ct = default)
    {
        by.Demand(Act.Broadcast);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await Open(broadcastId, officeChatId).ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelledAt, now), ct);
        if (claimed == 0)
        {
            return await RefusalAsync(broadcastId, officeChatId, ct);
        }

        db.Audit.Record(now, by, "broadcast.cancel", Subject(broadcastId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return BroadcastStep.Cancelled;
    }

    /// <summary>
    /// Counts of a confirmed broadcast's messages; null when there is no such broadcast or it was never
    /// confirmed (nothing is being sent). A message still waiting for a chat that no longer takes messages
    /// counts as blocked: the sender skips inactive chats, so it would otherwise keep the report waiting.
    /// </summary>
    public async Task<BroadcastProgress?> ProgressAsync(long broadcastId, CancellationToken ct = default)
    {
        if (!await db.Broadcasts.AnyAsync(b => b.Id == broadcastId && b.ConfirmedAt != null, ct))
        {
            return null;
        }

        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.BroadcastId == broadcastId)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Status, d.Error, d.Chat.Active, d.Chat.DisplayName, d.Chat.Address, Unit = d.Chat.Unit == null ? null : d.Chat.Unit.Name })
            .ToListAsync(ct);

        // A chat that moved into one that already had this broadcast leaves its copy behind: one chat, one message.
        rows.RemoveAll(r => r.Status == DeliveryStatus.Failed && r.Error == DeliveryTexts.AlreadyInMovedChat);

        var blocked = rows.Where(r => !r.Active && r.Status != DeliveryStatus.Sent).ToList();
        var failed = rows.Where(r => r.Active && r.Status == DeliveryStatus.Failed).ToList();
        return new BroadcastProgress(
            broadcastId,
            rows.Count,
            rows.Count(r => r.Status == DeliveryStatus.Sent),
            failed.Count,
            blocked.Count,
            rows.Count(r => r.Active && r.Status == DeliveryStatus.Pending),
            failed.Select(r => BroadcastTexts.ChatLabel(r.DisplayName ?? r.Address, r.Unit)).Order(VietnameseOrder.Names).ToList(),
            blocked.Select(r => BroadcastTexts.ChatLabel(r.DisplayName ?? r.Address, r.Unit)).Order(VietnameseOrder.Names).ToList());
    }

    private static string Subject(long broadcastId) => $"broadcast:{broadcastId}";

    // The draft this office chat may still confirm or cancel: neither done yet.
    private IQueryable<Broadcast> Open(long broadcastId, long officeChatId) =>
        db.Broadcasts.Where(b => b.Id == broadcastId && b.CreatedByChatId == officeChatId && b.ConfirmedAt == null && b.CancelledAt == null);

    /// <summary>Why a claim matched nothing, checked in the order the office needs to hear it.</summary>
    private async Task<BroadcastStep> RefusalAsync(long broadcastId, long officeChatId, CancellationToken ct)
    {
        var broadcast = await db.Broadcasts.AsNoTracking()
            .Where(b => b.Id == broadcastId)
            .Select(b => new { b.CreatedByChatId, b.ConfirmedAt, b.CancelledAt })
            .SingleOrDefaultAsync(ct);
        return broadcast switch
        {
            null => BroadcastStep.NotFound,
            _ when broadcast.CreatedByChatId != officeChatId => BroadcastStep.NotYours,
            { CancelledAt: not null } => BroadcastStep.Cancelled,
            _ => BroadcastStep.AlreadyConfirmed,
        };
    }
}
