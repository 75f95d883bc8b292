using System.Diagnostics;
using TdktBot.Testing;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;
using TdktBot.Messaging.Telegram;

namespace TdktBot.Telegram.Tests;

/// <summary>Polling mode end to end: a user writes to the fake Telegram, the conversation hears it, the reply comes back.</summary>
public sealed class TelegramReceiverTests
{
    [Fact]
    public async Task A_private_message_reaches_the_conversation_and_the_reply_comes_back_with_its_button()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();

        bot.Fake.SendText(42, "/quy 2", firstName: "Lan");
        var incoming = await bot.Conversation.NextAsync();
        var reply = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42));

        Assert.Equal(
            new IncomingMessage { Channel = Messenger.Telegram, ChatAddress = "42", IsGroup = false, ChatTitle = "Lan", SenderId = "42", SenderName = "Lan", Text = "/quy 2" },
            incoming);
        Assert.Equal("Đã nhận: /quy 2", reply.PlainText);
        var button = Assert.Single(Assert.Single(reply.Buttons));
        Assert.Equal(("Nộp mục 3", "NOP 3"), (button.Text, button.CallbackData));
    }

    [Fact]
    public async Task A_bot_stopping_while_it_waits_on_a_long_poll_stops_at_once_and_ends_the_poll()
    {
        await using var bot = await TelegramBot.StartAsync(settings: new Dictionary<string, string?> { ["Telegram:Timeout"] = "00:01:00" });
        await bot.PollingAsync();
        await bot.Fake.WaitUntilAsync(() => bot.Fake.Calls.Any(c => c.Method == "getMe"), what: "getMe");

        // The poll would wait 55 s for updates; stopping must not wait for it.
        await bot.Host.StopAsync().WaitAsync(TimeSpan.FromSeconds(5));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.WaitingPolls == 0, TimeSpan.FromSeconds(5), "the poll ended");
    }

    [Fact]
    public async Task A_group_message_keeps_its_command_as_written_and_names_the_group_and_the_sender()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();
        bot.Fake.AddChat(-300, "Tổ dân phố 3");

        bot.Fake.SendText(-300, "/conno@tdkt_test_bot", chatType: "group", fromId: 7, firstName: "Hùng");
        var incoming = await bot.Conversation.NextAsync();
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == -300);

        Assert.Equal(
            new IncomingMessage { Channel = Messenger.Telegram, ChatAddress = "-300", IsGroup = true, ChatTitle = "Tổ dân phố 3", SenderId = "7", SenderName = "Hùng", Text = "/conno@tdkt_test_bot" },
            incoming);
    }

    [Fact]
    public async Task A_group_command_for_another_bot_is_left_alone_and_ours_is_answered()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();
        await bot.Fake.WaitUntilAsync(() => bot.Host.Services.GetRequiredService<TelegramBotInfo>().Username is not null, what: "getMe answered");
        bot.Fake.AddChat(-300, "Tổ dân phố 3");

        bot.Fake.SendText(-300, "/nop@diem_danh_bot 2", chatType: "group", fromId: 7, firstName: "Hùng");
        bot.Fake.SendText(-300, "/conno@TDKT_test_bot", chatType: "group", fromId: 7, firstName: "Hùng");
        var incoming = await bot.Conversation.NextAsync();
        var reply = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == -300));

        // The first one the conversation hears is the second message: the other bot's command never reached it.
        Assert.Equal("/conno@TDKT_test_bot", incoming.Text);
        Assert.Equal("Đã nhận: /conno@TDKT_test_bot", reply.PlainText);
    }

    [Theory]
    [InlineData("/nop@other_bot 2", "tdkt_test_bot", true)]
    [InlineData("/nop@other_bot", "tdkt_test_bot", true)]
    [InlineData("/nop@Tdkt_Test_Bot 2", "tdkt_test_bot", false)]
    [InlineData("/nop 2 gửi @other_bot", "tdkt_test_bot", false)]
    [InlineData("/nop 2", "tdkt_test_bot", false)]
    [InlineData("/nop@ 2", "tdkt_test_bot", false)]
    [InlineData("/help@các trường:", "tdkt_test_bot", false)]
    [InlineData("/nop@bot\u200B 2", "tdkt_test_bot", false)]
    [InlineData("/nop@tdkt_test_bot2", "tdkt_test_bot", true)]
    [InlineData("nộp 2 @other_bot", "tdkt_test_bot", false)]
    [InlineData("/nop@other_bot 2", null, false)]
    [InlineData(null, "tdkt_test_bot", false)]
    public void Only_a_command_naming_another_bot_is_for_another_bot(string? text, string? username, bool expected) =>
        Assert.Equal(expected, TelegramUpdates.ForAnotherBot(text, username));

    [Fact]
    public async Task A_pressed_button_is_answered_and_its_command_reaches_the_conversation_as_a_button()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();
        bot.Fake.SendText(42, "/conno", firstName: "Lan");
        await bot.Conversation.NextAsync();
        var menu = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42));

        var press = bot.Fake.PressButton(42, menu.MessageId, "NOP 3");
        var incoming = await bot.Conversation.NextAsync();
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42, count: 2);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.CallbackAnswers.Count == 1, what: "the press answered");

        Assert.Equal(
            new IncomingMessage { Channel = Messenger.Telegram, ChatAddress = "42", IsGroup = false, ChatTitle = "Lan", SenderId = "42", SenderName = "Lan", Text = "NOP 3", FromButton = true },
            incoming);
        Assert.Equal(press.CallbackQueryId, Assert.Single(bot.Fake.CallbackAnswers).CallbackQueryId);
        Assert.Equal("Đã nhận: NOP 3", bot.Fake.Sent[^1].PlainText);
    }

    [Fact]
    public async Task A_button_pressed_in_a_group_names_the_person_who_pressed_it_not_the_one_who_wrote()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();
        bot.Fake.AddChat(-300, "Tổ dân phố 3");
        bot.Fake.SendText(-300, "/conno", chatType: "group", fromId: 7, firstName: "Hùng");
        await bot.Conversation.NextAsync();
        var menu = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == -300));

        bot.Fake.SendText(-300, "xin chào", chatType: "group", fromId: 8, firstName: "Cô giáo");
        await bot.Conversation.NextAsync();
        bot.Fake.PressButton(-300, menu.MessageId, "NOP 3", fromId: 8);
        var incoming = await bot.Conversation.NextAsync();

        Assert.Equal(("-300", true, "8", "Cô giáo", "NOP 3", true),
            (incoming.ChatAddress, incoming.IsGroup, incoming.SenderId, incoming.SenderName, incoming.Text, incoming.FromButton));
    }

    [Fact]
    public async Task A_document_comes_with_its_file_and_its_caption_as_the_text()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();

        bot.Fake.SendDocument(42, "bao-cao-quy-1.docx", Encoding.UTF8.GetBytes("báo cáo"), caption: "nộp mục 3");
        var incoming = await bot.Conversation.NextAsync();

        Assert.Equal(("bao-cao-quy-1.docx", "nộp mục 3", false), (incoming.FileName, incoming.Text, incoming.FromButton));
        // The id is one Telegram knows: the engine can fetch the file with it.
        var file = await bot.Host.Services.GetRequiredService<ITelegramBotClient>().GetFile(incoming.FileId!);
        Assert.EndsWith(".docx", file.FilePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_that_becomes_a_supergroup_is_followed_and_the_service_messages_are_not_conversation()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();
        bot.Fake.AddChat(-42, "Tổ dân phố 3");

        bot.Fake.MigrateGroup(-42, -1_000_000_000_042);
        var move = await bot.Conversation.NextMoveAsync();
        bot.Fake.SendText(-1_000_000_000_042, "/tuan", chatType: "supergroup");
        var next = await bot.Conversation.NextAsync();

        Assert.Equal((Messenger.Telegram, "-42", "-1000000000042"), move);
        // Neither migration message reached the conversation: the first thing it heard is the message after them.
        Assert.Equal(("/tuan", "-1000000000042"), (next.Text, next.ChatAddress));
    }

    [Fact]
    public async Task An_update_the_conversation_fails_on_is_logged_and_the_next_one_is_handled()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();

        bot.Fake.SendText(42, RecordingConversation.Failing);
        bot.Fake.SendText(42, "sau đó");
        var reply = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42);

        Assert.Equal("Đã nhận: sau đó", Assert.Single(reply).PlainText);
        var error = Assert.Single(bot.Log.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task Each_chat_keeps_its_order_while_a_slow_chat_does_not_hold_up_another()
    {
        // Chat 1's first message waits until chat 2's message has been handled: that can only finish if chats run side
        // by side. Chat 1's second message must still come after its first.
        var chat2Handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TelegramBot.StartAsync(
            fake =>
            {
                fake.SendText(1, "chậm");
                fake.SendText(1, "tiếp");
                fake.SendText(2, "nhanh");
            },
            start: false);
        bot.Conversation.Respond = async (message, ct) =>
        {
            if (message.Text == "chậm")
            {
                await chat2Handled.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
            }

            var replies = await RecordingConversation.EchoAsync(message, ct);
            if (message.ChatAddress == "2")
            {
                chat2Handled.TrySetResult();
            }

            return replies;
        };

        await bot.Host.StartAsync();
        await bot.Fake.WaitForMessagesAsync(3);

        // «chậm» was answered at all, so chat 2 was handled while it waited. The replies to «nhanh» and «chậm» are then
        // sent side by side and may reach Telegram in either order; each chat's own order holds.
        Assert.Equal(["Đã nhận: chậm", "Đã nhận: tiếp"], bot.Fake.Sent.Where(m => m.ChatId == 1).Select(m => m.PlainText));
        Assert.Equal(["Đã nhận: nhanh"], bot.Fake.Sent.Where(m => m.ChatId == 2).Select(m => m.PlainText));
    }

    [Fact]
    public async Task The_Vietnamese_menu_of_the_units_commands_is_set_at_start()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();

        // The menu is set beside the first poll, not before it.
        await bot.Fake.WaitUntilAsync(() => bot.Fake.GetCommands().Count > 0, TimeSpan.FromSeconds(10), "the menu set");

        Assert.Equal(
            ConversationCommands.ForUnits.Select(c => (c.Command, c.Description)),
            bot.Fake.GetCommands().Select(c => (c.Command, c.Description)));
        Assert.Contains(bot.Fake.GetCommands(), c => c.Description.Contains("quý", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_setMyCommands_is_logged_and_the_bot_still_answers()
    {
        await using var bot = await TelegramBot.StartAsync(fake => fake.FailNext("setMyCommands", 500));
        await bot.PollingAsync();

        bot.Fake.SendText(42, "/help");
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42);

        Assert.Empty(bot.Fake.GetCommands());
        Assert.Contains(bot.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("menu lệnh", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bots_name_from_getMe_makes_the_deep_links_and_a_failing_getMe_is_retried()
    {
        await using var bot = await TelegramBot.StartAsync(fake => fake.FailNext("getMe", 502), start: false);
        var links = bot.Host.Services.GetRequiredService<IBotLinks>();
        var before = links.DeepLink("ABC234XYZ9");

        await bot.Host.StartAsync();
        await bot.PollingAsync();

        // getMe goes beside the first poll; a message that came meanwhile is answered only once the name is known.
        bot.Fake.SendText(42, "/help");
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42);
        var answered = bot.Fake.Sent.First(m => m.ChatId == 42).ReceivedAt;

        Assert.Null(before);
        Assert.True(answered >= bot.Fake.Calls.Last(c => c.Method == "getMe").At, "answered before getMe did");
        Assert.Equal("https://t.me/tdkt_test_bot?start=ABC234XYZ9", links.DeepLink("ABC234XYZ9"));
        Assert.Equal([502, 200], bot.Fake.Calls.Where(c => c.Method == "getMe").Select(c => c.StatusCode));
        Assert.Throws<ArgumentException>(() => links.DeepLink("mã có dấu"));
    }

    [Fact]
    public async Task A_failing_getUpdates_waits_a_second_before_asking_again()
    {
        await using var bot = await TelegramBot.StartAsync(fake => fake.FailNext("getUpdates", 502));
        await bot.PollingAsync();

        bot.Fake.SendText(42, "chào");
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42);

        var polls = bot.Fake.Calls.Where(c => c.Method == "getUpdates").ToList();
        Assert.Equal(502, polls[0].StatusCode);
        Assert.True(polls[1].At - polls[0].At >= TimeSpan.FromSeconds(0.9), $"asked again after {polls[1].At - polls[0].At}");
        Assert.Contains(bot.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("getUpdates", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_webhook_left_from_webhook_mode_is_removed_so_polling_works()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        using (var http = new HttpClient())
        {
            var other = new TelegramBotClient(new TelegramBotClientOptions(bot.Fake.Token, bot.Fake.BaseUrl), http);
            await other.SetWebhook("https://old.example.org/hook");
        }

        bot.Fake.SendText(42, "viết khi bot còn dùng webhook");
        await bot.Host.StartAsync();
        var incoming = await bot.Conversation.NextAsync();

        Assert.Equal("viết khi bot còn dùng webhook", incoming.Text);
        Assert.Equal(
            [("getUpdates", 409), ("deleteWebhook", 200), ("getUpdates", 200)],
            bot.Fake.Calls.Where(c => c.Method is "getUpdates" or "deleteWebhook").OrderBy(c => c.At).Take(3).Select(c => (c.Method, c.StatusCode)));
        Assert.DoesNotContain(bot.Log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Polling_starts_without_removing_a_webhook_or_waiting_for_getMe_and_messages_wait_for_getMe()
    {
        await using var bot = await TelegramBot.StartAsync(fake => fake.DelayNext("getMe", TimeSpan.FromSeconds(3)));
        var polling = Stopwatch.StartNew();
        await bot.PollingAsync();
        polling.Stop();

        bot.Fake.SendText(42, "/help");
        await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42, timeout: TimeSpan.FromSeconds(10));

        Assert.True(polling.Elapsed < TimeSpan.FromSeconds(2.5), $"polling after {polling.Elapsed}");
        Assert.True(bot.Fake.Sent.First(m => m.ChatId == 42).ReceivedAt > bot.Fake.Calls.Single(c => c.Method == "getMe").At + TimeSpan.FromSeconds(2.5));
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method == "deleteWebhook");
    }

    [Fact]
    public async Task A_reply_refused_with_a_short_retry_after_is_sent_again_after_the_wait()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();
        bot.Fake.FailNext("sendMessage", 429, retryAfter: 1);

        bot.Fake.SendText(42, "/sapden");
        var reply = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == 42));

        var sends = bot.Fake.Calls.Where(c => c.Method == "sendMessage").ToList();
        Assert.Equal([429, 200], sends.Select(c => c.StatusCode));
        Assert.True(sends[1].At - sends[0].At >= TimeSpan.FromSeconds(0.9));
        Assert.Equal("Đã nhận: /sapden", reply.PlainText);
    }

    [Fact]
    public async Task Service_messages_do_not_reach_the_conversation_and_membership_changes_are_logged()
    {
        await using var bot = await TelegramBot.StartAsync();
        await bot.PollingAsync();

        bot.Fake.AddBotToGroup(-500, "Hội Phụ nữ", fromId: 9);
        bot.Fake.SendText(-500, "/help", chatType: "group", fromId: 9);
        var first = await bot.Conversation.NextAsync();

        Assert.Equal("/help", first.Text);
        Assert.Empty(bot.Conversation.Unread());
        Assert.Contains(bot.Log.Entries, e => e.Message.Contains("-500", StringComparison.Ordinal) && e.Message.Contains("Hội Phụ nữ", StringComparison.Ordinal));
    }
}
