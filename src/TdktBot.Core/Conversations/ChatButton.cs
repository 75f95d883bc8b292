namespace TdktBot.Core.Conversations;

/// <summary>A reply choice. <paramref name="Command"/> is a text command ("NOP 3") that also works typed, so
/// messengers without buttons offer it as a text reply, and a pressed button is checked like typed text.</summary>
public sealed record ChatButton(string Label, string Command)
{
    /// <summary>«✅ Đã nộp 3», which confirms task or deadline <paramref name="number"/>.</summary>
    public static ChatButton Confirm(string number) => new($"✅ Đã nộp {number}", ConversationCommands.Confirm(number));

    /// <summary>The longest command a button may carry: Telegram's limit on callback data, in UTF-8 bytes.</summary>
    public const int MaxCommandBytes = 64;

    /// <summary>
    /// «📥 Tiếp nhận 3», with which the office accepts what <paramref name="unit"/> confirmed of <paramref name="number"/>;
    /// null when the command with the unit's full name would be too long for a button (it can still be typed).
    /// </summary>
    public static ChatButton? Accept(string unit, string number) =>
        $"/tiepnhan {unit} {number}" is var command && System.Text.Encoding.UTF8.GetByteCount(command) <= MaxCommandBytes
            ? new($"📥 Tiếp nhận {number}", command)
            : null;

    /// <summary>«↩️ Hủy 3», which takes back the confirmation of <paramref name="number"/>.</summary>
    public static ChatButton Undo(string number) => new($"↩️ Hủy {number}", $"HUY {number}");
}
