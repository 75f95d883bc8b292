using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TdktBot.Testing.Tests;

/// <summary>
/// Stands in for a bot's webhook endpoint: records each POST (secret header and body) and answers with
/// <see cref="Status"/>.
/// </summary>
internal sealed class WebhookEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    // Changed by the test while Kestrel threads read it.
    private volatile int _status = 200;

    private WebhookEndpoint(WebApplication app) => _app = app;

    public ConcurrentQueue<(string? Secret, string Body)> Received { get; } = new();

    public int Status
    {
        get => _status;
        set => _status = value;
    }

    public Uri Url => new($"{_app.Urls.Single()}/telegram/hook");

    /// <summary><paramref name="secretHeader"/> is where the messenger puts the secret: Telegram's by default.</summary>
    public static async Task<WebhookEndpoint> StartAsync(string secretHeader = "X-Telegram-Bot-Api-Secret-Token")
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var endpoint = new WebhookEndpoint(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            endpoint.Received.Enqueue((context.Request.Headers[secretHeader].FirstOrDefault(), body));
            context.Response.StatusCode = endpoint.Status;
        });
        await app.StartAsync();
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
