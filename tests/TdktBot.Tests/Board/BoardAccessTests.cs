using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Board;

/// <summary>
/// Signing in to the board without passwords, over HTTP against the running bot: "/bang" through the real Telegram.Bot
/// client to the fake, the one-time link, the session cookie, who sees what, and everything that must fail: a reused,
/// expired or tampered link, a forged or expired cookie, another unit's page, a person whose role was taken away.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class BoardAccessTests
{
    private const long Office = 5401;
    private const long School = 6401;
    private const long Health = 6402;
    private const long Staff = 6403;

    private static readonly DateTimeOffset Start = MessengerBotUnderTest.Vn(2026, 2, 10, 9);

    [Fact]
    public async Task A_head_signs_in_once_with_a_link_from_chat_and_sees_only_their_own_unit()
    {
        await using var site = await BoardSite.StartAsync(Start);
        await site.Bot.LinkAsync(School, "Trường THCS Hoa Thám");
        await site.Bot.LinkAsync(Health, "Trạm Y tế xã");

        var reply = await site.Bot.SayAsync(School, "/bang");
        Assert.StartsWith($"🔗 Mở bảng theo dõi: {site.Address}/vao?ma=", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("Đường dẫn dùng một lần, hết hạn lúc 09:15 ngày 10/02/2026.", reply.PlainText, StringComparison.Ordinal);
        var link = BoardSite.LinkOfSentence(reply.PlainText);

        // Opening the link (as a link preview would) only shows the button; the link still works after.
        using (var confirm = await site.Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            var page = await BoardSite.PageAsync(confirm);
            Assert.Equal("Đăng nhập bảng theo dõi", page.QuerySelector("h1")!.TextContent);
            Assert.Contains("Trường THCS Hoa Thám", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("/vao", page.QuerySelector("form")!.GetAttribute("action"));
        }

        using var signedIn = await site.UseLinkAsync(link);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"));
        var parts = cookie.Split(';').Select(p => p.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", parts);
        Assert.Contains("samesite=strict", parts);
        Assert.Contains("path=/", parts);
        Assert.DoesNotContain("secure", parts);
        Assert.Contains("max-age=43200", parts);
        var session = BoardSite.CookieOf(signedIn)!;

        using var grid = await site.GetAsync("/", session);
        Assert.Equal(HttpStatusCode.OK, grid.StatusCode);
        var rows = (await BoardSite.PageAsync(grid)).QuerySelectorAll("table.grid tbody tr").Select(r => r.GetAttribute("data-unit")).ToList();
        Assert.Equal(["Trường THCS Hoa Thám"], rows);

        long own, other;
        await using (var db = site.Bot.OpenStore())
        {
            own = await db.Units.Where(u => u.Name == "Trường THCS Hoa Thám").Select(u => u.Id).SingleAsync();
            other = await db.Units.Where(u => u.Name == "Trạm Y tế xã").Select(u => u.Id).SingleAsync();
        }

        using (var mine = await site.GetAsync($"/don-vi/{own}", session))
        {
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            Assert.Equal("Trường THCS Hoa Thám", (await BoardSite.PageAsync(mine)).QuerySelector("h1")!.TextContent);
        }

        using (var theirs = await site.GetAsync($"/don-vi/{other}", session))
        {
            Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
            var page = await BoardSite.PageAsync(theirs);
            Assert.Equal("Không được xem trang này", page.QuerySelector("h1")!.TextContent);
            Assert.Contains("chỉ xem được tình hình của Trường THCS Hoa Thám", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("Trạm Y tế", page.Body.TextContent, StringComparison.Ordinal);
        }

        // The report is the office's, as in chat.
        using (var report = await site.GetAsync("/bao-cao.xlsx", session))
        {
            Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        }

        // Used once: neither the button nor the address works again.
        using (var again = await site.UseLinkAsync(link))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.Null(BoardSite.CookieOf(again));
            Assert.Equal("Đường dẫn đã được dùng", (await BoardSite.PageAsync(again)).QuerySelector("h1")!.TextContent);
        }

        using (var reopened = await site.Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.Gone, reopened.StatusCode);
        }

        // The store keeps only hashes of the secrets.
        await using (var db = site.Bot.OpenStore())
        {
            var hashes = await db.BoardPasses.Select(p => p.SecretHash).ToListAsync();
            Assert.Equal(2, hashes.Count);
            Assert.DoesNotContain(BoardSite.SecretOf(link), hashes);
            Assert.DoesNotContain(session, hashes);
            Assert.Contains(TdktBot.Board.BoardPasses.Hash(session), hashes);
        }
    }

    [Fact]
    public async Task Without_a_valid_session_every_page_sends_the_browser_to_a_Vietnamese_explanation()
    {
        await using var site = await BoardSite.StartAsync(Start);
        await site.Bot.LinkAsync(School, "Trường THCS Hoa Thám");
        var forged = new string('A', 43);

        foreach (var (path, presented) in new[] { ("/", (string?)null), ("/", forged), ("/don-vi/1", null), ("/bao-cao.xlsx", forged), ("/lich.ics", "x"), ("/tep/1", null) })
        {
            using var response = await site.GetAsync(path, presented);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal("/dang-nhap", response.Headers.Location!.OriginalString);
        }

        using var explanation = await site.GetAsync("/dang-nhap", null);
        var page = await BoardSite.PageAsync(explanation);
        Assert.Equal("Cần đăng nhập", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("gõ /bang trong cuộc trò chuyện với bot", page.Body!.TextContent, StringComparison.Ordinal);

        // A session past its 12 hours is refused like a forged one.
        var session = await site.SignInAsync(School);
        site.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        using var expired = await site.GetAsync("/", session);
        Assert.Equal(HttpStatusCode.SeeOther, expired.StatusCode);
    }

    [Fact]
    public async Task A_tampered_or_expired_link_explains_itself_and_opens_nothing()
    {
        await using var site = await BoardSite.StartAsync(Start);
        await site.Bot.LinkAsync(School, "Trường THCS Hoa Thám");
        var link = await site.LinkAsync(School);
        var secret = BoardSite.SecretOf(link);
        var tampered = link[..^1] + (secret[^1] == 'A' ? 'B' : 'A');

        using (var wrong = await site.UseLinkAsync(tampered))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            Assert.Null(BoardSite.CookieOf(wrong));
            Assert.Equal("Đường dẫn không đúng", (await BoardSite.PageAsync(wrong)).QuerySelector("h1")!.TextContent);
        }

        site.Clock.Advance(TimeSpan.FromMinutes(16));
        using (var late = await site.UseLinkAsync(link))
        {
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
            Assert.Null(BoardSite.CookieOf(late));
            var page = await BoardSite.PageAsync(late);
            Assert.Equal("Đường dẫn đã hết hạn", page.QuerySelector("h1")!.TextContent);
            Assert.Contains("chỉ dùng được trong 15 phút", page.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_get_no_link_a_group_gets_none_and_a_person_whose_role_is_gone_is_signed_out()
    {
        await using var site = await BoardSite.StartAsync(Start);
        await site.Bot.LinkAsync(School, "Trường THCS Hoa Thám");
        await site.Bot.LinkAsync(Staff, "Trạm Y tế xã", ChatRole.Staff);

        Assert.Equal(ReplyTexts.BoardHeadsOnly, (await site.Bot.SayAsync(Staff, "/bang")).PlainText);
        var session = await site.SignInAsync(School);
        using (var before = await site.GetAsync("/", session))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // The office takes the head's role away: the open session stops at the next request.
        await using (var db = site.Bot.OpenStore())
        {
            await db.Members.Where(m => m.Unit.Name == "Trường THCS Hoa Thám").ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, ChatRole.Staff));
        }

        using var after = await site.GetAsync("/", session);
        Assert.Equal(HttpStatusCode.SeeOther, after.StatusCode);
    }

    [Fact]
    public async Task The_office_sees_every_unit_and_downloads_the_report_and_the_calendar_and_pages_carry_strict_headers()
    {
        await using var site = await BoardSite.StartAsync(Start);
        await site.Bot.LinkOfficeAsync(Office);
        var session = await site.SignInAsync(Office);

        using var grid = await site.GetAsync("/", session);
        var page = await BoardSite.PageAsync(grid);
        Assert.Equal(16, page.QuerySelectorAll("table.grid tbody tr").Length);
        var csp = grid.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", grid.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", grid.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Empty(page.QuerySelectorAll("script, [style], style"));

        using var report = await site.GetAsync("/bao-cao.xlsx?quy=1", session);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("baocao-2026-02-10-quy1.xlsx", report.Content.Headers.ContentDisposition!.FileNameStar);
        using (var xlsx = new MemoryStream(await report.Content.ReadAsByteArrayAsync()))
        {
            var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: false, sheetName: "Tổng hợp").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal("Tính đến ngày 10/02/2026", rows[2]["A"]);
        }

        using var calendar = await site.GetAsync("/lich.ics", session);
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType!.MediaType);
        var ics = await calendar.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("UID:2026-d1@tdktbot", ics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_with_a_Vietnamese_page()
    {
        await using var site = await BoardSite.StartAsync(Start);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = await site.Http.GetAsync("/vao?ma=" + new string('b', 43));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("Thử lại sau ít phút", (await BoardSite.PageAsync(response)).QuerySelector("h1")!.TextContent);
            }
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 10).Concat([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]), statuses);
    }

    [Fact]
    public async Task Every_page_is_valid_html_in_Vietnamese_with_headings_in_order()
    {
        await using var site = await BoardSite.StartAsync(Start);
        await site.Bot.LinkOfficeAsync(Office);
        var link = await site.LinkAsync(Office);
        using var confirm = await site.Http.GetAsync(link);
        var pages = new List<IHtmlDocument> { await BoardSite.PageAsync(confirm) };
        var session = await site.SignInAsync(Office);
        foreach (var path in new[] { "/", "/?quy=1&nhom=giao-duc&tre=1", "/don-vi/1", "/dang-nhap", "/khong-co" })
        {
            using var response = await site.GetAsync(path, session);
            pages.Add(await BoardSite.PageAsync(response));
        }

        Assert.All(pages, page =>
        {
            Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
            Assert.False(string.IsNullOrWhiteSpace(page.Title));
            var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
            Assert.Equal(1, levels[0]);
            Assert.Equal(1, levels.Count(l => l == 1));
            Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} then h{pair.Second}"));
        });
    }
}
