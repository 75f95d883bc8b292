using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TdktBot.Messaging;
using TdktBot.Testing;
using TdktBot.Messaging.Telegram;

namespace TdktBot.Telegram.Tests;

/// <summary>
/// The bot's Telegram side as the host runs it (AddTelegram, the real Telegram.Bot client over HTTP) against a
/// <see cref="FakeTelegramServer"/>, with a <see cref="RecordingConversation"/> as the engine and every log entry kept.
/// </summary>
internal sealed class TelegramBot : IAsyncDisposable
{
    public const string Secret = "test-webhook-secret_0123456789";

    private TelegramBot(FakeTelegramServer fake, IHost host, RecordingConversation conversation, RecordingLog log)
    {
        Fake = fake;
        Host = host;
        Conversation = conversation;
        Log = log;
    }

    public FakeTelegramServer Fake { get; }

    public IHost Host { get; }

    public RecordingConversation Conversation { get; }

    public RecordingLog Log { get; }

    public TelegramChannel Channel => Host.Services.GetRequiredService<TelegramChannel>();

    /// <summary>The webhook server's own address (webhook mode), e.g. http://127.0.0.1:40123/telegram/webhook.</summary>
    public Uri WebhookEndpoint => new($"{Host.Services.GetRequiredService<TelegramWebhook>().Addresses.Single()}/telegram/webhook");

    /// <summary>
    /// A fake server and a host for it; <paramref name="beforeStart"/> runs before the host starts (users writing while the
    /// bot is down, injected faults). The host is not started when <paramref name="start"/> is false.
    /// </summary>
    public static async Task<TelegramBot> StartAsync(
        Action<FakeTelegramServer>? beforeStart = null,
        IDictionary<string, string?>? settings = null,
        FakeTelegramOptions? fakeOptions = null,
        bool start = true)
    {
        var fake = await FakeTelegramServer.StartAsync(fakeOptions);
        var configuration = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:Timeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var conversation = new RecordingConversation();
        var log = new RecordingLog();
        var host = Build(configuration, conversation, log);
        beforeStart?.Invoke(fake);
        var bot = new TelegramBot(fake, host, conversation, log);
        if (start)
        {
            await host.StartAsync();
        }

        return bot;
    }

    /// <summary>Webhook-mode settings for a bot listening on a free port of 127.0.0.1, where the fake posts directly.</summary>
    public static Dictionary<string, string?> WebhookSettings()
    {
        var port = LoopbackPort.Free();
        return new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookListen"] = $"http://127.0.0.1:{port}",
            ["Telegram:WebhookUrl"] = $"http://127.0.0.1:{port}/telegram/webhook",
            ["Telegram:WebhookSecret"] = Secret,
        };
    }

    /// <summary>The host as AddTelegram builds it, logging everything at every level into <paramref name="log"/>.</summary>
    public static IHost Build(IDictionary<string, string?> configuration, IConversation conversation, RecordingLog log)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(log);
        builder.Services.AddSingleton(conversation);
        builder.Services.AddMessengerStore();
        builder.Services.AddTelegram(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Waits until the receiver is waiting on getUpdates, so what a user does next is not raced by start-up.</summary>
    public Task PollingAsync() => Fake.WaitUntilAsync(() => Fake.WaitingPolls > 0, TimeSpan.FromSeconds(10), "the bot polling");

    public static string Address(long chatId) => chatId.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Fake.DisposeAsync();
    }

    /// <summary>
    /// A port nobody listens on now. Webhook tests need it before the bot starts because the webhook URL is a setting;
    /// another process taking it in between is unlikely enough on a test machine.
    /// </summary>
}
