using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using static TdktBot.Core.Access.Act;
using static TdktBot.Core.Access.Role;

namespace TdktBot.Core.Tests.Access;

public sealed class AccessPolicyTests
{
    /// <summary>Who may do what, written out in full: a change to the policy has to change this table too.</summary>
    public static TheoryData<Role, Act, bool> Table()
    {
        var allowed = new Dictionary<Role, Act[]>
        {
            [Stranger] = [Join],
            [Staff] = [Join, Ask],
            [Head] = [Join, Ask, Confirm, Undo, ViewBoard],
            [Office] = [Join, Ask, Confirm, Undo, AskOthers, Accept, Return, Broadcast, Invite, ListMembers, ApplyPlan, Report, ReadFiles, ViewBoard],
        };
        var table = new TheoryData<Role, Act, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var act in Enum.GetValues<Act>())
            {
                table.Add(role, act, allowed[role].Contains(act));
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_role_may_do_exactly_what_the_table_says(Role role, Act act, bool allowed)
    {
        Assert.Equal(allowed, AccessPolicy.Allows(role, act));
    }

    [Fact]
    public void Each_role_may_do_at_least_what_the_one_below_it_may()
    {
        var roles = Enum.GetValues<Role>();
        foreach (var (lower, higher) in roles.Zip(roles.Skip(1)))
        {
            Assert.All(Enum.GetValues<Act>().Where(a => AccessPolicy.Allows(lower, a)), a => Assert.True(AccessPolicy.Allows(higher, a), $"{higher} may not {a}"));
        }
    }

    [Theory]
    [InlineData("/start ABCDEFGH23", Join)]
    [InlineData("/start", Ask)]
    [InlineData("quý này có việc gì", Ask)]
    [InlineData("/help", Ask)]
    [InlineData("xin chào", Ask)]
    [InlineData("con mèo nhà tôi màu vàng", Ask)]
    [InlineData("/conno", Ask)]
    [InlineData("NOP D1", Confirm)]
    [InlineData("đã nộp kế hoạch", Confirm)]
    [InlineData("/huy D1", Undo)]
    [InlineData("ai chưa nộp D1", AskOthers)]
    [InlineData("/tiepnhan Trạm Y tế xã D1", Accept)]
    [InlineData("/tralai Trạm Y tế xã D1 thiếu chữ ký", Return)]
    [InlineData("/phatdong Họp lúc 8:00", Broadcast)]
    [InlineData("GUI 12", Broadcast)]
    [InlineData("HUYGUI 12", Broadcast)]
    [InlineData("/moi Trạm Y tế xã office", Invite)]
    [InlineData("/thanhvien", ListMembers)]
    [InlineData("/apdung", ApplyPlan)]
    [InlineData("/baocao quý 1", Report)]
    [InlineData("/hoso D1", ReadFiles)]
    [InlineData("/bang", ViewBoard)]
    public void A_message_is_checked_as_the_act_it_asks_for(string text, Act act)
    {
        Assert.Equal(act, IntentActs.ActOf(IntentParser.Parse(text)));
    }

    [Fact]
    public void A_message_the_bot_must_ask_about_is_a_question_until_answered()
    {
        var ambiguous = IntentParser.Parse("nộp");
        Assert.True(ambiguous.IsAmbiguous);

        Assert.Equal(Ask, IntentActs.ActOf(ambiguous));
    }

    [Fact]
    public void Every_intent_maps_to_an_act_and_only_plain_questions_to_asking()
    {
        var asks = new[] { IntentKind.Unknown, IntentKind.Help, IntentKind.Greeting, IntentKind.Later, IntentKind.Start, IntentKind.Ask };

        Assert.Equal(asks.Order(), Enum.GetValues<IntentKind>().Where(k => IntentActs.ActOf(new Intent(k)) == Ask).Order());
        Assert.Equal(AskOthers, IntentActs.ActOf(new Intent(IntentKind.Ask) { Question = new Question { Who = WhoKind.All } }));
    }

    [Fact]
    public void The_menu_hides_from_units_exactly_the_commands_only_the_office_may_use()
    {
        Assert.All(ConversationCommands.All, c => Assert.Equal(c.OfficeOnly, !AccessPolicy.Allows(Head, IntentActs.ActOf(IntentParser.Parse("/" + c.Command)))));
    }

    [Theory]
    [InlineData(Stranger)]
    [InlineData(Staff)]
    [InlineData(Head)]
    [InlineData(Office)]
    public void Help_lists_only_the_commands_the_role_may_use(Role role)
    {
        var help = ReplyTexts.Help(role);

        foreach (var command in ConversationCommands.All)
        {
            var listed = help.Contains($"/{command.Command}: ", StringComparison.Ordinal);
            Assert.Equal(AccessPolicy.Allows(role, IntentActs.ActOf(new Intent(command.Kind))), listed);
        }
    }

    [Fact]
    public void A_refusal_says_what_the_person_may_do_instead()
    {
        Assert.Equal(ReplyTexts.Stranger, ReplyTexts.NotAllowed(Stranger, Ask));
        Assert.Equal(ReplyTexts.HeadOnly, ReplyTexts.NotAllowed(Staff, Confirm));
        Assert.Equal(ReplyTexts.HeadOnlyUndo, ReplyTexts.NotAllowed(Staff, Undo));
        Assert.Equal(ReplyTexts.BoardHeadsOnly, ReplyTexts.NotAllowed(Staff, ViewBoard));
        Assert.All([Accept, Return, Broadcast, Invite, ListMembers, ApplyPlan, AskOthers], act =>
        {
            Assert.Equal(ReplyTexts.OfficeOnly, ReplyTexts.NotAllowed(Staff, act));
            Assert.Equal(ReplyTexts.OfficeOnly, ReplyTexts.NotAllowed(Head, act));
        });

        // Each names what may still be asked and how to get the role the act needs.
        Assert.Contains("/start", ReplyTexts.Stranger, StringComparison.Ordinal);
        Assert.Contains("«quý này có việc gì»", ReplyTexts.HeadOnly, StringComparison.Ordinal);
        Assert.Contains("mã mời thủ trưởng", ReplyTexts.HeadOnly, StringComparison.Ordinal);
        Assert.Contains("«đơn vị tôi còn việc gì»", ReplyTexts.HeadOnlyUndo, StringComparison.Ordinal);
        Assert.Contains("«quý này có việc gì»", ReplyTexts.OfficeOnly, StringComparison.Ordinal);
        Assert.Contains("mã mời vai trò văn phòng", ReplyTexts.OfficeOnly, StringComparison.Ordinal);
    }
}
