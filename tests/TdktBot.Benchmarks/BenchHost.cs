using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TdktBot.Cli;
using TdktBot.Core.Access;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Testing;
using TdktBot.Obligations;

namespace TdktBot.Benchmarks;

/// <summary>
/// The whole bot as <c>TdktBot run</c> builds it (SQLite file in a scratch folder, bundled Hoa Thám plan, Telegram
/// through Telegram.Bot) against a <see cref="FakeTelegramServer"/> on 127.0.0.1, on a simulated clock that starts at
/// a fixed working day and runs at real speed, as end-to-end tests build it.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    public const string OfficeCode = "VANPHONG2026XA";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly bool _ownsFake;

    private BenchHost(FakeTelegramServer fake, string folder, IHost host, bool ownsFake)
    {
        Fake = fake;
        Folder = folder;
        Host = host;
        _ownsFake = ownsFake;
    }

    public FakeTelegramServer Fake { get; }

    public string Folder { get; }

    public IHost Host { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public TdktDbContext OpenStore() => Get<IDbContextFactory<TdktDbContext>>().CreateDbContext();

    /// <summary>The folder holding TdktBot.sln, found upwards from this program.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TdktBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TdktBot.sln above {AppContext.BaseDirectory}.");
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tdktbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Starts the bot against a new fake, or against <paramref name="shared"/> as one more instance of a cluster (which
    /// then may stand by, so it is not waited for to poll; the caller keeps the fake).
    /// </summary>
    public static async Task<BenchHost> StartAsync(DateTimeOffset start, IDictionary<string, string?> settings, Action<FakeTelegramServer>? beforeStart = null,
        FakeTelegramServer? shared = null)
    {
        var fake = shared ?? await FakeTelegramServer.StartAsync();
        var folder = NewFolder();
        var all = new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder,
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:Timeout"] = "00:00:10",
            ["Invites:OfficeCode"] = OfficeCode,
            ["Delivery:MessagesPerSecond"] = "1000",
            ["Delivery:PerChatInterval"] = "00:00:00",
            ["Delivery:PollInterval"] = "00:00:00.050",
            ["Delivery:RetryBaseDelay"] = "00:00:00.100",
            ["Broadcasts:CheckInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("calendar.json", optional: false)
            .AddInMemoryCollection(all)
            .Build();
        var host = new CliApp(configuration, TextWriter.Null, TextWriter.Null).BuildHost(new SimulatedClock(start, TimeProvider.System));
        beforeStart?.Invoke(fake);
        await host.StartAsync();
        if (shared is null)
        {
            await fake.WaitUntilAsync(() => fake.WaitingPolls > 0, Patience, "the bot polling");
        }

        return new BenchHost(fake, folder, host, ownsFake: shared is null);
    }

    /// <summary>
    /// Waits until every chat of <paramref name="recipients"/> got its message at <paramref name="fake"/> (given 30 s plus
    /// three times the time the rate needs), and returns those messages in the order they arrived. Polled, not woken on
    /// every change: re-reading thousands of records after each send would take the CPU the bot needs.
    /// </summary>
    public static async Task<List<SentMessage>> WaitForAllAsync(FakeTelegramServer fake, IReadOnlyCollection<long> recipients, int rate)
    {
        var wanted = recipients.ToHashSet();
        var patience = TimeSpan.FromSeconds(30 + 3.0 * wanted.Count / rate);
        var deadline = DateTime.UtcNow + patience;
        List<SentMessage> sent;
        while ((sent = [.. fake.Sent.Where(m => wanted.Contains(m.ChatId))]).Count < wanted.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{sent.Count} of {wanted.Count} messages arrived in {patience.TotalSeconds} s.");
            }

            await Task.Delay(250);
        }

        return sent;
    }

    /// <summary>A user writes <paramref name="text"/> in <paramref name="chatId"/>; returns the bot's next message there.</summary>
    public async Task<SentMessage> SayAsync(long chatId, string text)
    {
        var before = Fake.Sent.Count(m => m.ChatId == chatId);
        Fake.SendText(chatId, text);
        return (await Fake.WaitForMessagesAsync(m => m.ChatId == chatId, before + 1, Patience))[before];
    }

    /// <summary>Links a chat to a unit the way a unit joins: an invite from the store, then /start with its code.</summary>
    public async Task LinkAsync(long chatId, string unit)
    {
        string code;
        await using (var db = OpenStore())
        {
            var unitId = await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync();
            code = (await new InviteService(db, Get<TimeProvider>(), new InviteOptions()).CreateAsync(unitId, ChatRole.Head, new Actor("bench", null, Role.Office))).Code;
        }

        Expect(await SayAsync(chatId, "/start " + code), "✅ Đã liên kết");
    }

    public async Task LinkOfficeAsync(long chatId) => Expect(await SayAsync(chatId, "/start " + OfficeCode), "✅ Đã liên kết");

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(Patience))
        {
            await Host.StopAsync(stop.Token);
        }

        Host.Dispose();
        if (_ownsFake)
        {
            await Fake.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }

    private static void Expect(SentMessage reply, string start)
    {
        if (!reply.PlainText.StartsWith(start, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected a reply starting «{start}», got «{reply.PlainText}».");
        }
    }
}
