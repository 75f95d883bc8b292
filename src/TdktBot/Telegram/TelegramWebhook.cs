using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace TdktBot.Telegram;

/// <summary>
/// Webhook mode: a small web server takes Telegram's posts, checks the secret, queues the update and answers 200 at
/// once (Telegram waits for the answer and slows down for slow bots); the queue is handled like polled batches.
/// At start the webhook is set; at stop it is left in place, so Telegram keeps updates until the bot is back.
/// </summary>
internal sealed partial class TelegramWebhook(
    ITelegramBotClient bot,
    TelegramStartup startup,
    TelegramUpdates updates,
    IOptions<TelegramOptions> options,
    ILoggerFactory loggers,
    ILogger<TelegramWebhook> logger) : BackgroundService
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    // Telegram sends at most 40 updates at a time (max_connections); a full queue means the bot is stuck, and a 503
    // makes Telegram keep the update and post it again later.
    private const int QueueCapacity = 1000;
    private const int BatchSize = 100;

    // Updates are a few kilobytes; anything far bigger is not from Telegram.
    private const long BodyLimit = 1024 * 1024;

    private readonly Channel<Update> _queue = Channel.CreateBounded<Update>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });

    // Cancelled only when the host's stop timeout runs out, so updates already answered with 200 are still handled at stop.
    private readonly CancellationTokenSource _abandon = new();
    private WebApplication? _server;

    /// <summary>Where the web server listens, once started (with port 0 in WebhookListen, the port it was given).</summary>
    public IReadOnlyList<string> Addresses =>
        _server?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Starts listening before the host finishes starting, so a port already in use stops the bot with a clear error.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = BuildServer();
        await _server.StartAsync(cancellationToken);
        var addresses = string.Join(", ", Addresses);
        LogListening(logger, addresses, options.Value.WebhookPath);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Stops taking posts first, then lets the queue run dry (until the host's stop timeout), then stops.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
            await _server.DisposeAsync();
            _server = null;
        }

        _queue.Writer.TryComplete();
        using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(cancellationToken);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var handling = HandleQueueAsync(_abandon.Token);
        try
        {
            await startup.RunAsync(stoppingToken);
            await SetWebhookAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await handling;
    }

    /// <summary>Tells Telegram where to post, retrying until it agrees: without it no update arrives.</summary>
    private async Task SetWebhookAsync(CancellationToken ct)
    {
        var settings = options.Value;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await bot.SetWebhook(settings.WebhookUrl!, allowedUpdates: TelegramUpdates.Wanted, secretToken: settings.WebhookSecret, cancellationToken: ct);
                LogWebhookSet(logger, settings.WebhookUrl!);
                return;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogWebhookNotSet(logger, TelegramErrors.Describe(error, settings), Backoff.After(failures));
            }

            await Task.Delay(Backoff.After(failures), ct);
        }
    }

    /// <summary>Handles what is queued, as many as are waiting at a time, until the queue is closed and empty.</summary>
    private async Task HandleQueueAsync(CancellationToken ct)
    {
        var reader = _queue.Reader;
        var batch = new List<Update>(BatchSize);
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                while (batch.Count < BatchSize && reader.TryRead(out var update))
                {
                    batch.Add(update);
                }

                await updates.HandleAsync(batch, ct);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogAbandoned(logger, batch.Count + reader.Count);
        }
    }

    private WebApplication BuildServer()
    {
        var settings = options.Value;

        // An empty builder: no configuration files, environment variables or logging providers of its own that could
        // move the port or log differently from the bot; its log goes through the bot's.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrelCore()
            .ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = BodyLimit)
            .UseUrls(settings.WebhookListen);
        var server = builder.Build();
        var path = new PathString(settings.WebhookPath);
        var secret = Digest(settings.WebhookSecret!);
        server.Run(context => context.Request.Path == path && HttpMethods.IsPost(context.Request.Method)
            ? TakeAsync(context, secret)
            : Answer(context, context.Request.Path == path ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound));
        return server;
    }

    private async Task TakeAsync(HttpContext context, byte[] secret)
    {
        if (!context.Request.Headers.TryGetValue(SecretHeader, out var given))
        {
            await Answer(context, StatusCodes.Status401Unauthorized);
            return;
        }

        // Compared as fixed-size digests in constant time, so neither the content nor the length of the secret leaks through timing.
        if (!CryptographicOperations.FixedTimeEquals(Digest(given.ToString()), secret))
        {
            LogWrongSecret(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?");
            await Answer(context, StatusCodes.Status403Forbidden);
            return;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            update = null;
        }
        catch (BadHttpRequestException tooBig)
        {
            // Kestrel's own refusal, e.g. 413 for a body over the limit.
            await Answer(context, tooBig.StatusCode);
            return;
        }

        if (update is null)
        {
            await Answer(context, StatusCodes.Status400BadRequest);
            return;
        }

        await Answer(context, _queue.Writer.TryWrite(update) ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: máy chủ webhook nghe tại {Addresses}, đường dẫn {Path}.")]
    private static partial void LogListening(ILogger logger, string addresses, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram: đã đặt webhook {Url}.")]
    private static partial void LogWebhookSet(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram: không đặt được webhook ({Reason}); chưa nhận được tin nhắn nào, thử lại sau {Wait}.")]
    private static partial void LogWebhookNotSet(ILogger logger, string reason, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: từ chối một yêu cầu tới webhook từ {Remote}: sai mã bí mật.")]
    private static partial void LogWrongSecret(ILogger logger, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram: dừng khi còn {Count} cập nhật chưa xử lý xong.")]
    private static partial void LogAbandoned(ILogger logger, int count);
}
