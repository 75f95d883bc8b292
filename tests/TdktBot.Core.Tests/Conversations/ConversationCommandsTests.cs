using System.Text.RegularExpressions;
using TdktBot.Core.Conversations;

namespace TdktBot.Core.Tests.Conversations;

public sealed partial class ConversationCommandsTests
{
    [Fact]
    public void Every_menu_command_is_understood_as_its_intent_with_or_without_the_bot_name()
    {
        foreach (var command in ConversationCommands.All)
        {
            Assert.Equal(command.Kind, IntentParser.Parse("/" + command.Command).Kind);
            Assert.Equal(command.Kind, IntentParser.Parse($"/{command.Command}@TdktBot").Kind);
            Assert.Equal(command.Kind, IntentParser.Parse("/" + command.Command.ToUpperInvariant()).Kind);
        }
    }

    [Fact]
    public void The_menu_fits_telegram_and_reads_in_vietnamese()
    {
        Assert.Equal(ConversationCommands.All.Count, ConversationCommands.All.Select(c => c.Command).Distinct().Count());
        foreach (var command in ConversationCommands.All)
        {
            Assert.Matches(TelegramCommand(), command.Command);
            Assert.InRange(command.Description.Length, 3, 256);

            // Written with diacritics: every description has a Vietnamese letter outside ASCII.
            Assert.Contains(command.Description, c => c > 127);
        }
    }

    [Fact]
    public void The_menu_covers_every_intent_a_command_stands_for()
    {
        // A broadcast's decisions are the commands of its preview's buttons, not menu entries (see below).
        var kinds = Enum.GetValues<IntentKind>()
            .Where(k => k is not (IntentKind.Unknown or IntentKind.Greeting or IntentKind.Later or IntentKind.SendBroadcast or IntentKind.CancelBroadcast));

        Assert.Equal(kinds.Order(), ConversationCommands.All.Select(c => c.Kind).Distinct().Order());
    }

    [Fact]
    public void A_broadcast_previews_replies_read_back_as_its_decisions()
    {
        var send = IntentParser.Parse(ConversationCommands.SendBroadcast(42));
        var cancel = IntentParser.Parse(ConversationCommands.CancelBroadcast(42));

        Assert.Equal((IntentKind.SendBroadcast, (long?)42), (send.Kind, send.Broadcast));
        Assert.Equal((IntentKind.CancelBroadcast, (long?)42), (cancel.Kind, cancel.Broadcast));
    }

    [Fact]
    public void Units_see_no_office_commands()
    {
        Assert.DoesNotContain(ConversationCommands.ForUnits, c => c.OfficeOnly);
        Assert.Contains(ConversationCommands.ForUnits, c => c.Command == "nop");
        Assert.DoesNotContain(ConversationCommands.ForUnits, c => c.Command == "tralai");
    }

    [Theory]
    [InlineData("trogiup", IntentKind.Help)]
    [InlineData("hantoi", IntentKind.Ask)]
    [InlineData("Tiếp_nhận", IntentKind.Accept)]
    [InlineData("THÀNH VIÊN", IntentKind.Members)]
    public void Aliases_and_spellings_find_their_command(string name, IntentKind kind)
    {
        Assert.Equal(kind, ConversationCommands.Find(name)?.Kind);
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex TelegramCommand();
}
