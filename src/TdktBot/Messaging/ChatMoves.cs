using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Data;
using TdktBot.Obligations;

namespace TdktBot.Messaging;

/// <summary>
/// A chat whose messenger id changed (a Telegram group upgraded to a supergroup) keeps its link to the
/// unit and the messages waiting for it. Used by the sender when a send answers "moved"; the
/// conversation engine can use it when the messenger announces the move.
/// </summary>
public static class ChatMoves
{
    /// <summary>
    /// Points <paramref name="chat"/> at <paramref name="newAddress"/> and returns the chat that now stands for
    /// the conversation. When the bot already knows a chat with that address (someone wrote from the new
    /// group first), that row is kept, since (channel, address) is unique: it takes the old chat's unit
    /// unless it was linked itself (people's roles are their own and need not follow), becomes active, and gets
    /// the old chat's waiting messages; the old chat is made inactive. A waiting message the kept chat already
    /// has (same reminder or broadcast) is given up rather than sent twice. Changes are tracked, not saved: the
    /// caller saves them with its own.
    /// </summary>
    public static async Task<Chat> MoveAsync(TdktDbContext db, Chat chat, string newAddress, string actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newAddress);

        var oldAddress = chat.Address;
        var existing = await db.Chats.Include(c => c.Unit)
            .SingleOrDefaultAsync(c => c.Channel == chat.Channel && c.Address == newAddress && c.Id != chat.Id, ct);
        if (existing is null)
        {
            chat.Address = newAddress;
            db.Audit.Record(now, actor, null, "chat.moved", $"chat:{chat.Id}", $"{chat.Channel.Key()} {oldAddress} → {newAddress}");
            return chat;
        }

        if (existing.UnitId is null)
        {
            existing.UnitId = chat.UnitId;
            existing.Unit = chat.Unit;
        }

        existing.DisplayName ??= chat.DisplayName;
        existing.IsGroup |= chat.IsGroup;
        existing.Active = true;
        existing.InactiveReason = null;
        chat.Active = false;
        chat.InactiveReason = DeliveryTexts.MovedTo(newAddress);

        var waiting = await db.Deliveries
            .Where(d => d.ChatId == chat.Id && d.Status == DeliveryStatus.Pending)
            .ToListAsync(ct);
        var reminders = await db.Deliveries
            .Where(d => d.ChatId == existing.Id && d.ReminderId != null)
            .Select(d => d.ReminderId!.Value)
            .ToListAsync(ct);
        var broadcasts = await db.Deliveries
            .Where(d => d.ChatId == existing.Id && d.BroadcastId != null)
            .Select(d => d.BroadcastId!.Value)
            .ToListAsync(ct);
        var dropped = 0;
        foreach (var delivery in waiting)
        {
            if ((delivery.ReminderId is { } r && reminders.Contains(r)) || (delivery.BroadcastId is { } b && broadcasts.Contains(b)))
            {
                delivery.Status = DeliveryStatus.Failed;
                delivery.Error = DeliveryTexts.AlreadyInMovedChat;
                dropped++;
                continue;
            }

            delivery.ChatId = existing.Id;
            delivery.Chat = existing;
        }

        db.Audit.Record(now, actor, null, "chat.merged", $"chat:{chat.Id}",
            $"{chat.Channel.Key()} {oldAddress} → {newAddress} (chat:{existing.Id}) · {waiting.Count - dropped} tin chờ gửi chuyển theo, {dropped} tin trùng bỏ qua");
        return existing;
    }
}
