using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Board;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Board;

/// <summary>
/// The bot with its status board on a free port of 127.0.0.1, and a plain HTTP client that follows no redirect and
/// keeps no cookie, so each test says exactly what it sends and reads exactly what comes back.
/// </summary>
internal sealed partial class BoardSite : IAsyncDisposable
{
    private BoardSite(MessengerBotUnderTest bot, FakeTimeProvider clock)
    {
        Bot = bot;
        Clock = clock;
        Http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Address) };
    }

    public MessengerBotUnderTest Bot { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Http { get; }

    /// <summary>Where the board listens, e.g. http://127.0.0.1:40123.</summary>
    public string Address => Bot.Get<BoardAddress>().Current ?? throw new InvalidOperationException("The board is not serving.");

    public static async Task<BoardSite> StartAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var clock = MessengerBotUnderTest.Clock(now);
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Web:Listen"] = "http://127.0.0.1:0" };
        return new BoardSite(await MessengerBotUnderTest.StartAsync(clock, all), clock);
    }

    /// <summary>Says /bang in <paramref name="chatId"/> and returns the sign-in link the bot sent.</summary>
    public async Task<string> LinkAsync(long chatId)
    {
        // Waits for the link itself: the office's chat may hear of units' confirmations at the same time.
        var before = Bot.Fake.Sent.Count(m => m.ChatId == chatId && m.PlainText.Contains("/vao?ma=", StringComparison.Ordinal));
        Bot.Fake.SendText(chatId, "/bang");
        var replies = await Bot.Fake.WaitForMessagesAsync(m => m.ChatId == chatId && m.PlainText.Contains("/vao?ma=", StringComparison.Ordinal), before + 1, MessengerBotUnderTest.Patience);
        return LinkPattern().Match(replies[before].PlainText).Value;
    }

    /// <summary>The sign-in link in a message.</summary>
    public static string LinkOfSentence(string text) => LinkPattern().Match(text).Value;

    /// <summary>The secret of a sign-in link.</summary>
    public static string SecretOf(string link) => link[(link.IndexOf("?ma=", StringComparison.Ordinal) + 4)..];

    /// <summary>Posts the sign-in form as the button would.</summary>
    public Task<HttpResponseMessage> UseLinkAsync(string link) =>
        Http.PostAsync("/vao", new FormUrlEncodedContent([new KeyValuePair<string, string>("ma", SecretOf(link))]));

    /// <summary>Signs in with a fresh link from /bang in <paramref name="chatId"/>; returns the session cookie's value.</summary>
    public async Task<string> SignInAsync(long chatId)
    {
        using var response = await UseLinkAsync(await LinkAsync(chatId));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return CookieOf(response) ?? throw new InvalidOperationException("No session cookie was set.");
    }

    public static string? CookieOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).Where(c => c.StartsWith(BoardServer.CookieName + "=", StringComparison.Ordinal))
                .Select(c => c[(BoardServer.CookieName.Length + 1)..]).FirstOrDefault()
            : null;

    /// <summary>GETs <paramref name="path"/> with the session cookie (or none).</summary>
    public async Task<HttpResponseMessage> GetAsync(string path, string? session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (session is not null)
        {
            request.Headers.Add("Cookie", $"{BoardServer.CookieName}={session}");
        }

        return await Http.SendAsync(request);
    }

    /// <summary>A page's HTML, parsed strictly: a parse error fails the test.</summary>
    public static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return Parse(html);
    }

    public static IHtmlDocument Parse(string html) => new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/vao\?ma=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
