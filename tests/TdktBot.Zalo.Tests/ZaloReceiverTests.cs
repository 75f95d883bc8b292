using TdktBot.Testing;
using TdktBot.Core.Conversations;

namespace TdktBot.Zalo.Tests;

/// <summary>Polling: the webhook goes first, updates come one at a time, replies go back as plain text.</summary>
public sealed class ZaloReceiverTests
{
    [Fact]
    public async Task Polling_removes_the_webhook_first_then_a_text_reaches_the_conversation_and_the_reply_comes_back_plain()
    {
        await using var bot = await ZaloBot.StartAsync();
        await bot.PollingAsync();

        var reply = await bot.NextMessageAsync("u1", () => bot.Fake.SendText("u1", "quý này có việc gì", "Chị Lan"));

        var methods = bot.Fake.Calls.Select(c => c.Method).ToList();
        Assert.True(methods.IndexOf("deleteWebhook") >= 0 && methods.IndexOf("deleteWebhook") < methods.IndexOf("getUpdates"), string.Join(", ", methods));
        var incoming = await bot.Conversation.NextAsync();
        Assert.Equal((Messenger.Zalo, "u1", "quý này có việc gì", "u1", "Chị Lan", false), (incoming.Channel, incoming.ChatAddress, incoming.Text, incoming.SenderId, incoming.SenderName, incoming.IsGroup));

        // The echo's button becomes a reply to type, and nothing but chat_id and text is sent (no parse_mode, no markup).
        Assert.Equal("Đã nhận: quý này có việc gì\n\nTrả lời: NOP 3 để xác nhận đã nộp nhiệm vụ 3", reply.Text);
        Assert.Empty(reply.ExtraFields);
    }

    [Theory]
    [InlineData("image", "Bot chưa đọc được ảnh.")]
    [InlineData("sticker", "Bot chưa đọc được nhãn dán (sticker).")]
    [InlineData("unsupported", "Bot chưa đọc được loại tin nhắn này.")]
    public async Task What_the_bot_cannot_read_gets_a_polite_reply_saying_what_it_understands(string kind, string start)
    {
        await using var bot = await ZaloBot.StartAsync();
        await bot.PollingAsync();

        var reply = await bot.NextMessageAsync("u2", () => _ = kind switch
        {
            "image" => bot.Fake.SendImage("u2", "https://photo.example/1.jpg"),
            "sticker" => bot.Fake.SendSticker("u2"),
            _ => bot.Fake.SendUnsupported("u2"),
        });

        Assert.StartsWith(start, reply.Text, StringComparison.Ordinal);
        Assert.Contains("«NOP 3»", reply.Text, StringComparison.Ordinal);
        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_with_a_caption_is_read_by_its_caption()
    {
        await using var bot = await ZaloBot.StartAsync();
        await bot.PollingAsync();

        bot.Fake.SendImage("u3", "https://photo.example/ke-hoach.jpg", "đã nộp kế hoạch");

        Assert.Equal("đã nộp kế hoạch", (await bot.Conversation.NextAsync()).Text);
    }

    [Fact]
    public async Task A_failing_getUpdates_is_retried_and_the_bot_goes_on()
    {
        await using var bot = await ZaloBot.StartAsync(fake =>
        {
            fake.FailNext("getUpdates", 401);
            fake.MalformedNext("getUpdates");
        });

        var reply = await bot.NextMessageAsync("u4", () => bot.Fake.SendText("u4", "xin chào"));

        Assert.Equal("Đã nhận: xin chào", reply.Text.Split('\n')[0]);
        Assert.Contains(bot.Log.Entries, e => e.Message.StartsWith("Zalo: getUpdates không thành (Zalo 401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_engine_failing_on_one_message_does_not_stop_the_next()
    {
        await using var bot = await ZaloBot.StartAsync();
        await bot.PollingAsync();

        bot.Fake.SendText("u5", RecordingConversation.Failing);
        var reply = await bot.NextMessageAsync("u5", () => bot.Fake.SendText("u5", "sau đó"));

        Assert.StartsWith("Đã nhận: sau đó", reply.Text, StringComparison.Ordinal);
        Assert.Contains(bot.Log.Entries, e => e.Exception is InvalidOperationException);
    }
}
