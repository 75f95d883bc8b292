using TdktBot.Core.Conversations;

namespace TdktBot.Messaging;

/// <summary>How a message with choices reads in a terminal: the choices become replies to type.</summary>
public static class ConsoleText
{
    public static string Render(string text, IReadOnlyList<ChatButton> buttons) =>
        buttons.Count == 0
            ? text
            : text + "\n" + string.Join("\n", buttons.Select(b => $"  ▸ {b.Label}: gõ «{b.Command}»"));
}
