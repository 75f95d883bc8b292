using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Cli;
using TdktBot.Core.Access;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Testing;
using TdktBot.Tests.Cli;
using TdktBot.Obligations;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// The whole bot as <c>TdktBot run</c> builds it (store, bundled Hoa Thám plan, reminders, conversation, outbox
/// sender, broadcasts, Quartz, Telegram through the real Telegram.Bot client and Zalo through its typed client)
/// talking over HTTP to a <see cref="FakeTelegramServer"/> and a <see cref="FakeZaloServer"/>, with a scratch data
/// folder and a clock the test chooses. Tests act as Telegram and Zalo users at the fakes and read what they would
/// see there, and look into the store the bot wrote.
/// </summary>
internal sealed class MessengerBotUnderTest : IAsyncDisposable
{
    /// <summary>The first office code, as an installer sets it in Invites:OfficeCode.</summary>
    public const string OfficeCode = "VANPHONG2026XA";

    public const string OfficeUnit = "Phòng Văn hóa - Xã hội";

    public const string WebhookSecret = "e2e-webhook-secret_0123456789";

    /// <summary>How long a test waits for the bot; generous, since two cores may be busy with other tests.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TempFolder _folder;

    private MessengerBotUnderTest(FakeTelegramServer fake, FakeZaloServer zalo, TempFolder folder, IHost host)
    {
        Fake = fake;
        Zalo = zalo;
        _folder = folder;
        Host = host;
    }

    /// <summary>The fake Telegram.</summary>
    public FakeTelegramServer Fake { get; }

    /// <summary>The bot's data folder (Data:Folder).</summary>
    public string DataFolder => _folder.Path;

    public FakeZaloServer Zalo { get; }

