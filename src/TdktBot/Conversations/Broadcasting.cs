using Microsoft.EntityFrameworkCore;
using TdktBot.Broadcasts;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;
using TdktBot.Outbox;
using TdktBot.Plans;

namespace TdktBot.Conversations;

/// <summary>The office's campaign launches (phát động): a draft shown with its reach, then «Gửi» or «Hủy».</summary>
internal sealed class Broadcasting(PlanStore plans, TimeProvider time, DeliverySignal signal)
{
    // One message on every messenger (Zalo's limit is 2000 characters), with room for the preview's frame.
    private const int MaxBroadcastLength = 1800;

    public async Task<Reply> DraftAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(intent.Text))
        {
            return new Reply(ReplyTexts.BroadcastUsage);
        }

        if (intent.Text.Length > MaxBroadcastLength)
        {
            return new Reply(ReplyTexts.BroadcastTooLong(intent.Text.Length, MaxBroadcastLength));
        }

        var directory = plans.Directory;
        // A group, or the units a notice names ("nhắc tyt nộp bc", "Nhắc Hội Nông dân, Hội CCB với Công an xã: …").
        var (group, named) = intent.Group is { } written && directory is not null ? Understanding.Audience(written, directory) : (null, []);
        if (intent.Group is not null && group is null && named.Count == 0)
        {
            return new Reply(ReplyTexts.BroadcastGroupNotFound(intent.Group, directory?.Groups.Select(g => g.Name) ?? []));
        }

        var names = named.Count > 0 ? named.Select(u => u.Name).ToList()
            : group is null || group.IncludesAll ? directory?.Units.Select(u => u.Name).ToList() ?? []
            : directory!.MembersOf(group).Select(u => u.Name).ToList();
        var unitIds = await turn.Db.Units.Where(u => u.InDirectory && names.Contains(u.Name)).Select(u => u.Id).ToListAsync(ct);
        var preview = await new BroadcastService(turn.Db, time).DraftAsync(turn.Chat.Id, turn.Actor, intent.Text,
            group is { IncludesAll: false } ? group.Id : null, unitIds, ct);
        var audience = named.Count > 0 ? string.Join(", ", named.Select(u => u.Name)) : group is { IncludesAll: false } ? InSentence(group.Name) : "tất cả đơn vị";
        return new Reply(ReplyTexts.BroadcastPreview(intent.Text, audience, preview.Chats, preview.Units))
        {
            Buttons = preview.Chats == 0 ? [] :
            [
                new ChatButton("📣 Gửi", ConversationCommands.SendBroadcast(preview.BroadcastId)),
                new ChatButton("Hủy", ConversationCommands.CancelBroadcast(preview.BroadcastId)),
            ],
        };
    }

    public async Task<Reply> SendAsync(Turn turn, long id, CancellationToken ct)
    {
        var step = await new BroadcastService(turn.Db, time).ConfirmAsync(id, turn.Chat.Id, turn.Actor, ct);
        if (step != BroadcastStep.Confirmed)
        {
            return Answer(step);
        }

        signal.Notify();
        return new Reply(ReplyTexts.BroadcastConfirmed(await turn.Db.Deliveries.CountAsync(d => d.BroadcastId == id, ct)));
    }

    public async Task<Reply> CancelAsync(Turn turn, long id, CancellationToken ct) =>
        Answer(await new BroadcastService(turn.Db, time).CancelAsync(id, turn.Chat.Id, turn.Actor, ct));

    private static Reply Answer(BroadcastStep step) => new(step switch
    {
        BroadcastStep.Cancelled => ReplyTexts.BroadcastCancelled,
        BroadcastStep.AlreadyConfirmed => ReplyTexts.BroadcastAlreadyConfirmed,
        BroadcastStep.NotYours => ReplyTexts.BroadcastNotYours,
        _ => ReplyTexts.BroadcastNotFound,
    });

    // "Các đơn vị sự nghiệp…" reads "các đơn vị sự nghiệp…" mid-sentence; proper names ("Mặt trận Tổ quốc…") keep their capitals.
    private static string InSentence(string name) =>
        name.StartsWith("Các ", StringComparison.Ordinal) || name.StartsWith("Tất cả ", StringComparison.Ordinal) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
