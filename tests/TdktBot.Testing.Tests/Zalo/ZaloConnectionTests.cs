using System.Text.Json.Nodes;

namespace TdktBot.Testing.Tests.Zalo;

public sealed class ZaloConnectionTests
{
    [Fact]
    public async Task getMe_answers_the_bot_account_in_the_success_envelope()
    {
        await using var h = await ZaloHarness.StartAsync();

        var me = await h.CallAsync("getMe");

        Assert.Equal(200, me.Status);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"ok":true,"result":{"id":"7e3a1f00c0ffee000001","account_name":"bot.tdkt.test","account_type":"BASIC","can_join_groups":false}}"""),
            me.Json));
        Assert.Equal(new ApiCall("getMe", "{}", 200, h.Fake.Calls.Single().At), h.Fake.Calls.Single());
    }

    [Fact]
    public async Task The_server_listens_on_loopback_with_the_configured_identity()
    {
        var options = new FakeZaloOptions { Token = "42:another", BotId = "0123456789abcdef0123", AccountName = "bot.khac" };
        await using var h = await ZaloHarness.StartAsync(options);

        var me = await h.CallAsync("getMe");

        Assert.StartsWith("http://127.0.0.1:", h.Fake.BaseUrl, StringComparison.Ordinal);
        Assert.False(h.Fake.BaseUrl.EndsWith('/'));
        Assert.Equal(("42:another", "0123456789abcdef0123"), (h.Fake.Token, h.Fake.BotId));
        Assert.Equal(("0123456789abcdef0123", "bot.khac"), (me.Result!["id"]!.GetValue<string>(), me.Result["account_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_token_gets_401_and_only_the_method_is_recorded()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");

        var refused = await h.CallAsync("sendMessage", """{"chat_id":"u1","text":"chào"}""", token: "123:wrong-secret");

        Assert.Equal(401, refused.Status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", refused.Raw);
        var call = Assert.Single(h.Fake.Calls);
        Assert.Equal(("sendMessage", "", 401), (call.Method, call.Body, call.StatusCode));
        Assert.Empty(h.Fake.Sent);
    }

    [Theory]
    [InlineData("getme")]
    [InlineData("SendMessage")]
    [InlineData("getUpdate")]
    public async Task Unknown_methods_get_404_and_names_are_case_sensitive(string method)
    {
        await using var h = await ZaloHarness.StartAsync();

        var reply = await h.CallAsync(method);

        Assert.Equal((404, false, 404), (reply.Status, reply.Json["ok"]!.GetValue<bool>(), reply.Json["error_code"]!.GetValue<int>()));
        Assert.Equal(method, h.Fake.Calls.Single().Method);
    }

    [Fact]
    public async Task GET_with_a_query_string_works_like_a_JSON_body()
    {
        await using var h = await ZaloHarness.StartAsync();
        h.Fake.AddChat("u1");

        var me = await h.GetAsync("getMe", "");
        var sent = await h.GetAsync("sendMessage", "chat_id=u1&text=" + Uri.EscapeDataString("Xin chào"));

        Assert.Equal((200, 200), (me.Status, sent.Status));
        Assert.Equal(("u1", "Xin chào"), (h.Fake.Sent.Single().ChatId, h.Fake.Sent.Single().Text));
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_gets_400()
    {
        await using var h = await ZaloHarness.StartAsync();

        var reply = await h.CallAsync("getMe", "{not json");

        Assert.Equal((400, 400), (reply.Status, reply.Json["error_code"]!.GetValue<int>()));
    }
}
