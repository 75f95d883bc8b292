using Telegram.Bot;

namespace TdktBot.Testing.Tests;

/// <summary>A fake server and a real Telegram.Bot client pointed at it, disposed together.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly HttpClient _http;

    private Harness(FakeTelegramServer fake, HttpClient http, TelegramBotClient bot)
    {
        Fake = fake;
        _http = http;
        Bot = bot;
    }

    public FakeTelegramServer Fake { get; }

    public TelegramBotClient Bot { get; }

    /// <summary>
    /// <paramref name="retryThreshold"/> 0 turns the client's own 429 retry off, so tests see every 429 as an
    /// exception unless they ask for the retry.
    /// </summary>
    public static async Task<Harness> StartAsync(FakeTelegramOptions? options = null, int retryThreshold = 0, string? token = null)
    {
        var fake = await FakeTelegramServer.StartAsync(options);
        var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(token ?? fake.Token, fake.BaseUrl) { RetryThreshold = retryThreshold }, http)
        {
            // Also the long-poll timeout Telegram.Bot's receiver asks for; must be set before the first call.
            Timeout = TimeSpan.FromSeconds(10),
        };
        return new Harness(fake, http, bot);
    }

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        _http.Dispose();
    }
}
