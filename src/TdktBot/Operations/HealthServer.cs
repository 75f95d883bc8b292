using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Quartz;
using TdktBot.Data;
using TdktBot.Outbox;

namespace TdktBot.Operations;

/// <summary>
/// <c>GET /healthz</c> (JSON; 200, or 503 when the store does not answer) and <c>GET /metrics</c> (Prometheus text, through
/// OpenTelemetry) on <see cref="HealthOptions.Listen"/>: a small web server of its own, like the webhooks', started last so
/// it reports a bot that has finished starting.
/// </summary>
public sealed partial class HealthServer : IHostedService, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly HealthOptions _options;
    private readonly HealthCheck _check;
    private readonly BotMetrics _metrics;
    private readonly InstanceId _instance;
    private readonly ISchedulerFactory _schedulers;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<HealthServer> _logger;
    private WebApplication? _server;

    public HealthServer(HealthOptions options, HealthCheck check, BotMetrics metrics, InstanceId instance, ISchedulerFactory schedulers,
        IDbContextFactory<TdktDbContext> store, ILoggerFactory loggers, ILogger<HealthServer> logger)
    {
        _options = options;
        _check = check;
        _metrics = metrics;
        _instance = instance;
        _schedulers = schedulers;
        _loggers = loggers;
        _logger = logger;
        metrics.ObservePending(() => PendingCount(store));
    }

    /// <summary>Where the server listens, once started (with port 0 in the listen address, the port it was given).</summary>
    public IReadOnlyList<string> Addresses =>
        _server?.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Listens before the host finishes starting, so a port already in use stops the bot with a clear error.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The hosted scheduler has been created and started by now; it is looked up, never created here.
        _check.Scheduler = await _schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        _server = BuildServer();
        await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        LogListening(_options.Listen);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
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

    private WebApplication BuildServer()
    {
        // An empty builder, as for the webhooks: nothing of its own can move the port or log differently from the bot.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(_loggers);
        builder.WebHost.UseKestrelCore().UseUrls(_options.Listen);

        // Meters are process-wide and found by name: only this host's meter is exported, not a meter of the same name that
        // another host in the process (a test) created.
        var meter = _metrics.Meter;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tdktbot", serviceInstanceId: _instance.Value, autoGenerateServiceInstanceId: false))
            .WithMetrics(m => m
            .AddMeter(BotMetrics.MeterName)
            .AddView(instrument => ReferenceEquals(instrument.Meter, meter) ? null : MetricStreamConfiguration.Drop)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        var server = builder.Build();
        server.UseOpenTelemetryPrometheusScrapingEndpoint();
        server.Run(context => context.Request.Path == "/healthz" && HttpMethods.IsGet(context.Request.Method)
            ? HealthAsync(context)
            : Answer(context, context.Request.Path == "/healthz" ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound));
        return server;
    }

    private async Task HealthAsync(HttpContext context)
    {
        var report = await _check.CheckAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.StoreReachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(report, Json, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task Answer(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static long? PendingCount(IDbContextFactory<TdktDbContext> store)
    {
        try
        {
            using var db = store.CreateDbContext();
            return PendingDeliveries.Count(db);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A scrape while the store is down leaves the gauge out rather than failing the whole scrape; /healthz says why.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kiểm tra sức khỏe và số đo: nghe tại {Listen} (/healthz, /metrics).")]
    private partial void LogListening(string listen);
}