    public IHost Host { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>
    /// Starts a fake Telegram and the bot on <paramref name="time"/>, and returns once the bot takes updates
    /// (polling, or its webhook set), so nothing a test does races the bot's start-up.
    /// </summary>
    /// <param name="settings">Settings on top of the defaults here, as appsettings.json would give them.</param>
    /// <param name="beforeStart">What happens at the fake before the bot starts (faults, users who already exist).</param>
    /// <param name="configureServices">Services added to the host after its own, e.g. a <see cref="RecordingLog"/> as a logger provider.</param>
    /// <param name="beforeZaloStart">What happens at the fake Zalo before the bot starts.</param>
    public static async Task<MessengerBotUnderTest> StartAsync(
        TimeProvider time, IDictionary<string, string?>? settings = null, Action<FakeTelegramServer>? beforeStart = null,
        Action<IServiceCollection>? configureServices = null, Action<FakeZaloServer>? beforeZaloStart = null)
    {
        var fake = await FakeTelegramServer.StartAsync();
        var zalo = await FakeZaloServer.StartAsync();
        var folder = new TempFolder();
        var all = new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder.Path,
            // Quartz schedulers are registered by name in the process; each host needs its own.
            ["Quartz:SchedulerName"] = "e2e-" + Guid.NewGuid().ToString("N"),
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            // The shortest allowed: a long poll then lasts 5 s, which bounds how long a stop can wait on it.
            ["Telegram:Timeout"] = "00:00:10",
            ["Zalo:BotToken"] = zalo.Token,
            ["Zalo:ApiBaseUrl"] = zalo.BaseUrl,
            ["Zalo:Timeout"] = "00:00:10",
            ["Zalo:MessagesPerSecond"] = "1000",
            ["Invites:OfficeCode"] = OfficeCode,
            // No pacing unless a test asks for it, and a sender and monitor that look often, so tests stay quick.
            ["Delivery:MessagesPerSecond"] = "1000",
            ["Delivery:PerChatInterval"] = "00:00:00",
            ["Delivery:PollInterval"] = "00:00:00.050",
            ["Delivery:RetryBaseDelay"] = "00:00:00.100",
            ["Broadcasts:CheckInterval"] = "00:00:00.100",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        IHost? host = null;
        try
        {
            host = new CliApp(CliRun.Settings(all), TextWriter.Null, TextWriter.Null).BuildHost(time, configureServices);
            beforeStart?.Invoke(fake);
            beforeZaloStart?.Invoke(zalo);
            await host.StartAsync();
            var bot = new MessengerBotUnderTest(fake, zalo, folder, host);
            if (all.GetValueOrDefault("Telegram:Mode") == "Webhook")
            {
                await fake.WaitUntilAsync(() => fake.Calls.Any(c => c.Method == "setWebhook" && c.StatusCode == 200), Patience, "the webhook set");
            }
            else
            {
                await fake.WaitUntilAsync(() => fake.WaitingPolls > 0, Patience, "the bot polling");
            }

            if (all.GetValueOrDefault("Zalo:Mode") == "Webhook")
            {
                await zalo.WaitUntilAsync(() => zalo.WebhookUrl is { Length: > 0 }, Patience, "the Zalo webhook set");
            }
            else
            {
                await zalo.WaitUntilAsync(() => zalo.WaitingPolls > 0, Patience, "the bot polling Zalo");
            }

            return bot;
        }
        catch
        {
            // A host that failed to start still holds the store and the fake's port; nothing else will release them.
            await StopAsync(host);
            host?.Dispose();
            await fake.DisposeAsync();
            await zalo.DisposeAsync();
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Settings for webhook mode on a free port of 127.0.0.1, where the fake (standing in for Telegram) posts directly.</summary>
    public static Dictionary<string, string?> WebhookSettings()
    {
        var port = LoopbackPort.Free();
        return new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookListen"] = $"http://127.0.0.1:{port}",
            // Plain http is allowed because ApiBaseUrl is not Telegram's own server (a local Bot API server posts to http).
            ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/telegram/webhook",
            ["Telegram:WebhookSecret"] = WebhookSecret,
        };
    }

    /// <summary>Zalo webhook-mode settings on a free port of 127.0.0.1, where the fake Zalo posts directly.</summary>
    public static Dictionary<string, string?> ZaloWebhookSettings()
    {
        var port = LoopbackPort.Free();
        return new Dictionary<string, string?>
        {
            ["Zalo:Mode"] = "Webhook",
            ["Zalo:WebhookListen"] = $"http://127.0.0.1:{port}",
            ["Zalo:WebhookUrl"] = $"http://127.0.0.1:{port}/zalo/webhook",
            ["Zalo:WebhookSecret"] = WebhookSecret,
        };
    }

    /// <summary>A fake clock on Vietnam's time that only moves when the test moves it.</summary>
    public static FakeTimeProvider Clock(DateTimeOffset start) => new(start) { AutoAdvanceAmount = TimeSpan.Zero };

    /// <summary>A local time in Vietnam (UTC+7, no daylight saving), whatever the machine's own zone.</summary>
    public static DateTimeOffset Vn(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(7));

    public static string Address(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A user writes <paramref name="text"/> and this returns the bot's next message in that chat.</summary>
    public Task<SentMessage> SayAsync(long chatId, string text) =>
        NextReplyAsync(chatId, () => Fake.SendText(chatId, text));

    /// <summary>
    /// A user presses a button under <paramref name="messageId"/> (or forges the press: Telegram clients can send any
    /// callback data) and this returns the bot's next message in that chat and whether the press was answered.
    /// </summary>
    public async Task<Pressed> PressAsync(long chatId, long messageId, string callbackData)
    {
        FakeUpdate? press = null;
        var reply = await NextReplyAsync(chatId, () => press = Fake.PressButton(chatId, messageId, callbackData));

        // The bot answers a press before it handles the command, so the answer is in by the time the reply is.
        var answered = Fake.CallbackAnswers.Any(a => a.CallbackQueryId == press!.CallbackQueryId);
        return new Pressed(reply, answered);
    }

    /// <summary>Links a private chat to <paramref name="unit"/> the way a unit joins: an invite from the store, then /start with its code.</summary>
    public async Task LinkAsync(long chatId, string unit, ChatRole role = ChatRole.Head)
    {
        var reply = await SayAsync(chatId, "/start " + await InviteCodeAsync(unit, role));
        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {unit}", reply.PlainText, StringComparison.Ordinal);
    }

    /// <summary>A Zalo user writes <paramref name="text"/> and this returns the bot's next message in that chat.</summary>
    public async Task<ZaloSentMessage> SayOnZaloAsync(string userId, string text)
    {
        var before = Zalo.Sent.Count(m => m.ChatId == userId);
        Zalo.SendText(userId, text);
        var messages = await Zalo.WaitForMessagesAsync(m => m.ChatId == userId, before + 1, Patience);
        return messages[before];
    }

    /// <summary>Links a Zalo chat to <paramref name="unit"/> the way a unit joins: an invite from the store, then /start with its code.</summary>
    public async Task LinkOnZaloAsync(string userId, string unit, ChatRole role = ChatRole.Head)
    {
        var reply = await SayOnZaloAsync(userId, "/start " + await InviteCodeAsync(unit, role));
        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {unit}", reply.Text, StringComparison.Ordinal);
    }

    /// <summary>Links <paramref name="chatId"/> as the office with the configured first office code.</summary>
    public async Task LinkOfficeAsync(long chatId)
    {
        var reply = await SayAsync(chatId, "/start " + OfficeCode);
        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {OfficeUnit}", reply.PlainText, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits until the outbox has nothing left that is due now, so a test can say what did not arrive: the sender
    /// records each outcome before it moves on, and its next poll picks up anything stored since.
    /// </summary>
    public async Task OutboxSettledAsync()
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            await using (var db = OpenStore())
            {
                var now = Get<TimeProvider>().GetUtcNow();
                if (!await db.Deliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending && d.NotBefore <= now && d.Chat.Active))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"The outbox still had due messages after {Patience.TotalSeconds} s.");
            await Task.Delay(20);
        }
    }

    /// <summary>The bot's store, opened beside the running bot as an operator's tool would.</summary>
    public TdktDbContext OpenStore() => Get<IDbContextFactory<TdktDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Host);
        Host.Dispose();
        await Fake.DisposeAsync();
        await Zalo.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>What a button press got: the bot's reply in the chat, and whether Telegram's "loading" was answered.</summary>
    public sealed record Pressed(SentMessage Reply, bool Answered);

    private async Task<string> InviteCodeAsync(string unit, ChatRole role)
    {
        await using var db = OpenStore();
        var unitId = await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync();
        return (await new InviteService(db, Get<TimeProvider>(), new InviteOptions()).CreateAsync(unitId, role, new Actor("e2e", null, Role.Office))).Code;
    }

    private async Task<SentMessage> NextReplyAsync(long chatId, Action act)
    {
        var before = Fake.Sent.Count(m => m.ChatId == chatId);
        act();
        var messages = await Fake.WaitForMessagesAsync(m => m.ChatId == chatId, before + 1, Patience);
        return messages[before];
    }

    private static async Task StopAsync(IHost? host)
    {
        if (host is not null)
        {
            using var stop = new CancellationTokenSource(Patience);
            await host.StopAsync(stop.Token);
        }
    }

    /// <summary>
    /// A port nobody listens on now. The webhook URL is a setting, so the port is needed before the bot starts;
    /// another process taking it in between is unlikely enough on a test machine.
    /// </summary>
}
