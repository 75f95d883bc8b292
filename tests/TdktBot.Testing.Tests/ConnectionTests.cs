using System.Net;
using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace TdktBot.Testing.Tests;

public sealed class ConnectionTests
{
    [Fact]
    public async Task GetMe_returns_the_bot_whose_id_is_the_token_prefix()
    {
        await using var h = await Harness.StartAsync();

        var me = await h.Bot.GetMe();

        Assert.Equal(123456, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("TDKT Test Bot", me.FirstName);
        Assert.Equal(h.Fake.BotUsername, me.Username);
        Assert.StartsWith("http://127.0.0.1:", h.Fake.BaseUrl, StringComparison.Ordinal);
        var call = Assert.Single(h.Fake.Calls);
        Assert.Equal(("getMe", 200), (call.Method, call.StatusCode));
    }

    [Fact]
    public async Task A_wrong_token_gets_401_Unauthorized()
    {
        await using var h = await Harness.StartAsync(token: "654321:WRONG-token");

        var failure = await Assert.ThrowsAsync<ApiRequestException>(() => h.Bot.GetMe());

        Assert.Equal(401, failure.ErrorCode);
        Assert.Equal("Unauthorized", failure.Message);
        Assert.Equal(401, Assert.Single(h.Fake.Calls).StatusCode);
    }

    [Fact]
    public async Task Wire_format_of_errors_matches_Telegram()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();

        var unknown = await http.PostAsync(new Uri($"{fake.BaseUrl}/bot{fake.Token}/noSuchMethod"), null);
        var unauthorized = await http.GetAsync(new Uri($"{fake.BaseUrl}/bot1:nope/getMe"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found: method not found"}""", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", await unauthorized.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_parameter_of_the_wrong_type_is_a_bad_request()
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { AcceptUnknownChats = true });
        using var http = new HttpClient();
        using var content = new StringContent("""{"chat_id":42,"text":"x","reply_markup":{"inline_keyboard":[[{"text":7,"callback_data":"a"}]]}}""", System.Text.Encoding.UTF8, "application/json");

        var response = await http.PostAsync(new Uri($"{fake.BaseUrl}/bot{fake.Token}/sendMessage"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Bad Request: wrong parameter type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_encoded_calls_are_understood_like_JSON_ones()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        using var http = new HttpClient();
        fake.SendText(42, "/start");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "42",
            ["text"] = "<i>chào</i>",
            ["parse_mode"] = "html",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"OK","callback_data":"ok"}]]}""",
        });
        var response = await http.PostAsync(new Uri($"{fake.BaseUrl}/bot{fake.Token}/sendmessage"), form);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("chào", body.RootElement.GetProperty("result").GetProperty("text").GetString());
        var sent = Assert.Single(fake.Sent);
        Assert.Equal(("HTML", "ok"), (sent.ParseMode, sent.Buttons[0][0].CallbackData));
    }
}
