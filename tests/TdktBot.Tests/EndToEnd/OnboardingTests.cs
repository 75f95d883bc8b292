using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Testing;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// How people start using the bot on Telegram: the office links itself with the installer's code, invites a unit,
/// the unit joins through the deep link's code; anyone else only hears how to get a code. And the command menu
/// Telegram shows them.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed partial class OnboardingTests
{
    private const long Office = 5001;
    private const long Clinic = 6001;
    private const long Stranger = 7001;
    private const string ClinicUnit = "Trạm Y tế xã";

    [Fact]
    public async Task The_office_invites_a_unit_which_joins_with_the_deep_link_code_and_a_stranger_only_gets_the_instructions()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)));

        var officeLinked = await bot.SayAsync(Office, "/start " + MessengerBotUnderTest.OfficeCode);
        var invite = await bot.SayAsync(Office, "/moi " + ClinicUnit);

        // The office forwards the link; tapping it in Telegram sends "/start <parameter>" from the new chat.
        var link = DeepLink().Match(invite.PlainText);
        Assert.True(link.Success, $"No t.me link in: {invite.PlainText}");
        Assert.Equal(bot.Fake.BotUsername, link.Groups["bot"].Value);
        var code = link.Groups["code"].Value;
        Assert.Contains($"Mã mời cho {ClinicUnit} (thủ trưởng đơn vị): {code}", invite.PlainText, StringComparison.Ordinal);
        var joined = await bot.SayAsync(Clinic, "/start " + code);
        var stranger = await bot.SayAsync(Stranger, "cho hỏi quý này có việc gì");

        Assert.Equal(
            $"✅ Đã liên kết cuộc trò chuyện này với {MessengerBotUnderTest.OfficeUnit} ({ReplyTexts.RoleName("Office")}).",
            officeLinked.PlainText.Split('\n')[0]);
        Assert.Equal($"✅ Đã liên kết cuộc trò chuyện này với {ClinicUnit} (thủ trưởng đơn vị).", joined.PlainText.Split('\n')[0]);
        Assert.Equal(ReplyTexts.Stranger, stranger.PlainText);
        Assert.All([officeLinked, invite, joined, stranger], m => Assert.Equal("HTML", m.ParseMode));
        Assert.Empty(bot.Fake.Refused);

        await using var db = bot.OpenStore();
        var chats = (await db.Chats.Where(c => c.Channel == Messenger.Telegram).Include(c => c.Unit).OrderBy(c => c.Id).ToListAsync())
            .Select(c => (c.Address, c.Unit!.Name, c.Active));
        Assert.Equal([("5001", MessengerBotUnderTest.OfficeUnit, true), ("6001", ClinicUnit, true)], chats);

        // The roles are the people's: on Telegram a private chat's id is its person's.
        var people = (await db.Members.Where(m => m.Channel == Messenger.Telegram).Include(m => m.Unit).OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.PersonId, m.Unit.Name, m.Role));
        Assert.Equal(
            [
                ("5001", MessengerBotUnderTest.OfficeUnit, ChatRole.Office),
                ("6001", ClinicUnit, ChatRole.Head),
            ],
            people);
        Assert.Equal(2, await db.Invites.CountAsync(i => i.UsedAt != null));
    }

    [Fact]
    public async Task The_command_menu_is_set_at_start_with_the_units_commands_in_vietnamese()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)));

        // The menu is set beside the first poll, not before it.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.GetCommands().Count > 0, MessengerBotUnderTest.Patience, "the menu set");
        var menu = bot.Fake.GetCommands();

        Assert.Equal(ConversationCommands.ForUnits.Select(c => new BotCommandInfo(c.Command, c.Description)), menu);
        Assert.Contains(new BotCommandInfo("quy", "Việc cần làm trong quý này hoặc quý N: /quy 2"), menu);
        Assert.DoesNotContain(menu, c => c.Command is "phatdong" or "moi");
    }

    [GeneratedRegex(@"https://t\.me/(?<bot>[A-Za-z0-9_]+)\?start=(?<code>[A-Za-z0-9_-]+)")]
    private static partial Regex DeepLink();
}
