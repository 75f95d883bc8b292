using System.Text;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using TdktBot.Messaging;
using TdktBot.Messaging.Telegram;
using TdktBot.Core.Conversations;

namespace TdktBot.Telegram.Tests;

/// <summary>What the outbox gets from the Telegram channel: messages as Telegram shows them, and its errors as outcomes.</summary>
public sealed class TelegramChannelTests
{
    [Fact]
    public async Task Text_people_wrote_is_escaped_so_Telegram_shows_it_as_written()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        const string text = "Đơn vị <b>Tổ 3</b> & \"Hội\" gửi: a<b && 'x' > y";

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("42", text), CancellationToken.None);

        var sent = Assert.Single(bot.Fake.Sent);
        Assert.Equal(new SendOutcome.Sent(sent.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), outcome);
        Assert.Equal(text, sent.PlainText);
        Assert.Equal("HTML", sent.ParseMode);
        Assert.Empty(sent.Entities);
        Assert.Empty(bot.Fake.Refused);
    }

    [Fact]
    public async Task A_long_message_goes_in_parts_at_line_breaks_with_the_buttons_under_the_last()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        // 5000 characters in lines with entities to escape all along, so a cut could land next to one.
        var lines = Enumerable.Range(1, 200).Select(i => $"{i:000}. Tổ <{i}> & nộp \"báo cáo\"".PadRight(24, '.')).ToList();
        var text = string.Join('\n', lines);
        Assert.True(text.Length > 4096, $"the text is only {text.Length} characters");
        var message = new OutgoingMessage("42", text) { Buttons = [new ChatButton("Nộp mục 3", "NOP 3"), new ChatButton("Hủy", "HUY 3")] };

        var outcome = await bot.Channel.SendAsync(message, CancellationToken.None);

        var parts = bot.Fake.Sent;
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.PlainText.Length, 1, 4096));
        Assert.Equal(text, string.Join('\n', parts.Select(p => p.PlainText)));
        Assert.Empty(parts[0].Buttons);
        Assert.Equal(
            [("Nộp mục 3", "NOP 3"), ("Hủy", "HUY 3")],
            parts[1].Buttons.Select(row => Assert.Single(row)).Select(b => (b.Text, b.CallbackData!)));
        Assert.Equal(new SendOutcome.Sent(parts[1].MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), outcome);
    }

    [Fact]
    public async Task A_command_too_long_for_callback_data_fails_loudly_and_nothing_is_sent()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        var message = new OutgoingMessage("42", "Chọn:") { Buttons = [new ChatButton("Dài", "TIEPNHAN " + new string('x', 60))] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => bot.Channel.SendAsync(message, CancellationToken.None));

        Assert.Contains("64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task A_429_is_transient_with_Telegrams_retry_after()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        bot.Fake.FailNext("sendMessage", 429, retryAfter: 7);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("42", "Nhắc việc"), CancellationToken.None);

        var transient = Assert.IsType<SendOutcome.Transient>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), transient.RetryAfter);
        Assert.Contains("429", transient.Reason, StringComparison.Ordinal);
        // Telegram.Bot's own retry is off: the one 429 came back at once, and nothing was tried again.
        Assert.Single(bot.Fake.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task A_user_who_blocked_the_bot_is_permanent()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.Block(42);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("42", "Nhắc việc"), CancellationToken.None);

        Assert.Equal(new SendOutcome.Permanent("Telegram 403: Forbidden: bot was blocked by the user"), outcome);
    }

    [Fact]
    public async Task A_chat_that_does_not_exist_is_permanent()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("77", "Nhắc việc"), CancellationToken.None);

        Assert.Equal(new SendOutcome.Permanent("Telegram 400: Bad Request: chat not found"), outcome);
    }

    [Fact]
    public async Task A_group_that_became_a_supergroup_is_moved_to_its_new_id()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(-42, "Tổ dân phố 3");
        bot.Fake.MigrateGroup(-42, -1_000_000_000_042);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("-42", "Nhắc việc"), CancellationToken.None);

        Assert.Equal(new SendOutcome.Moved("-1000000000042"), outcome);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    // A rejected token is the bot's trouble, not the chat's: the chat must not be switched off for it.
    [InlineData(401)]
    public async Task Server_errors_and_a_rejected_token_are_transient(int status)
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        bot.Fake.FailNext("sendMessage", status);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("42", "Nhắc việc"), CancellationToken.None);

        var transient = Assert.IsType<SendOutcome.Transient>(outcome);
        Assert.StartsWith($"Telegram {status}:", transient.Reason, StringComparison.Ordinal);
        Assert.Null(transient.RetryAfter);
    }

    [Fact]
    public async Task No_answer_at_all_is_transient()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        bot.Fake.DropNext("sendMessage");
        bot.Fake.MalformedNext("sendMessage");

        var dropped = await bot.Channel.SendAsync(new OutgoingMessage("42", "Nhắc việc"), CancellationToken.None);
        var malformed = await bot.Channel.SendAsync(new OutgoingMessage("42", "Nhắc việc"), CancellationToken.None);

        Assert.IsType<SendOutcome.Transient>(dropped);
        Assert.IsType<SendOutcome.Transient>(malformed);
    }

    [Fact]
    public async Task A_timeout_is_transient()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        bot.Fake.Delay("sendMessage", TimeSpan.FromSeconds(5));
        // A client with a short timeout of its own, so the test need not wait out the 10 s the settings allow at least.
        using var http = new HttpClient();
        var client = new TelegramBotClient(new TelegramBotClientOptions(bot.Fake.Token, bot.Fake.BaseUrl) { RetryThreshold = 0 }, http)
        {
            Timeout = TimeSpan.FromSeconds(1),
        };
        var channel = new TelegramChannel(client, Options.Create(new TelegramOptions { BotToken = bot.Fake.Token }));

        var outcome = await channel.SendAsync(new OutgoingMessage("42", "Nhắc việc"), CancellationToken.None);

        Assert.Contains("timed out", Assert.IsType<SendOutcome.Transient>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_in_a_later_part_is_the_outcome_and_says_which_part()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);
        bot.Fake.AddChat(42);
        // One message a second per chat: the first part goes, the second comes too soon and gets a 429.
        bot.Fake.EnforceLimits(perChatPerSecond: 1);
        var text = new StringBuilder().Append('a', 4000).Append('\n').Append('b', 2000).ToString();

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("42", text), CancellationToken.None);

        Assert.Single(bot.Fake.Sent);
        var transient = Assert.IsType<SendOutcome.Transient>(outcome);
        Assert.EndsWith("(phần 2/2)", transient.Reason, StringComparison.Ordinal);
        Assert.NotNull(transient.RetryAfter);
    }

    [Fact]
    public async Task An_address_that_is_not_a_chat_id_is_permanent()
    {
        await using var bot = await TelegramBot.StartAsync(start: false);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("console-1", "Nhắc việc"), CancellationToken.None);

        Assert.IsType<SendOutcome.Permanent>(outcome);
        Assert.Empty(bot.Fake.Calls);
    }
}
