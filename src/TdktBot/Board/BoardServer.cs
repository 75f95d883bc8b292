using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TdktBot.Archive;
using TdktBot.Core.Access;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Plans;
using TdktBot.Reports;
using TdktBot.Store;

namespace TdktBot.Board;

/// <summary>
/// The status board on Web:Listen, a small web server of its own in the bot's host like the webhooks' and the health
/// server: the grid (<c>/</c>), a unit's page (<c>/don-vi/{id}</c>), downloads (the report, the calendar feed, archived
/// files), and the sign-in step (<c>/vao</c>, rate-limited). Every page asks the store who the session's person is and
/// what their role lets them see, with the access policy chat uses. Headers forbid scripts, framing and referrers.
/// A port that cannot be opened is logged and the bot goes on without its board.
/// </summary>
public sealed partial class BoardServer(
    IOptions<BoardOptions> options, BoardPasses passes, BoardAddress address, IDbContextFactory<TdktDbContext> store, ReminderPolicy policy,
    PlanStore plans, IOptions<PlanOptions> planOptions, StoreOptions storeOptions, TimeProvider time, ILoggerFactory loggers, ILogger<BoardServer> logger)
    : IHostedService, IAsyncDisposable
{
    public const string CookieName = "tdkt_bang";

    private const string SignInPolicy = "sign-in";

    private const string Csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var listen = options.Value.Listen!.Trim();
        var server = Build(listen);
        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            await server.DisposeAsync().ConfigureAwait(false);
            LogCannotListen(logger, listen, error.Message);
            return;
        }

        _server = server;
        var bound = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? listen;
        address.Current = string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? bound : options.Value.PublicUrl.Trim();
        LogListening(logger, address.Current);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        address.Current = null;
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken).ConfigureAwait(false);
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
            _server = null;
        }
    }

    private WebApplication Build(string listen)
    {
        // An empty builder, as for the webhooks: nothing of its own can move the port or log differently from the bot.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddRouting();
        builder.WebHost.UseKestrelCore().UseUrls(listen);
        builder.Services.AddRateLimiter(limits =>
        {
            // Ten sign-in requests a minute from one address: plenty for a person, too few to guess a 256-bit secret.
            limits.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limits.OnRejected = (rejected, ct) => new ValueTask(WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests,
                BoardHtml.Notice("Thử lại sau ít phút", "Trình duyệt này vừa mở đường dẫn đăng nhập quá nhiều lần.",
                    "Hãy đợi một phút rồi thử lại; nếu đường dẫn đã hết hạn, gõ /bang trong cuộc trò chuyện với bot để nhận đường dẫn mới.")));
        });

        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Csp;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            await next(context);
        });
        app.UseRateLimiter();

        app.MapGet("/bang.css", (HttpContext c) => WriteAsync(c, 200, BoardHtml.Css, "text/css; charset=utf-8", cache: true));
        app.MapGet("/dang-nhap", (HttpContext c) => WriteAsync(c, 200, BoardHtml.Notice("Cần đăng nhập",
            "Bảng theo dõi chỉ mở được bằng đường dẫn đăng nhập bot gửi trong cuộc trò chuyện.",
            "Thủ trưởng đơn vị và văn phòng gõ /bang trong cuộc trò chuyện với bot (Telegram, Zalo) để nhận đường dẫn, dùng một lần trong 15 phút.")));
        app.MapGet("/vao", ConfirmAsync).RequireRateLimiting(SignInPolicy);
        app.MapPost("/vao", SignInAsync).RequireRateLimiting(SignInPolicy);
        app.MapPost("/thoat", SignOutAsync);
        app.MapGet("/", GridAsync);
        app.MapGet("/don-vi/{id:long}", UnitAsync);
        app.MapGet("/bao-cao.xlsx", ReportAsync);
        app.MapGet("/lich.ics", CalendarAsync);
        app.MapGet("/tep/{id:long}", FileAsync);
        app.MapFallback((HttpContext c) => WriteAsync(c, 404, BoardHtml.Notice("Không có trang này", "Địa chỉ này không có trên bảng theo dõi.", "Mở trang chủ của bảng theo dõi: /")));
        return app;
    }

    private async Task ConfirmAsync(HttpContext context)
    {
        var secret = context.Request.Query["ma"].ToString();
        var (state, viewer) = await passes.PeekLinkAsync(secret, context.RequestAborted);
        await (state == LinkState.Valid && viewer is not null
            ? WriteAsync(context, 200, BoardHtml.Page("Đăng nhập", BoardPages.SignIn(viewer, secret)))
            : WriteLinkProblemAsync(context, state));
    }

    private async Task SignInAsync(HttpContext context)
    {
        var secret = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(context.RequestAborted))["ma"].ToString() : null;
        var (state, session, expires) = await passes.UseLinkAsync(secret, context.RequestAborted);
        if (state != LinkState.Valid || session is null)
        {
            await WriteLinkProblemAsync(context, state);
            return;
        }

        context.Response.Cookies.Append(CookieName, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
            Secure = IsHttps(context),
            Path = "/",

            // Relative, so a browser whose clock differs from the server's still keeps it exactly as long; the store's
            // end of the session (expires) is what counts.
            MaxAge = expires - time.GetUtcNow(),
            IsEssential = true,
        });
        context.Response.Redirect("/", permanent: false);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
    }

    private async Task SignOutAsync(HttpContext context)
    {
        await passes.EndAsync(context.Request.Cookies[CookieName], context.RequestAborted);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", Secure = IsHttps(context), HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict });
        await WriteAsync(context, 200, BoardHtml.Notice("Đã đăng xuất", "Phiên làm việc trên trình duyệt này đã kết thúc.",
            "Gõ /bang trong cuộc trò chuyện với bot khi cần mở lại bảng theo dõi."));
    }

    private Task GridAsync(HttpContext context) => WithViewerAsync(context, async (viewer, db) =>
    {
        var query = context.Request.Query;
        var quarter = Quarter(context);
        var filter = new BoardFilter(quarter, viewer.SeesAllUnits ? NullIfEmpty(query["nhom"]) : null, query["tre"] == "1");
        var (grid, problem) = await new BoardGrid(db, policy, time).BuildAsync(viewer, filter, plans.Directory, context.RequestAborted);
        await WriteAsync(context, 200, grid is null
            ? BoardHtml.Notice("Chưa có kế hoạch", problem ?? "Chưa có kế hoạch nào.")
            : BoardHtml.Page("Bảng theo dõi", BoardPages.Grid(grid, viewer, plans.Directory), viewer, plans.Directory?.Commune));
    });

    private Task UnitAsync(HttpContext context, long id) => WithViewerAsync(context, async (viewer, db) =>
    {
        if (!viewer.MaySee(id))
        {
            await WriteAsync(context, 403, BoardHtml.Page("Không được xem", Forbidden(viewer), viewer));
            return;
        }

        var (unit, problem) = await new BoardUnit(db, policy, time).BuildAsync(id, plans.Directory?.Commune, context.RequestAborted);
        await (unit is null
            ? WriteAsync(context, 404, BoardHtml.Notice(problem is null ? "Không có đơn vị này" : "Chưa có kế hoạch", problem ?? "Không tìm thấy đơn vị này.", "Mở trang chủ của bảng theo dõi: /"))
            : WriteAsync(context, 200, BoardHtml.Page(unit.Unit, BoardPages.Unit(unit, policy.Settings.TimeZone, viewer), viewer, plans.Directory?.Commune)));
    });

    private Task ReportAsync(HttpContext context) => WithViewerAsync(context, async (viewer, db) =>
    {
        if (!viewer.May(Act.Report))
        {
            await WriteAsync(context, 403, BoardHtml.Page("Không được xem", Forbidden(viewer), viewer));
            return;
        }

        var quarter = Quarter(context);
        var (report, problem) = await new ReportService(db, policy, time).BuildAsync(new ReportScope(quarter, null), plans.Directory?.Commune, context.RequestAborted);
        if (report is null)
        {
            await WriteAsync(context, 404, BoardHtml.Notice("Chưa lập được báo cáo", problem ?? string.Empty));
            return;
        }

        using var file = new MemoryStream();
        ReportWorkbook.Write(report, file, policy.Settings.TimeZone);
        var name = $"baocao-{report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" + (quarter is { } n ? $"-quy{n}" : string.Empty) + ".xlsx";
        await SendFileAsync(context, file.ToArray(), name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    });

    private Task CalendarAsync(HttpContext context) => WithViewerAsync(context, async (viewer, db) =>
    {
        var loaded = PlanLoader.Load(planOptions.Value);
        var today = policy.LocalDate(time.GetUtcNow());
        var year = await ReportService.PlanYearAsync(db, today, context.RequestAborted);
        var chosen = loaded.Plans.FirstOrDefault(p => p.Plan.Year == year) ?? (loaded.Plans.Count > 0 ? loaded.Plans[^1] : null);
        if (chosen?.Plan is not { } plan)
        {
            await WriteAsync(context, 404, BoardHtml.Notice("Chưa có kế hoạch", "Chưa có tệp kế hoạch đọc được để ghi lịch."));
            return;
        }

        var feed = PlanCalendar.Write(plan, policy, plans.Directory?.Commune, viewer.SeesAllUnits ? null : viewer.Unit, previous: null, time.GetUtcNow());
        await SendFileAsync(context, System.Text.Encoding.UTF8.GetBytes(feed), $"kehoach-{plan.Year.ToString(CultureInfo.InvariantCulture)}.ics", "text/calendar; charset=utf-8");
    });

    private Task FileAsync(HttpContext context, long id) => WithViewerAsync(context, async (viewer, db) =>
    {
        var file = await db.ArchivedFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, context.RequestAborted);
        if (file is not null && !(file.UnitId == viewer.UnitId || viewer.May(Act.ReadFiles)))
        {
            await WriteAsync(context, 403, BoardHtml.Page("Không được xem", Forbidden(viewer), viewer));
            return;
        }

        var full = file is null ? null : Path.Combine(storeOptions.FolderPath, FileArchive.FolderName, file.Path.Replace('/', Path.DirectorySeparatorChar));
        if (full is null || !File.Exists(full))
        {
            await WriteAsync(context, 404, BoardHtml.Notice("Không có tệp này", "Tệp không còn trong thư mục lưu trữ.", "Hãy báo văn phòng để xin đơn vị gửi lại tệp."));
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        context.Response.Headers.ContentDisposition = Disposition(file!.Path.Split('/')[^1]);
        await context.Response.SendFileAsync(full, context.RequestAborted);
    });

    /// <summary>Runs <paramref name="page"/> for the session's person; without a valid session, sends the browser to the explanation.</summary>
    private async Task WithViewerAsync(HttpContext context, Func<BoardViewer, TdktDbContext, Task> page)
    {
        var viewer = await passes.SessionAsync(context.Request.Cookies[CookieName], context.RequestAborted);
        if (viewer is null)
        {
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = "/dang-nhap";
            return;
        }

        await using var db = await store.CreateDbContextAsync(context.RequestAborted);
        await page(viewer, db);
    }

    private static Task WriteLinkProblemAsync(HttpContext context, LinkState state) => state switch
    {
        LinkState.Used => WriteAsync(context, 410, BoardHtml.Notice("Đường dẫn đã được dùng",
            "Đường dẫn đăng nhập này đã được dùng một lần nên không mở được nữa.",
            "Gõ /bang trong cuộc trò chuyện với bot để nhận đường dẫn mới. Nếu bạn không phải người đã dùng nó, hãy báo văn phòng.")),
        LinkState.Expired => WriteAsync(context, 410, BoardHtml.Notice("Đường dẫn đã hết hạn",
            "Đường dẫn đăng nhập chỉ dùng được trong 15 phút kể từ khi bot gửi.",
            "Gõ /bang trong cuộc trò chuyện với bot để nhận đường dẫn mới.")),
        _ => WriteAsync(context, 404, BoardHtml.Notice("Đường dẫn không đúng",
            "Đường dẫn đăng nhập này không đúng hoặc không còn dùng được (có thể bị chép thiếu ký tự).",
            "Hãy mở đúng đường dẫn bot gửi, hoặc gõ /bang trong cuộc trò chuyện với bot để nhận đường dẫn mới.")),
    };

    private static string Forbidden(BoardViewer viewer) =>
        $"<h1>Không được xem trang này</h1>\n<p>Tài khoản của bạn chỉ xem được tình hình của {BoardHtml.E(viewer.Unit)}.</p>\n"
        + $"<p><a href=\"/don-vi/{viewer.UnitId.ToString(CultureInfo.InvariantCulture)}\">Mở trang của {BoardHtml.E(viewer.Unit)}</a></p>\n";

    private bool IsHttps(HttpContext context) =>
        context.Request.IsHttps || (options.Value.PublicUrl?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>The "quy" of the address, 1 to 4; anything else is the whole year.</summary>
    private static int? Quarter(HttpContext context) =>
        int.TryParse(context.Request.Query["quy"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 1 and <= 4 ? q : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task SendFileAsync(HttpContext context, byte[] content, string name, string type)
    {
        context.Response.ContentType = type;
        context.Response.Headers.ContentDisposition = Disposition(name);
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted);
    }

    private static string Disposition(string name)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(name);
        return disposition.ToString();
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, string type = "text/html; charset=utf-8", bool cache = false)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        if (cache)
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
        }

        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bảng theo dõi: {Address} (gõ /bang trong cuộc trò chuyện với bot để nhận đường dẫn đăng nhập).")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bảng theo dõi không mở được tại {Listen} ({Reason}). Bot vẫn chạy, không có bảng theo dõi; hãy đặt Web:Listen sang cổng khác (ví dụ \"http://127.0.0.1:5090\") hoặc để trống để tắt.")]
    private static partial void LogCannotListen(ILogger logger, string listen, string reason);
}

/// <summary>The board's address for links (Web:PublicUrl, else where it listens), null while it is not serving.</summary>
public sealed class BoardAddress
{
    public string? Current { get; set; }
}
