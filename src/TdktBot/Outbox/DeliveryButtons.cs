using TdktBot.Core.Conversations;

namespace TdktBot.Outbox;

/// <summary>Reads <c>Delivery.Buttons</c>: one button a line, "label|command".</summary>
public static class DeliveryButtons
{
    /// <summary>The stored form of <paramref name="buttons"/>: one a line, "label|command".</summary>
    public static string Format(IEnumerable<ChatButton> buttons) => string.Join('\n', buttons.Select(b => $"{b.Label}|{b.Command}"));

    /// <summary>
    /// The buttons in stored order. Blank lines are skipped; a line without "|" is a button whose label is
    /// its command, so a hand-written row still offers something the bot understands.
    /// </summary>
    public static IReadOnlyList<ChatButton> Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }

        var buttons = new List<ChatButton>();
        foreach (var line in stored.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // Commands are short words and numbers ("NOP 3"); a label may hold anything, so the last bar splits.
            var bar = line.LastIndexOf('|');
            var label = bar < 0 ? line : line[..bar].Trim();
            var command = bar < 0 ? line : line[(bar + 1)..].Trim();
            if (label.Length == 0 && command.Length == 0)
            {
                continue;
            }

            // A missing half is filled from the other: a button must show something and send something.
            buttons.Add(new ChatButton(label.Length > 0 ? label : command, command.Length > 0 ? command : label));
        }

        return buttons;
    }
}
