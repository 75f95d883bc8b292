namespace TdktBot.Core.Conversations;

/// <summary>A reply choice. <paramref name="Command"/> is a text command ("NOP 3") that also works typed, so
/// messengers without buttons offer it as a text reply, and a pressed button is checked like typed text.</summary>
public sealed record ChatButton(string Label, string Command)
{
    /// <summary>«✅ Đã nộp 3», which confirms task or deadline <paramref name="number"/>.</summary>
    public static ChatButton Confirm(string number) => new($"✅ Đã nộp {number}", ConversationCommands.Confirm(number));

    /// <summary>«↩️ Hủy 3», which takes back the confirmation of <paramref name="number"/>.</summary>
    public static ChatButton Undo(string number) => new($"↩️ Hủy {number}", $"HUY {number}");
}
