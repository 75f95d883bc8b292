using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TdktBot.Cli;
using TdktBot.Messaging;
using TdktBot.Plans;
using TdktBot.Tests.Cli;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Board;

/// <summary>
/// The board as a newcomer meets it: <c>run</c> says where the board is, and in the terminal chat "/bang" gives a link
/// that signs a browser in.
/// </summary>
public sealed partial class BoardStartTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_prints_the_board_address_and_the_board_answers_there()
    {
        var start = CliRun.Executable(_folder.Path, "run", "--now", "2026-03-01T09:00");
        start.Environment["Data__Folder"] = _folder.Path;
        start.Environment["Web__Listen"] = "http://127.0.0.1:0";
        using var process = Process.Start(start)!;
        try
        {
            string? address = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (address is null && await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                address = Address().Match(line) is { Success: true } found ? found.Groups[1].Value : null;
            }

            Assert.NotNull(address);
            using var http = new HttpClient();
            using var page = await http.GetAsync(address + "/dang-nhap");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("gõ /bang trong cuộc trò chuyện với bot", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task In_the_terminal_chat_bang_gives_a_link_that_signs_a_browser_in()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = _folder.Path,
            ["Quartz:SchedulerName"] = "board-console-" + Guid.NewGuid().ToString("N"),
            ["Web:Listen"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        using var output = new StringWriter();
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 2, 10, 9));

        // Unit 1 as its head, then "/bang"; the chat ends with the input, the bot and its board run on.
        using var host = new CliApp(CliRun.Settings(settings), TextWriter.Null, TextWriter.Null).BuildHost(clock, services => services.AddHostedService(sp =>
            new ConsoleChatService(sp.GetRequiredService<IConversation>(), sp.GetRequiredService<PlanStore>(), sp.GetRequiredService<IHostApplicationLifetime>(),
                new StringReader("1\n1\n/bang\n"), TextWriter.Synchronized(output))));
        await host.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow + MessengerBotUnderTest.Patience;
            Match link;
            while (!(link = Link().Match(output.ToString())).Success)
            {
                Assert.True(DateTime.UtcNow < deadline, output.ToString());
                await Task.Delay(50);
            }

            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
            using var confirm = await http.GetAsync(link.Value);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            using var signedIn = await http.PostAsync(link.Value[..link.Value.IndexOf('?', StringComparison.Ordinal)],
                new FormUrlEncodedContent([new KeyValuePair<string, string>("ma", BoardSite.SecretOf(link.Value))]));
            Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
            Assert.NotNull(BoardSite.CookieOf(signedIn));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [GeneratedRegex(@"Bảng theo dõi: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Address();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/vao\?ma=[A-Za-z0-9_-]+")]
    private static partial Regex Link();
}
