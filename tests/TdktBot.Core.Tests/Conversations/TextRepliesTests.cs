using TdktBot.Core.Conversations;

namespace TdktBot.Core.Tests.Conversations;

/// <summary>Choices written out for a messenger without buttons (Zalo): each a short reply that is also a command.</summary>
public sealed class TextRepliesTests
{
    [Fact]
    public void A_confirmation_button_becomes_a_reply_naming_the_task()
    {
        Assert.Equal("Trả lời: NOP 3 để xác nhận đã nộp nhiệm vụ 3", TextReplies.Line("✅ Đã nộp 3", "NOP 3"));
        Assert.Equal("Trả lời: NOP D1 để xác nhận đã nộp mục D1", TextReplies.Line("✅ Đã nộp D1", "NOP D1"));
    }

    [Fact]
    public void Broadcast_choices_and_menu_choices_say_what_they_do()
    {
        Assert.Equal("Trả lời: GUI 12 để gửi tin phát động", TextReplies.Line("📣 Gửi", "GUI 12"));
        Assert.Equal("Trả lời: HUYGUI 12 để hủy tin phát động", TextReplies.Line("Hủy", "HUYGUI 12"));
        Assert.Equal("Trả lời: /quy để chọn «Việc trong quý này»", TextReplies.Line("Việc trong quý này", "/quy"));
    }

    [Fact]
    public void The_replies_follow_the_message_after_a_blank_line_and_no_choices_leave_it_as_it_is()
    {
        var text = TextReplies.Render("Nhắc việc: Nhiệm vụ 3", [("✅ Đã nộp 3", "NOP 3"), ("✅ Đã nộp 5", "NOP 5")]);

        Assert.Equal("Nhắc việc: Nhiệm vụ 3\n\nTrả lời: NOP 3 để xác nhận đã nộp nhiệm vụ 3\nTrả lời: NOP 5 để xác nhận đã nộp nhiệm vụ 5", text);
        Assert.Equal("Xin chào", TextReplies.Render("Xin chào", []));
    }

    [Theory]
    [InlineData("NOP 3", IntentKind.Confirm)]
    [InlineData("NOP D1", IntentKind.Confirm)]
    [InlineData("/quy", IntentKind.Ask)]
    public void What_a_reply_asks_to_type_is_understood_as_that_command(string command, IntentKind kind)
    {
        Assert.Equal(kind, IntentParser.Parse(command).Kind);
    }
}
