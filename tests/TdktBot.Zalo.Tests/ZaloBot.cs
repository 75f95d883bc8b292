using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TdktBot.Messaging;
using TdktBot.Testing;
using TdktBot.Messaging.Zalo;

namespace TdktBot.Zalo.Tests;

/// <summary>
/// The bot's Zalo side as the host runs it (AddZalo: the typed client with its resilience pipeline, the channel, the
/// receiver or webhook) against a <see cref="FakeZaloServer"/>, with a <see cref="RecordingConversation"/> as the engine
/// and every log entry kept, down to Trace.
/// </summary>
internal sealed class ZaloBot : IAsyncDisposable
{
    public const string Secret = "zalo-webhook-secret_0123456789";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private ZaloBot(FakeZaloServer fake, IHost host, RecordingConversation conversation, RecordingLog log)
    {
        Fake = fake;
        Host = host;
        Conversation = conversation;
        Log = log;
    }

    public FakeZaloServer Fake { get; }

    public IHost Host { get; }

    public RecordingConversation Conversation { get; }

    public RecordingLog Log { get; }

    public ZaloChannel Channel => Host.Services.GetRequiredService<ZaloChannel>();

    public ZaloClient Client => Host.Services.GetRequiredService<ZaloClient>();

    /// <summary>A fake server and a host for it; <paramref name="beforeStart"/> runs before the host starts. The host is not started when <paramref name="start"/> is false.</summary>
    public static async Task<ZaloBot> StartAsync(
        Action<FakeZaloServer>? beforeStart = null,
        IDictionary<string, string?>? settings = null,
        FakeZaloOptions? fakeOptions = null,
        bool start = true)
    {
        var fake = await FakeZaloServer.StartAsync(fakeOptions);
        var configuration = new Dictionary<string, string?>
        {
            ["Zalo:BotToken"] = fake.Token,
            ["Zalo:ApiBaseUrl"] = fake.BaseUrl,
            // The shortest allowed: a poll then waits 5 s, which bounds how long a stop can wait on it.
            ["Zalo:Timeout"] = "00:00:10",
            ["Zalo:MessagesPerSecond"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var conversation = new RecordingConversation();
        var log = new RecordingLog();
        var host = Build(configuration, conversation, log);
        beforeStart?.Invoke(fake);
        var bot = new ZaloBot(fake, host, conversation, log);
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
            ["Zalo:Mode"] = "Webhook",
            ["Zalo:WebhookListen"] = $"http://127.0.0.1:{port}",
            ["Zalo:WebhookUrl"] = $"http://127.0.0.1:{port}/zalo/webhook",
            ["Zalo:WebhookSecret"] = Secret,
        };
    }

    /// <summary>The host as AddZalo builds it, logging everything at every level into <paramref name="log"/>.</summary>
    public static IHost Build(IDictionary<string, string?> configuration, IConversation conversation, RecordingLog log)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(log);
        builder.Services.AddSingleton(conversation);
        builder.Services.AddMessengerStore();
        builder.Services.AddZalo(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Waits until the receiver is waiting on getUpdates, so what a user does next is not raced by start-up.</summary>
    public Task PollingAsync() => Fake.WaitUntilAsync(() => Fake.WaitingPolls > 0, Patience, "the bot polling");

    /// <summary>Waits until the webhook is set at the fake.</summary>
    public Task WebhookSetAsync() => Fake.WaitUntilAsync(() => Fake.WebhookUrl is { Length: > 0 }, Patience, "the webhook set");

    /// <summary>The bot's next message in <paramref name="chatId"/> after <paramref name="act"/>.</summary>
    public async Task<ZaloSentMessage> NextMessageAsync(string chatId, Action act)
    {
        var before = Fake.Sent.Count(m => m.ChatId == chatId);
        act();
        var messages = await Fake.WaitForMessagesAsync(m => m.ChatId == chatId, before + 1, Patience);
        return messages[before];
    }

    public async ValueTask DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(Patience))
        {
            await Host.StopAsync(stop.Token);
        }

        Host.Dispose();
        await Fake.DisposeAsync();
    }

}
