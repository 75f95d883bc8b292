using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using TdktBot.Data.Entities;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Board;

/// <summary>
/// The board in a real browser (headless Chromium through Playwright): signing in through a link the bot sent to the
/// fake Telegram, the grid after a scripted quarter checked against the store, the filters, a head kept to their own
/// unit, a used link refused, a phone's width without sideways scrolling. Screenshots are kept with the test results.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class BoardBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private const long Office = 5501;
    private const long School = 6501;
    private const long Health = 6502;
    // How long a step may take on a loaded 2-core CI machine before it counts as failed; a passing step waits no longer
    // than it needs.
    private const float Patience = 60_000;

    static BoardBrowserTests() => Assertions.SetDefaultExpectTimeout(Patience);

    [Fact]
    public async Task The_office_signs_in_from_a_chat_link_and_the_grid_matches_the_store_after_a_scripted_quarter()
    {
        await using var site = await ScriptedQuarterAsync();
        var link = await site.LinkAsync(Office);
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();

        await SignInAsync(page, link, site);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Bảng theo dõi kế hoạch thi đua, khen thưởng năm 2026");
        Assert.Contains((await context.CookiesAsync()), c => c.Name == TdktBot.Board.BoardServer.CookieName && c.HttpOnly && c.SameSite == SameSiteAttribute.Strict);

        await page.SelectOptionAsync("select[name=quy]", "1");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Xem" }).ClickAsync();
        await page.WaitForURLAsync("**/?quy=1**", new PageWaitForURLOptions { Timeout = Patience });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "board-quarter-1.png"), FullPage = true });

        // What the browser shows, cell by cell, against the store's obligations of quarter 1.
        var cells = await page.Locator("table.grid tbody td").EvaluateAllAsync<string[][]>(
            "tds => tds.map(td => [td.closest('tr').dataset.unit, td.dataset.item, td.dataset.state, td.innerText])");
        await using (var db = site.Bot.OpenStore())
        {
            var owed = await db.Obligations.Where(o => o.Active && o.Target.InPlan && (o.Target.Quarter == 1 || (o.Target.Quarter == null && o.Target.Due.Month <= 3)))
                .Select(o => new { Unit = o.Unit.Name, o.Target.Number, o.Status }).ToListAsync();
            var shown = cells.Where(c => c[2] != "s-none").Select(c => (c[0], c[1])).Order().ToList();
            Assert.Equal(owed.Select(o => (o.Unit, o.Number)).Order().ToList(), shown);
            Assert.Equal(owed.Count(o => o.Status is ObligationStatus.Submitted or ObligationStatus.Accepted),
                cells.Count(c => c[2] is "s-ontime" or "s-late"));
        }

        string Cell(string unit, string item) => cells.Single(c => c[0] == unit && c[1] == item)[3].Replace('\n', ' ');
        Assert.Equal("✓ Đúng hạn ✔ Đã tiếp nhận", Cell("Trường THCS Hoa Thám", "D1").Trim());
        Assert.Equal("◐ Nộp trễ 2 ngày", Cell("Trạm Y tế xã", "D1").Trim());
        Assert.Equal("✗ Quá hạn 7 ngày", Cell("Công an xã", "D1").Trim());
        await Assertions.Expect(page.Locator("li[data-state=s-ontime] strong")).ToHaveTextAsync(cells.Count(c => c[2] == "s-ontime").ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("li[data-state=s-overdue] strong")).ToHaveTextAsync(cells.Count(c => c[2] == "s-overdue").ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A group: only the schools.
        await page.SelectOptionAsync("select[name=nhom]", "giao-duc");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Xem" }).ClickAsync();
        await page.WaitForURLAsync("**nhom=giao-duc**", new PageWaitForURLOptions { Timeout = Patience });
        var schools = await page.Locator("table.grid tbody tr").EvaluateAllAsync<string[]>("trs => trs.map(tr => tr.dataset.unit)");
        Assert.Equal(["Trường Mầm non Hoa Thám", "Trường THCS Hoa Thám", "Trường Tiểu học Hoa Thám"], schools);

        // Late only: the rows and columns that hold something overdue, and nothing else.
        await page.SelectOptionAsync("select[name=nhom]", "");
        await page.CheckAsync("input[name=tre]");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Xem" }).ClickAsync();
        await page.WaitForURLAsync("**tre=1**", new PageWaitForURLOptions { Timeout = Patience });
        var late = await page.Locator("table.grid tbody tr").EvaluateAllAsync<string[]>("trs => trs.map(tr => tr.dataset.unit)");
        Assert.DoesNotContain("Trường THCS Hoa Thám", late);
        Assert.DoesNotContain("Trạm Y tế xã", late);
        Assert.Contains("Công an xã", late);
        Assert.All(late, unit => Assert.Contains(cells, c => c[0] == unit && c[2] == "s-overdue"));
        var lateColumns = await page.Locator("table.grid tbody tr:first-child td").EvaluateAllAsync<string[]>("tds => tds.map(td => td.dataset.item)");
        Assert.Equal(cells.Where(c => c[2] == "s-overdue").Select(c => c[1]).Distinct().Order(), lateColumns.Order());
    }

    [Fact]
    public async Task A_head_sees_their_unit_cannot_open_another_and_a_used_link_is_refused()
    {
        await using var site = await ScriptedQuarterAsync();
        var link = await site.LinkAsync(Health);
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        await SignInAsync(page, link, site);
        Assert.Equal(["Trạm Y tế xã"], await page.Locator("table.grid tbody tr").EvaluateAllAsync<string[]>("trs => trs.map(tr => tr.dataset.unit)"));

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Trạm Y tế xã" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Trạm Y tế xã");
        await Assertions.Expect(page.Locator("ul.history")).ToContainTextAsync("Xác nhận đã nộp D1");
        await Assertions.Expect(page.Locator("ul.files")).ToContainTextAsync("Trạm Y tế xã - 2026-02-03 1600.pdf");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Trạm Y tế xã - 2026-02-03 1600.pdf" }).ClickAsync());
        Assert.Equal("Trạm Y tế xã - 2026-02-03 1600.pdf", download.SuggestedFilename);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "board-unit.png"), FullPage = true });

        long other;
        await using (var db = site.Bot.OpenStore())
        {
            other = await db.Units.Where(u => u.Name == "Trường THCS Hoa Thám").Select(u => u.Id).SingleAsync();
        }

        var refused = await page.GotoAsync($"{site.Address}/don-vi/{other}");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Không được xem trang này");

        // The same link in another browser: already used.
        await using var stranger = await browser.Chromium.NewContextAsync();
        var second = await stranger.NewPageAsync();
        var reused = await second.GotoAsync(link);
        Assert.Equal(410, reused!.Status);
        await Assertions.Expect(second.Locator("h1")).ToHaveTextAsync("Đường dẫn đã được dùng");
        Assert.Empty(await stranger.CookiesAsync());
    }

    [Fact]
    public async Task On_a_phone_the_board_and_a_unit_page_fit_the_width_with_no_sideways_scroll_and_print_without_controls()
    {
        await using var site = await ScriptedQuarterAsync();
        var link = await site.LinkAsync(Office);
        await using var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true, Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, link, site);

        foreach (var path in new[] { "/?quy=1", "/", "/don-vi/1" })
        {
            await page.GotoAsync(site.Address + path);
            var (scroll, client) = await Widths(page);
            Assert.True(scroll <= client, $"{path}: the page is {scroll} px wide in a {client} px window");
        }

        await page.GotoAsync(site.Address + "/?quy=1");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, "board-phone.png") });

        // On paper: the grid without the page's controls.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.top")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.filters")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("table.grid")).ToBeVisibleAsync();
        await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(Browser.Screenshots, "board-print.pdf"), Format = "A4", Landscape = true, PrintBackground = true });
    }

    // Opens the chat's link and presses its button, then waits for the board's grid. The wait is for the address to commit
    // and the grid to show, not for the "load" event: once, on a loaded CI machine, the address had changed and the network
    // was idle, but the wait for "load" ran out after 60 s. A run that does not reach the board says where it stood instead.
    private static async Task SignInAsync(IPage page, string link, BoardSite site)
    {
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Mở bảng theo dõi" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(site.Address + "/", new PageWaitForURLOptions { Timeout = Patience, WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.Locator("table.grid")).ToBeVisibleAsync();
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException)
        {
            var heading = await page.Locator("h1").AllInnerTextsAsync();
            Assert.Fail($"the board did not open after «Mở bảng theo dõi»: the page is {page.Url}, headed «{string.Join(" / ", heading)}»");
        }
    }

    private static async Task<(int Scroll, int Client)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    /// <summary>
    /// The first weeks of the year in chat: the school sends D1 on time and the office accepts it; the health station
    /// sends it late with the signed file; the others send nothing. The board is looked at on 10/02/2026.
    /// </summary>
    private static async Task<BoardSite> ScriptedQuarterAsync()
    {
        var site = await BoardSite.StartAsync(MessengerBotUnderTest.Vn(2026, 1, 20, 9));
        try
        {
            await site.Bot.LinkOfficeAsync(Office);
            await site.Bot.LinkAsync(School, "Trường THCS Hoa Thám");
            await site.Bot.LinkAsync(Health, "Trạm Y tế xã");
            Assert.Contains("✅ Đã ghi nhận", (await site.Bot.SayAsync(School, "NOP D1")).PlainText, StringComparison.Ordinal);
            site.Clock.Advance(TimeSpan.FromHours(1));
            // The office's chat also hears of the school's confirmation: wait for the answer itself.
            site.Bot.Fake.SendText(Office, "/tiepnhan Trường THCS Hoa Thám D1");
            await site.Bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office && m.PlainText.StartsWith("Đã tiếp nhận", StringComparison.Ordinal), 1, MessengerBotUnderTest.Patience);
            site.Clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 2, 3, 16));
            site.Bot.Fake.SendDocument(Health, "ke-hoach-tram-y-te.pdf", "%PDF kế hoạch"u8.ToArray(), caption: "NOP D1");
            await site.Bot.Fake.WaitForMessagesAsync(m => m.ChatId == Health && m.PlainText.Contains("📎 Đã lưu tệp", StringComparison.Ordinal), 1, MessengerBotUnderTest.Patience);
            site.Clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 2, 10, 9));
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }
}
