using TdktBot.Outbox;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Outbox;

public sealed class DeliveryButtonsTests
{
    [Fact]
    public void Each_line_is_a_label_and_a_command_split_at_the_last_bar()
    {
        Assert.Equal(
            [new ChatButton("✅ Đã nộp", "NOP 3"), new ChatButton("Xem | sửa", "VIEC")],
            DeliveryButtons.Parse("✅ Đã nộp|NOP 3\nXem | sửa | VIEC"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n \r\n")]
    [InlineData("|")]
    public void Nothing_stored_gives_no_buttons(string? stored) => Assert.Empty(DeliveryButtons.Parse(stored));

    [Fact]
    public void A_missing_half_is_taken_from_the_other()
    {
        Assert.Equal(
            [new ChatButton("VIEC", "VIEC"), new ChatButton("NOP 3", "NOP 3"), new ChatButton("Hủy", "Hủy")],
            DeliveryButtons.Parse("VIEC\r\n|NOP 3\nHủy|"));
    }
}
