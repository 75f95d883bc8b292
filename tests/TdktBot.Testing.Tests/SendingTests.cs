using System.Text;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace TdktBot.Testing.Tests;

public sealed class SendingTests
{
    [Fact]
    public async Task SendMessage_is_recorded_with_its_HTML_and_inline_keyboard()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");
        var keyboard = new InlineKeyboardMarkup(
        [
            [InlineKeyboardButton.WithCallbackData("Đã nộp", "done:7"), InlineKeyboardButton.WithCallbackData("Nhắc lại", "later:7")],
            [InlineKeyboardButton.WithUrl("Hướng dẫn", "https://example.org/huong-dan")],
        ]);

        var message = await h.Bot.SendMessage(42, "<b>Hạn nộp</b> báo cáo: 30/01 &amp; 31/01", parseMode: ParseMode.Html, replyMarkup: keyboard);

        var sent = Assert.Single(h.Fake.Sent);
        Assert.Equal(("sendMessage", 42L, message.MessageId), (sent.Method, sent.ChatId, (int)sent.MessageId));
        Assert.Equal("<b>Hạn nộp</b> báo cáo: 30/01 &amp; 31/01", sent.Text);
        Assert.Equal("Hạn nộp báo cáo: 30/01 & 31/01", sent.PlainText);
        Assert.Equal("HTML", sent.ParseMode);
        Assert.Null(sent.HtmlError);
        Assert.Equal(
            [[new InlineButton("Đã nộp", "done:7", null), new InlineButton("Nhắc lại", "later:7", null)], [new InlineButton("Hướng dẫn", null, "https://example.org/huong-dan")]],
            sent.Buttons.Select(row => row.ToArray()).ToArray());
        Assert.InRange(sent.ReceivedAt, TimeSpan.Zero, h.Fake.Elapsed);
        // What the client got back is the message as Telegram stores it: plain text plus entities.
        Assert.Equal("Hạn nộp báo cáo: 30/01 & 31/01", message.Text);
        var bold = Assert.Single(message.Entities!);
        Assert.Equal((MessageEntityType.Bold, 0, 7), (bold.Type, bold.Offset, bold.Length));
        Assert.Equal(h.Fake.BotId, message.From!.Id);
        Assert.Equal("later:7", message.ReplyMarkup!.InlineKeyboard.First().Last().CallbackData);
    }

    [Fact]
    public async Task Invalid_HTML_is_refused_with_400_and_recorded_with_the_reason()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");

        var failure = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(42, "Điểm <b>9 < 10</b>", parseMode: ParseMode.Html));

        Assert.Equal(400, failure.ErrorCode);
        Assert.StartsWith("Bad Request: can't parse entities: ", failure.Message, StringComparison.Ordinal);
        Assert.Empty(h.Fake.Sent);
        var refused = Assert.Single(h.Fake.Refused);
        Assert.Equal("Character '<' at byte offset 13 must be escaped as \"&lt;\"", refused.HtmlError);
        Assert.Equal((400, failure.Message), (refused.ErrorCode, refused.ErrorDescription));
    }

    [Fact]
    public async Task Text_length_and_callback_data_size_are_checked_like_Telegram()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");

        // Tags do not count towards the 4096 characters; callback_data is limited in bytes, not characters.
        await h.Bot.SendMessage(42, $"<b>{new string('a', 4096)}</b>", parseMode: ParseMode.Html);
        var tooLong = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(42, new string('a', 4097)));
        var empty = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(42, "<b> </b>", parseMode: ParseMode.Html));
        var bigData = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(
            42, "Chọn", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Quá dài", string.Concat(Enumerable.Repeat("ạ", 22))))));

        Assert.Equal("Bad Request: message is too long", tooLong.Message);
        Assert.Equal("Bad Request: message text is empty", empty.Message);
        Assert.Equal("Bad Request: BUTTON_DATA_INVALID", bigData.Message);
        Assert.Single(h.Fake.Sent);
        Assert.Equal(3, h.Fake.Refused.Count);
    }

    [Fact]
    public async Task A_blocked_chat_gets_403_until_unblocked()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");
        h.Fake.Block(42);

        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SendMessage(42, "Nhắc việc"));
        h.Fake.Unblock(42);
        await h.Bot.SendMessage(42, "Nhắc việc");

        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (blocked.ErrorCode, blocked.Message));
        Assert.Equal(403, Assert.Single(h.Fake.Refused).ErrorCode);
        Assert.Single(h.Fake.Sent);
    }

    [Fact]
    public async Task Chats_nobody_opened_are_not_found_unless_the_server_is_open()
    {
        await using var strict = await Harness.StartAsync();
        await using var open = await Harness.StartAsync(new FakeTelegramOptions { AcceptUnknownChats = true });
        strict.Fake.SendText(43, "/start");
        strict.Fake.ChatNotFound(43);
        strict.Fake.AddChat(-4003, "Tổ Kế toán");

        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => strict.Bot.SendMessage(42, "Chào"));
        var gone = await Assert.ThrowsAsync<ApiRequestException>(() => strict.Bot.SendMessage(43, "Chào"));
        var registered = await strict.Bot.SendMessage(-4003, "Chào");
        await open.Bot.SendMessage(42, "Chào");

        Assert.Equal((400, "Bad Request: chat not found"), (unknown.ErrorCode, unknown.Message));
        Assert.Equal((400, "Bad Request: chat not found"), (gone.ErrorCode, gone.Message));
        Assert.Equal(("Tổ Kế toán", ChatType.Group), (registered.Chat.Title, registered.Chat.Type));
        Assert.Single(open.Fake.Sent);
    }

    [Fact]
    public async Task Edits_change_the_recorded_message_and_an_unchanged_edit_is_refused()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Xong", "done:7"));
        var message = await h.Bot.SendMessage(42, "Việc 7", replyMarkup: keyboard);

        // Like Telegram, editing the text without resending the keyboard removes it.
        var edited = await h.Bot.EditMessageText(42, message.MessageId, "Việc 7 <b>đã xong</b>", parseMode: ParseMode.Html);
        var afterText = Assert.Single(h.Fake.Sent);
        var unchanged = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.EditMessageText(42, message.MessageId, "Việc 7 <b>đã xong</b>", parseMode: ParseMode.Html));
        await h.Bot.EditMessageReplyMarkup(42, message.MessageId, keyboard);
        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.EditMessageText(42, 999, "?"));

        Assert.Null(edited.ReplyMarkup);
        Assert.Equal("Việc 7 đã xong", edited.Text);
        Assert.Equal(("Việc 7 đã xong", 1), (afterText.PlainText, afterText.EditCount));
        Assert.Empty(afterText.Buttons);
        Assert.StartsWith("Bad Request: message is not modified", unchanged.Message, StringComparison.Ordinal);
        var final = Assert.Single(h.Fake.Sent);
        Assert.Equal(("done:7", 2), (final.Buttons[0][0].CallbackData, final.EditCount));
        Assert.Equal("Bad Request: message to edit not found", missing.Message);
    }

    [Fact]
    public async Task A_callback_query_can_be_answered_once()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");
        var press = h.Fake.PressButton(42, 1, "x");

        await h.Bot.AnswerCallbackQuery(press.CallbackQueryId!, "Đã ghi nhận", showAlert: true);
        var twice = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.AnswerCallbackQuery(press.CallbackQueryId!));

        var answer = Assert.Single(h.Fake.CallbackAnswers);
        Assert.Equal(("Đã ghi nhận", true), (answer.Text, answer.ShowAlert));
        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", twice.Message);
    }

    [Fact]
    public async Task SetMyCommands_is_recorded_and_can_be_made_to_fail_with_500()
    {
        await using var h = await Harness.StartAsync();
        BotCommand[] commands = [new("start", "Bắt đầu"), new("han", "Xem hạn sắp tới")];
        h.Fake.FailNext("setMyCommands", 500);

        var failure = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SetMyCommands(commands));
        await h.Bot.SetMyCommands(commands);
        var stored = h.Fake.GetCommands();
        var invalid = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.SetMyCommands([new("Hạn!", "sai")]));
        await h.Bot.DeleteMyCommands();

        Assert.Equal((500, "Internal Server Error"), (failure.ErrorCode, failure.Message));
        Assert.Equal([new BotCommandInfo("start", "Bắt đầu"), new BotCommandInfo("han", "Xem hạn sắp tới")], stored);
        Assert.Equal("Bad Request: BOT_COMMAND_INVALID", invalid.Message);
        Assert.Empty(h.Fake.GetCommands());
        var calls = h.Fake.Calls.Where(c => c.Method == "setMyCommands").ToList();
        Assert.Equal([500, 200, 400], calls.Select(c => c.StatusCode));
        using var body = JsonDocument.Parse(calls[1].Body);
        Assert.Equal("han", body.RootElement.GetProperty("commands")[1].GetProperty("command").GetString());
    }

    [Fact]
    public async Task Documents_go_both_ways_through_sendDocument_getFile_and_the_download_URL()
    {
        await using var h = await Harness.StartAsync();
        byte[] plan = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3];
        var upload = h.Fake.SendDocument(42, "ke-hoach.xlsx", plan, caption: "Kế hoạch quý I");

        var message = Assert.Single(await h.Bot.GetUpdates()).Message!;
        var document = message.Document!;
        var file = await h.Bot.GetFile(document.FileId);
        using var downloaded = new MemoryStream();
        await h.Bot.DownloadFile(file.FilePath!, downloaded);
        using var report = new MemoryStream(Encoding.UTF8.GetBytes("a;b\n1;2\n"));
        var sent = await h.Bot.SendDocument(42, InputFile.FromStream(report, "bao-cao.csv"), caption: "<i>Báo cáo</i>", parseMode: ParseMode.Html);

        Assert.Equal((upload.MessageId, "Kế hoạch quý I"), (message.MessageId, message.Caption));
        Assert.Equal(("ke-hoach.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (document.FileName, document.MimeType));
        Assert.Equal(plan, downloaded.ToArray());
        Assert.Contains(h.Fake.Calls, c => c.Method == "file" && c.Body == file.FilePath && c.StatusCode == 200);
        var record = Assert.Single(h.Fake.Sent);
        Assert.Equal(("sendDocument", "Báo cáo", "bao-cao.csv"), (record.Method, record.PlainText, record.Document!.FileName));
        Assert.Equal("a;b\n1;2\n", Encoding.UTF8.GetString(record.Document.Content.Span));
        Assert.Equal("Báo cáo", sent.Caption);
        Assert.Equal("bao-cao.csv", sent.Document!.FileName);
    }

    [Fact]
    public async Task Concurrent_senders_and_users_are_all_recorded_with_per_chat_message_ids()
    {
        await using var h = await Harness.StartAsync(new FakeTelegramOptions { AcceptUnknownChats = true });
        var chats = Enumerable.Range(1, 10).Select(i => (long)i).ToArray();

        await Task.WhenAll(chats.SelectMany(chat => Enumerable.Range(1, 10).Select(i => Task.Run(async () =>
        {
            h.Fake.SendText(chat, $"người dùng {i}");
            await h.Bot.SendMessage(chat, $"bot {i}");
        }))));

        var sent = h.Fake.Sent;
        Assert.Equal(100, sent.Count);
        Assert.Equal(100, h.Fake.PendingUpdateCount);
        // Users and the bot share each chat's numbering, so the bot's ids are distinct and within 1..20.
        Assert.All(sent.GroupBy(m => m.ChatId), chat =>
        {
            Assert.Equal(10, chat.Select(m => m.MessageId).Distinct().Count());
            Assert.All(chat, m => Assert.InRange(m.MessageId, 1, 20));
        });
    }

    [Fact]
    public async Task WaitForMessagesAsync_returns_matches_and_times_out_with_what_was_sent()
    {
        await using var h = await Harness.StartAsync();
        h.Fake.SendText(42, "/start");

        var waiting = h.Fake.WaitForMessagesAsync(m => m.ChatId == 42, count: 2);
        await h.Bot.SendMessage(42, "một");
        await h.Bot.SendMessage(42, "hai");
        var got = await waiting;
        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => h.Fake.WaitForMessagesAsync(m => m.Text == "ba", timeout: TimeSpan.FromMilliseconds(200)));

        Assert.Equal(["một", "hai"], got.Select(m => m.Text));
        Assert.Contains("[42] hai", timedOut.Message, StringComparison.Ordinal);
    }
}
