using System.Diagnostics;
using System.Threading.Channels;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Polling;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace TdktBot.Testing.Tests;

public sealed class UpdatesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Polling_receives_a_text_message_and_a_button_press()
    {
        await using var h = await Harness.StartAsync();
        var updates = Channel.CreateUnbounded<Update>();
        var errors = new List<Exception>();
        using var stop = new CancellationTokenSource();
        h.Bot.StartReceiving(
            (_, update, token) => updates.Writer.WriteAsync(update, token).AsTask(),
            (_, exception, _, _) =>
            {
                errors.Add(exception);
                return Task.CompletedTask;
            },
            cancellationToken: stop.Token);

        h.Fake.SendText(42, "/start", firstName: "Lan");
        var text = await ReadAsync(updates);
        var menu = await h.Bot.SendMessage(42, "Chọn:", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Xem hạn", "deadlines")));
        var press = h.Fake.PressButton(42, menu.MessageId, "deadlines");
        var callback = await ReadAsync(updates);
        await h.Bot.AnswerCallbackQuery(callback.CallbackQuery!.Id, "Đã nhận");
        await stop.CancelAsync();

        Assert.Equal(UpdateType.Message, text.Type);
        Assert.Equal("/start", text.Message!.Text);
        Assert.Equal((42L, ChatType.Private), (text.Message.Chat.Id, text.Message.Chat.Type));
        Assert.Equal(("Lan", false), (text.Message.From!.FirstName, text.Message.From.IsBot));
        Assert.Equal(MessageEntityType.BotCommand, Assert.Single(text.Message.Entities!).Type);
        Assert.Equal(UpdateType.CallbackQuery, callback.Type);
        Assert.Equal("deadlines", callback.CallbackQuery.Data);
        Assert.Equal((menu.MessageId, "Chọn:"), (callback.CallbackQuery.Message!.MessageId, callback.CallbackQuery.Message.Text));
        Assert.Equal("deadlines", callback.CallbackQuery.Message.ReplyMarkup!.InlineKeyboard.Single().Single().CallbackData);
        var answer = Assert.Single(h.Fake.CallbackAnswers);
        Assert.Equal((press.CallbackQueryId, "Đã nhận"), (answer.CallbackQueryId, answer.Text));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_long_poll_waits_for_the_next_update_and_an_offset_confirms_it()
    {
        await using var h = await Harness.StartAsync();
        await h.Bot.GetMe();

        var poll = h.Bot.GetUpdates(timeout: 8);
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 1, what: "the poll waiting");
        await Task.Delay(200);
        var waitedWithoutUpdates = !poll.IsCompleted;
        var watch = Stopwatch.StartNew();
        var sent = h.Fake.SendText(42, "chào");
        var received = await poll;
        var answeredAfter = watch.Elapsed;
        var unconfirmed = await h.Bot.GetUpdates(timeout: 0);
        var afterConfirming = await h.Bot.GetUpdates(offset: received[0].Id + 1, timeout: 0);
        watch.Restart();
        var empty = await h.Bot.GetUpdates(offset: received[0].Id + 1, timeout: 1);
        var emptyPollTook = watch.Elapsed;

        Assert.True(waitedWithoutUpdates);
        // Answered when the update came, not when the 8 s were up; the bounds leave room for a busy machine.
        Assert.InRange(answeredAfter, TimeSpan.Zero, TimeSpan.FromSeconds(4));
        Assert.Equal(sent.UpdateId, Assert.Single(received).Id);
        Assert.Equal(sent.UpdateId, Assert.Single(unconfirmed).Id);
        Assert.Empty(afterConfirming);
        Assert.Empty(empty);
        Assert.InRange(emptyPollTook, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Equal(0, h.Fake.PendingUpdateCount);
    }

    [Fact]
    public async Task Limit_caps_a_batch_and_DropPendingUpdates_skips_what_was_queued_before()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "một");
        h.Fake.SendText(42, "hai");
        h.Fake.SendText(42, "ba");

        var firstTwo = await h.Bot.GetUpdates(limit: 2);

        var updates = Channel.CreateUnbounded<Update>();
        using var stop = new CancellationTokenSource();
        h.Bot.StartReceiving(
            (_, update, token) => updates.Writer.WriteAsync(update, token).AsTask(),
            (_, _, _, _) => Task.CompletedTask,
            new ReceiverOptions { DropPendingUpdates = true },
            stop.Token);
        // DropPendingUpdates first asks getUpdates with offset -1; the new message must come after that.
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 1, what: "the receiver polling");
        h.Fake.SendText(42, "mới");
        var first = await ReadAsync(updates);
        await stop.CancelAsync();

        Assert.Equal(["một", "hai"], firstTwo.Select(u => u.Message!.Text));
        Assert.Equal("mới", first.Message!.Text);
    }

    [Fact]
    public async Task A_second_getUpdates_terminates_the_waiting_one_with_409()
    {
        await using var h = await Harness.StartAsync();
        await h.Bot.GetMe();

        var older = h.Bot.GetUpdates(timeout: 5);
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 1, what: "the first poll waiting");
        var newer = h.Bot.GetUpdates(timeout: 5);
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => older);
        h.Fake.SendText(42, "chào");

        Assert.Equal(409, conflict.ErrorCode);
        Assert.Equal("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", conflict.Message);
        Assert.Equal("chào", Assert.Single(await newer).Message!.Text);
    }

    [Fact]
    public async Task Allowed_updates_keeps_excluded_types_from_being_created()
    {
        await using var h = await Harness.StartAsync();
        await h.Bot.GetUpdates(allowedUpdates: [UpdateType.CallbackQuery]);

        h.Fake.SendText(42, "không tới");
        var press = h.Fake.PressButton(42, 1, "x");

        Assert.Equal(press.UpdateId, Assert.Single(await h.Bot.GetUpdates()).Id);
    }

    [Fact]
    public async Task A_migrated_group_announces_the_supergroup_and_refuses_sends_to_the_old_id()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(-4002, "chào cả tổ", chatType: "group");

        var migrated = h.Fake.MigrateGroup(-4002, -1001234567890);
        var updates = await h.Bot.GetUpdates();
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(-4002, "còn đó không?"));
        var moved = await h.Bot.SendMessage(-1001234567890, "đã chuyển");

        var service = updates.Single(u => u.Id == migrated.UpdateId).Message!;
        Assert.Equal((-4002L, ChatType.Group), (service.Chat.Id, service.Chat.Type));
        Assert.Equal(-1001234567890, service.MigrateToChatId);
        Assert.Equal(MessageType.MigrateToChatId, service.Type);
        Assert.Contains(updates, u => u.Message?.MigrateFromChatId == -4002 && u.Message.Chat.Type == ChatType.Supergroup);
        Assert.Equal(400, refused.ErrorCode);
        Assert.Equal(-1001234567890, refused.Parameters?.MigrateToChatId);
        Assert.Equal(ChatType.Supergroup, moved.Chat.Type);
    }

    [Fact]
    public async Task Adding_the_bot_to_a_group_lets_it_write_there_until_it_is_removed()
    {
        await using var h = await Harness.StartAsync();

        h.Fake.AddBotToGroup(-4001, "Tổ Văn phòng");
        var joined = await h.Bot.GetUpdates();
        await h.Bot.SendMessage(-4001, "Chào cả tổ");
        h.Fake.RemoveBotFromGroup(-4001);
        var left = await h.Bot.GetUpdates(offset: joined[^1].Id + 1);
        var kicked = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(-4001, "Còn ai không?"));

        Assert.Equal([UpdateType.MyChatMember, UpdateType.Message], joined.Select(u => u.Type));
        Assert.Equal(ChatMemberStatus.Member, joined[0].MyChatMember!.NewChatMember.Status);
        Assert.Equal("Tổ Văn phòng", joined[1].Message!.Chat.Title);
        Assert.Equal(h.Fake.BotId, Assert.Single(joined[1].Message!.NewChatMembers!).Id);
        Assert.Equal(ChatMemberStatus.Kicked, Assert.Single(left).MyChatMember!.NewChatMember.Status);
        Assert.Equal((403, "Forbidden: bot was kicked from the group chat"), (kicked.ErrorCode, kicked.Message));
    }

    private static async Task<Update> ReadAsync(Channel<Update> updates)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await updates.Reader.ReadAsync(timeout.Token);
    }
}
