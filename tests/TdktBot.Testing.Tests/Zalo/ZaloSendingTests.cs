using System.Text.RegularExpressions;

namespace TdktBot.Testing.Tests.Zalo;

public sealed partial class ZaloSendingTests
{
    [Fact]
    public async Task sendMessage_to_a_user_who_wrote_answers_an_opaque_id_and_the_date_in_milliseconds()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.SendText("6ede9afa66b88fe6d6a9", "Xin chào");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var reply = await h.SendMessageAsync("6ede9afa66b88fe6d6a9", "Chào anh, báo cáo tuần này đã nhận.");

        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Assert.Equal((200, true), (reply.Status, reply.Json["ok"]!.GetValue<bool>()));
        var id = reply.Result!["message_id"]!.GetValue<string>();
        var date = reply.Result["date"]!.GetValue<long>();
        Assert.Matches(HexId(), id);
        Assert.InRange(date, before, after);
        var sent = Assert.Single(h.Fake.Sent);
        Assert.Equal(("6ede9afa66b88fe6d6a9", "Chào anh, báo cáo tuần này đã nhận.", id, date), (sent.ChatId, sent.Text, sent.MessageId, sent.Date));
        Assert.Empty(sent.ExtraFields);
        Assert.Null(sent.ErrorCode);
        Assert.Equal(h.Fake.Calls.Single(c => c.Method == "sendMessage").Body, sent.Body);
        Assert.InRange(sent.ReceivedAt, TimeSpan.Zero, h.Fake.Elapsed);
    }

    [Fact]
    public async Task Fields_Zalo_does_not_know_are_recorded_with_the_raw_body()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        const string body = """{"chat_id":"u1","text":"<b>Hạn chót</b>","parse_mode":"HTML","reply_markup":{"inline_keyboard":[]}}""";

        var reply = await h.CallAsync("sendMessage", body);

        Assert.Equal(200, reply.Status);
        var sent = Assert.Single(h.Fake.Sent);
        Assert.Equal(["parse_mode", "reply_markup"], sent.ExtraFields);
        Assert.Equal(body, sent.Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public async Task Text_outside_1_to_2000_characters_is_refused_with_400(int length)
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");

        var reply = await h.SendMessageAsync("u1", new string('ê', length));

        Assert.Equal((400, 400), (reply.Status, reply.Json["error_code"]!.GetValue<int>()));
        Assert.Contains("2000", reply.Description, StringComparison.Ordinal);
        Assert.Empty(h.Fake.Sent);
        Assert.Equal(400, Assert.Single(h.Fake.Refused).ErrorCode);
    }

    [Fact]
    public async Task Text_of_exactly_2000_characters_and_missing_text_are_told_apart()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");

        var longest = await h.SendMessageAsync("u1", new string('ư', 2000));
        var missing = await h.CallAsync("sendMessage", """{"chat_id":"u1"}""");

        Assert.Equal((200, 400), (longest.Status, missing.Status));
        Assert.Equal(2000, h.Fake.Sent.Single().Text.Length);
    }

    [Fact]
    public async Task An_unknown_chat_gets_400_chat_not_found_until_AddChat()
    {
        await using var h = await ZaloHarness.StartAsync();

        var unknown = await h.SendMessageAsync("aaaaaaaaaaaaaaaaaaaa", "chào");
        var noChat = await h.CallAsync("sendMessage", """{"text":"chào"}""");
        h.Fake.AddChat("aaaaaaaaaaaaaaaaaaaa");
        var known = await h.SendMessageAsync("aaaaaaaaaaaaaaaaaaaa", "chào");

        Assert.Equal(400, unknown.Status);
        Assert.Contains("chat not found", unknown.Description, StringComparison.Ordinal);
        Assert.Equal(400, noChat.Status);
        Assert.Equal(200, known.Status);
        var refused = h.Fake.Refused;
        Assert.Equal(("aaaaaaaaaaaaaaaaaaaa", "chào", 400, ""), (refused[0].ChatId, refused[0].Text, refused[0].ErrorCode, refused[0].MessageId));
        Assert.Equal("", refused[1].ChatId);
    }

    [Fact]
    public async Task AcceptUnknownChats_lets_sends_reach_any_chat()
    {
        await using var h = await ZaloHarness.StartAsync(new FakeZaloOptions { AcceptUnknownChats = true });

        var reply = await h.SendMessageAsync("never-wrote", "chào");

        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public async Task WaitForMessagesAsync_returns_every_match_once_enough_arrived()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        h.Fake.AddChat("u2");

        var waiting = h.Fake.WaitForMessagesAsync(m => m.ChatId == "u1", count: 2);
        await h.SendMessageAsync("u1", "một");
        await h.SendMessageAsync("u2", "hai");
        await h.SendMessageAsync("u1", "ba");
        var found = await waiting;
        await h.SendMessageAsync("u1", "bốn");
        var again = await h.Fake.WaitForMessagesAsync(m => m.ChatId == "u1", count: 2);

        Assert.Equal(["một", "ba"], found.Select(m => m.Text));
        Assert.Equal(["một", "ba", "bốn"], again.Select(m => m.Text));
    }

    [Fact]
    public async Task WaitForMessagesAsync_times_out_listing_what_was_sent_and_refused()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");
        await h.SendMessageAsync("u1", "đã gửi");
        await h.SendMessageAsync("u9", "bị từ chối");

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(
            () => h.Fake.WaitForMessagesAsync(m => m.ChatId == "u2", timeout: TimeSpan.FromMilliseconds(100)));

        Assert.Contains("[u1] đã gửi", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("[u9] 400", timedOut.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[0-9a-f]{20}$")]
    private static partial Regex HexId();
}
