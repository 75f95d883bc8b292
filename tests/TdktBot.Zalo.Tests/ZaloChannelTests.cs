using TdktBot.Messaging;
using TdktBot.Testing;
using TdktBot.Messaging.Zalo;

namespace TdktBot.Zalo.Tests;

/// <summary>What a send to Zalo becomes: plain parts of at most 2000 characters, paced, and Zalo's answer as an outcome.</summary>
public sealed class ZaloChannelTests
{
    [Fact]
    public async Task A_2500_character_answer_goes_in_two_messages_cut_between_lines()
    {
        await using var bot = await ZaloBot.StartAsync(fakeOptions: new FakeZaloOptions { AcceptUnknownChats = true });
        var lines = Enumerable.Range(1, 50).Select(i => $"{i:00}. Nhiệm vụ thi đua số {i}, hạn 30/01/2026 ".PadRight(49, '.')).ToList();
        var text = string.Join('\n', lines);
        Assert.InRange(text.Length, 2400, 2600);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("u1", text), CancellationToken.None);

        var sent = bot.Fake.Sent.Where(m => m.ChatId == "u1").ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.InRange(m.Text.Length, 1, ZaloChannel.MessageLimit));
        Assert.Equal(lines, sent.SelectMany(m => m.Text.Split('\n')));
        Assert.Equal(new SendOutcome.Sent(sent[1].MessageId), outcome);
    }

    [Fact]
    public async Task A_blocked_chat_or_one_that_does_not_exist_is_a_permanent_failure()
    {
        await using var bot = await ZaloBot.StartAsync();
        bot.Fake.AddChat("blocked");
        bot.Fake.Block("blocked");
        bot.Fake.AddChat("gone");
        bot.Fake.ChatNotFound("gone");

        var blocked = await bot.Channel.SendAsync(new OutgoingMessage("blocked", "Nhắc việc"), CancellationToken.None);
        var gone = await bot.Channel.SendAsync(new OutgoingMessage("gone", "Nhắc việc"), CancellationToken.None);

        Assert.StartsWith("Zalo 403", Assert.IsType<SendOutcome.Permanent>(blocked).Reason, StringComparison.Ordinal);
        Assert.StartsWith("Zalo 400", Assert.IsType<SendOutcome.Permanent>(gone).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_is_the_bots_trouble_not_the_chats()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.AddChat("u1");
        bot.Fake.FailNext("sendMessage", 401);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("u1", "Nhắc việc"), CancellationToken.None);

        Assert.StartsWith("Zalo 401", Assert.IsType<SendOutcome.Transient>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_with_a_long_wait_is_handed_to_the_outbox_with_the_wait_instead_of_being_slept_through()
    {
        await using var bot = await ZaloBot.StartAsync(start: false);
        bot.Fake.AddChat("u1");
        bot.Fake.FailNext("sendMessage", 429, retryAfter: 60);

        var outcome = await bot.Channel.SendAsync(new OutgoingMessage("u1", "Nhắc việc"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<SendOutcome.Transient>(outcome).RetryAfter);
        Assert.Single(bot.Fake.Calls, c => c.Method == "sendMessage");
    }

    [Fact]
    public async Task Sends_wait_their_turn_at_the_configured_rate_whichever_path_they_take()
    {
        await using var bot = await ZaloBot.StartAsync(
            settings: new Dictionary<string, string?> { ["Zalo:MessagesPerSecond"] = "5" },
            fakeOptions: new FakeZaloOptions { AcceptUnknownChats = true },
            start: false);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Six callers at once, as replies and the outbox would be: at 5 a second, the last waits five slots of 200 ms.
        // Only a lower bound is asserted: a busy machine makes it longer, never shorter (the slots are the pacer's own tests).
        await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            bot.Channel.SendAsync(new OutgoingMessage($"u{i}", $"Tin {i}"), CancellationToken.None)));

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(5 * 200 - 20), $"6 sends in {clock.Elapsed}");
        Assert.Equal(6, bot.Fake.Sent.Count);
    }
}
