namespace TdktBot.Core.Conversations;

/// <summary>What the office is told on the bot's own account: a chat it can no longer write to, a plan reload it holds.</summary>
public static class DeliveryTexts
{
    /// <summary>Why the other messages waiting for a chat were given up when the chat stopped working.</summary>
    public const string ChatStopped = "cuộc trò chuyện đã ngừng hoạt động";

    /// <summary>Why a stored reminder was not sent: its unit confirmed, or a reload dropped what it was about, before its turn came.</summary>
    public const string NoLongerOwed = "đơn vị đã xác nhận hoặc không còn phải làm việc này";

    /// <summary>Why a waiting message was not sent after its chat moved: the chat it moved to already has the same message.</summary>
    public const string AlreadyInMovedChat = "cuộc trò chuyện mới của nhóm đã có tin nhắn này";

    /// <summary>Why a chat stopped being written to after the messenger gave it a new id and the bot already knew that id.</summary>
    public static string MovedTo(string newAddress) => $"nhóm đã chuyển sang mã mới {newAddress}";

    /// <summary>The notice to the office: which chat, on which messenger, what the messenger said, and what to do.</summary>
    /// <param name="chat">The chat's name as people know it (or its address).</param>
    /// <param name="unit">The unit the chat belongs to, if linked.</param>
    /// <param name="reason">The messenger's answer, as received.</param>
    public static string ChatInactive(string chat, string? unit, Messenger channel, string reason)
    {
        var who = unit is null || unit == chat ? $"«{chat}»" : $"«{chat}» ({unit})";
        var invite = unit is null ? "cuộc trò chuyện này" : unit;
        return $"⚠️ Bot không gửi được tin nhắn tới {who} trên {channel.Display()}: {reason.Trim().TrimEnd('.')}.\n"
            + "Bot đã dừng gửi nhắc việc tới cuộc trò chuyện này. "
            + $"Vui lòng mời lại {invite} (thêm bot vào nhóm hoặc nhờ đơn vị nhắn tin cho bot) để tiếp tục nhận nhắc việc.";
    }

    /// <summary>The notice to the office when wrong invite codes from many chats pause redemption for everyone.</summary>
    public static string InvitesPaused(int failures, int minutes) =>
        $"⚠️ Có hơn {failures} mã mời sai được gửi tới bot trong một giờ qua, có thể có người đang dò mã. "
        + $"Bot tạm ngừng nhận mã mời {minutes} phút với mọi người. Các mã đã tạo vẫn còn hiệu lực; "
        + "nếu cần, hãy hỏi lại những người vừa được mời và tạo mã mới cho họ.";

    /// <summary>The command (and button) by which the office applies a plan reload the bot held.</summary>
    public const string ApplyPlanCommand = "/apdung";

    /// <summary>The notice to the office when a reload would drop too much of the plan: what, why it waits, and what to do.</summary>
    /// <param name="counts">The file and the counts, as <c>PlanShrink.Counts</c> words them.</param>
    public static string PlanHeld(int year, string counts) =>
        $"⚠️ Bot chưa nạp lại kế hoạch năm {year}: {counts}.\n"
        + "Bot vẫn nhắc việc theo lịch cũ. Nếu tệp bị cắt cụt hoặc lưu nhầm, hãy khôi phục tệp; bot sẽ tự nạp lại. "
        + $"Nếu đúng là muốn bỏ các mục đó, bấm «Áp dụng» hoặc gửi {ApplyPlanCommand}.";
}
