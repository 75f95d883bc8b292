using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TdktBot.Messaging;

/// <summary>
/// Webhook mode for any messenger: a small web server takes the posts, checks the secret in constant time, queues the
/// update and answers 200 at once (messengers wait for the answer and slow down for slow bots, or post again); the
/// queue is handled in batches, each chat in order. At start the webhook is set; at stop it is left in place, so the
/// messenger keeps updates until the bot is back.
/// </summary>
/// <param name="secretHeader">The header the messenger puts the secret in (the <see cref="MessengerOptions.WebhookSecret"/> it was given).</param>
internal abstract partial class SecretWebhook<TUpdate>(
    string messenger, string secretHeader, MessengerOptions options, ILoggerFactory loggers, ILogger logger)
    : UpdateReceiver<TUpdate>(messenger, logger)
    where TUpdate : class
{
    // Updates are a few kilobytes; anything far bigger is not from the messenger.
    private const long BodyLimit = 1024 * 1024;

    private WebApplication? _server;

    /// <summary>Where the web server listens, once started (with port 0 in the listen address, the port it was given).</summary>
    public IReadOnlyList<string> Addresses =>
        _server?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Starts listening before the host finishes starting, so a port already in use stops the bot with a clear error.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _server = BuildServer();
        await _server.StartAsync(cancellationToken);
        var addresses = string.Join(", ", Addresses);
        LogListening(Logger, Messenger, addresses, options.WebhookPath);
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

        await base.StopAsync(cancellationToken);
    }

    /// <summary>What happens before updates can come: learning about the bot, setting the webhook (retried until it works).</summary>
    protected abstract Task PrepareAsync(CancellationToken ct);

    /// <summary>The update in a post's body, or null when the body is not one (answered 400). A <see cref="JsonException"/> counts as not one.</summary>
    protected abstract ValueTask<TUpdate?> ReadAsync(Stream body, CancellationToken ct);

    protected override async Task ReceiveAsync(CancellationToken stoppingToken)
    {
        await PrepareAsync(stoppingToken);

        // The server takes posts until the host stops: StopAsync stops the server, then this ends.
        await Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
    }

    private WebApplication BuildServer()
    {
        // An empty builder: no configuration files, environment variables or logging providers of its own that could
        // move the port or log differently from the bot; its log goes through the bot's.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseKestrelCore()
            .ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = BodyLimit)
            .UseUrls(options.WebhookListen);
        var server = builder.Build();
        var path = new PathString(options.WebhookPath);
        var secret = Digest(options.WebhookSecret!);
        server.Run(context => context.Request.Path == path && HttpMethods.IsPost(context.Request.Method)
            ? TakeAsync(context, secret)
            : Answer(context, context.Request.Path == path ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound));
        return server;
    }

    private async Task TakeAsync(HttpContext context, byte[] secret)
    {
        if (!context.Request.Headers.TryGetValue(secretHeader, out var given))
        {
            await Answer(context, StatusCodes.Status401Unauthorized);
            return;
        }

        // Compared as fixed-size digests in constant time, so neither the content nor the length of the secret leaks through timing.
        if (!CryptographicOperations.FixedTimeEquals(Digest(given.ToString()), secret))
        {
            LogWrongSecret(Logger, Messenger, context.Connection.RemoteIpAddress?.ToString() ?? "?");
            await Answer(context, StatusCodes.Status403Forbidden);
            return;
        }

        TUpdate? update;
        try
        {
            update = await ReadAsync(context.Request.Body, context.RequestAborted);
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

        // A full queue means the bot is stuck; the 503 makes the messenger keep the update and post it again later.
        await Answer(context, TryAdd(update) ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    [LoggerMessage(Level = LogLevel.Information, Message = "{Messenger}: máy chủ webhook nghe tại {Addresses}, đường dẫn {Path}.")]
    private static partial void LogListening(ILogger logger, string messenger, string addresses, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Messenger}: từ chối một yêu cầu tới webhook từ {Remote}: sai mã bí mật.")]
    private static partial void LogWrongSecret(ILogger logger, string messenger, string remote);
}
