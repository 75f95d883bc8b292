using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TdktBot.Testing.Tests.Zalo;

public sealed class ZaloUpdatesTests
{
    [Fact]
    public async Task getUpdates_returns_one_update_object_the_oldest_first()
    {
        await using var h = await ZaloHarness.StartAsync();
        var first = h.Fake.SendText("6ede9afa66b88fe6d6a9", "Xin chào", displayName: "Ted");
        var second = h.Fake.SendText("6ede9afa66b88fe6d6a9", "Báo cáo");

        var one = await h.CallAsync("getUpdates", """{"timeout":"30"}""");
        var two = await h.CallAsync("getUpdates", """{"timeout":30}""");

        Assert.Equal((200, 200), (one.Status, two.Status));
        Assert.IsType<JsonObject>(one.Result);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(first.Json), one.Result));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(second.Json), two.Result));
        Assert.Equal(0, h.Fake.PendingUpdateCount);
    }

    [Fact]
    public async Task A_text_update_has_the_documented_shape()
    {
        await using var h = await ZaloHarness.StartAsync();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var update = h.Fake.SendText("6ede9afa66b88fe6d6a9", "Xin chào", displayName: "Ted");
        var later = h.Fake.SendText("6ede9afa66b88fe6d6a9", "Lần nữa");

        var json = JsonNode.Parse(update.Json)!;
        var message = json["message"]!;
        Assert.Equal("message.text.received", json["event_name"]!.GetValue<string>());
        Assert.Equal(("message.text.received", "6ede9afa66b88fe6d6a9", "Xin chào"), (update.EventName, update.ChatId, update.Text));
        Assert.Equal(update.MessageId, message["message_id"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{20}$", update.MessageId);
        Assert.NotEqual(update.MessageId, later.MessageId);
        Assert.InRange(message["date"]!.GetValue<long>(), before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"id":"6ede9afa66b88fe6d6a9","display_name":"Ted","is_bot":false}"""), message["from"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"id":"6ede9afa66b88fe6d6a9","chat_type":"PRIVATE"}"""), message["chat"]));
        Assert.Equal("Xin chào", message["text"]!.GetValue<string>());
        // The display name is remembered for the user's later messages.
        Assert.Equal("Ted", JsonNode.Parse(later.Json)!["message"]!["from"]!["display_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Images_stickers_and_unsupported_messages_carry_their_own_content()
    {
        await using var h = await ZaloHarness.StartAsync();

        var image = JsonNode.Parse(h.Fake.SendImage("u1", "https://photo.example/a.jpg", caption: "kế hoạch").Json)!;
        var bare = JsonNode.Parse(h.Fake.SendImage("u1", "https://photo.example/b.jpg").Json)!;
        var sticker = h.Fake.SendSticker("u1");
        var unsupported = h.Fake.SendUnsupported("u1");

        Assert.Equal("message.image.received", image["event_name"]!.GetValue<string>());
        Assert.Equal(("https://photo.example/a.jpg", "kế hoạch"), (image["message"]!["photo"]!.GetValue<string>(), image["message"]!["caption"]!.GetValue<string>()));
        Assert.Null(bare["message"]!["caption"]);
        Assert.Equal(("message.sticker.received", null), (sticker.EventName, sticker.Text));
        Assert.False(string.IsNullOrEmpty(JsonNode.Parse(sticker.Json)!["message"]!["sticker"]!.GetValue<string>()));
        Assert.Equal("message.unsupported.received", unsupported.EventName);
        var content = JsonNode.Parse(unsupported.Json)!["message"]!.AsObject().Select(p => p.Key);
        Assert.Equal(["message_id", "date", "from", "chat"], content);
        Assert.Equal(4, h.Fake.PendingUpdateCount);
    }

    [Fact]
    public async Task Without_an_update_getUpdates_answers_408_after_the_timeout()
    {
        await using var h = await ZaloHarness.StartAsync();
        var clock = Stopwatch.StartNew();

        var reply = await h.CallAsync("getUpdates", """{"timeout":"1"}""");

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
        Assert.Equal(408, reply.Status);
        Assert.Equal("""{"ok":false,"error_code":408,"description":"Request timeout"}""", reply.Raw);
        Assert.Equal(0, h.Fake.WaitingPolls);
    }

    [Fact]
    public async Task A_waiting_poll_answers_as_soon_as_a_user_writes()
    {
        await using var h = await ZaloHarness.StartAsync();

        var poll = h.CallAsync("getUpdates", """{"timeout":"30"}""");
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 1, what: "the poll waiting");
        var clock = Stopwatch.StartNew();
        var update = h.Fake.SendText("u1", "chào");
        var reply = await poll;

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}");
        Assert.Equal(update.MessageId, reply.Result!["message"]!["message_id"]!.GetValue<string>());
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 0, what: "no poll waiting");
    }

    [Fact]
    public async Task Two_waiting_polls_each_get_a_different_update()
    {
        await using var h = await ZaloHarness.StartAsync();

        var polls = new[] { h.CallAsync("getUpdates", """{"timeout":"5"}"""), h.CallAsync("getUpdates", """{"timeout":"5"}""") };
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 2, what: "both polls waiting");
        var a = h.Fake.SendText("u1", "một");
        var b = h.Fake.SendText("u2", "hai");
        var replies = await Task.WhenAll(polls);

        var got = replies.Select(r => r.Result!["message"]!["message_id"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(new[] { a.MessageId, b.MessageId }.Order(), got);
    }

    [Fact]
    public async Task One_update_goes_to_one_of_two_polls_and_the_other_times_out()
    {
        await using var h = await ZaloHarness.StartAsync();

        var polls = new[] { h.CallAsync("getUpdates", """{"timeout":"1"}"""), h.CallAsync("getUpdates", """{"timeout":"1"}""") };
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 2, what: "both polls waiting");
        h.Fake.SendText("u1", "chỉ một");
        var replies = await Task.WhenAll(polls);

        Assert.Equal([200, 408], replies.Select(r => r.Status).Order());
    }

    [Fact]
    public async Task A_timeout_that_is_not_a_number_is_refused()
    {
        await using var h = await ZaloHarness.StartAsync();

        var reply = await h.CallAsync("getUpdates", """{"timeout":"soon"}""");

        Assert.Equal(400, reply.Status);
    }

    [Fact]
    public async Task getUpdates_is_refused_while_a_webhook_is_set()
    {
        await using var h = await ZaloHarness.StartAsync();
        await h.CallAsync("setWebhook", """{"url":"https://bot.example/zalo","secret_token":"s3cret-token"}""");

        var refused = await h.CallAsync("getUpdates", """{"timeout":"1"}""");
        await h.CallAsync("deleteWebhook");
        h.Fake.SendText("u1", "chào");
        var polled = await h.CallAsync("getUpdates", """{"timeout":"1"}""");

        Assert.Equal(400, refused.Status);
        Assert.Contains("deleteWebhook", refused.Description, StringComparison.Ordinal);
        Assert.Equal(400, h.Fake.Calls.First(c => c.Method == "getUpdates").StatusCode);
        Assert.Equal(200, polled.Status);
    }

    [Fact]
    public async Task A_waiting_poll_is_refused_when_a_webhook_is_set()
    {
        await using var h = await ZaloHarness.StartAsync();

        var poll = h.CallAsync("getUpdates", """{"timeout":"30"}""");
        await h.Fake.WaitUntilAsync(() => h.Fake.WaitingPolls == 1, what: "the poll waiting");
        await h.CallAsync("setWebhook", """{"url":"https://bot.example/zalo","secret_token":"s3cret-token"}""");

        Assert.Equal(400, (await poll).Status);
    }
}
