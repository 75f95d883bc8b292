using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using TdktBot.Operations;
using Polly;
using Polly.Telemetry;
using Polly.Timeout;

namespace TdktBot.Messaging.Zalo;

/// <summary>The Zalo services, registered only when Zalo:BotToken is set.</summary>
public static class ZaloHosting
{
    /// <summary>A 429 asking to wait longer than this is not retried in the HttpClient: the outbox pauses Zalo instead, without holding a send.</summary>
    private static readonly TimeSpan LongestInlineWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Zalo as an <see cref="IChatChannel"/> for the outbox, <see cref="IBotLinks"/> for invites, and the receiver
    /// (polling) or the webhook server, as Zalo:Mode says. Needs an <see cref="IConversation"/> registered. Settings are
    /// checked when the host starts.
    /// </summary>
    public static IServiceCollection AddZalo(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ZaloOptions.Section);
        var settings = section.Get<ZaloOptions>() ?? new ZaloOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddOptions<ZaloOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidation>();

        // The token is part of every request's URL, and the factory's default handlers log URLs: they must go. The
        // client lives as long as the bot, so connections are renewed every few minutes to follow DNS changes. Timeouts
        // are the pipeline's, per attempt and in all.
        services.AddHttpClient<ZaloClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("zalo", (pipeline, context) =>
                Resilience(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value));

        // Polly logs a timeout at Error level, even when the retry that follows succeeds. A slow answer from Zalo is
        // neither a bug nor lost work: the retry or, in the end, the caller (outbox, receiver) says what became of it.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = TimeoutsAsWarnings);

        services.AddSingleton<ZaloBotInfo>();
        services.AddSingleton<IBotLinks>(sp => sp.GetRequiredService<ZaloBotInfo>());
        services.AddSingleton<ZaloChannel>();
        services.AddSingleton<IChatChannel>(sp => sp.GetRequiredService<ZaloChannel>());
        services.AddSingleton<Archive.IFileDownloads>(sp => sp.GetRequiredService<ZaloChannel>());
        services.AddSingleton<ZaloStartup>();
        services.TryAddSingleton<ChatAnswers>();
        services.AddBotMetrics();
        services.AddSingleton<ZaloUpdates>();
        services.TryAddSingleton<UpdateLedger>();
        if (settings.Mode == MessengerMode.Webhook)
        {
            services.AddSingleton<ZaloWebhook>();
            services.AddHostedService(sp => sp.GetRequiredService<ZaloWebhook>());
        }
        else
        {
            services.AddHostedService<ZaloReceiver>();
        }

        return services;
    }

    /// <summary>
    /// Each request: at most Zalo:Timeout per attempt, two more attempts after a transient failure (the network, a
    /// timeout, 5xx, a 429 with a short or no Retry-After), waiting 1 s then 2 s with jitter or as Retry-After says,
    /// and three timeouts and a little in all. A 408 is not a failure: it is getUpdates saying no update came.
    /// </summary>
    internal static void Resilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ZaloOptions options)
    {
        // Waits and timeouts count real seconds, as Zalo does, and never the bot's domain clock from the container (a
        // simulated day, or a test's clock that stands still, would stretch a 1 s backoff for ever).
        pipeline.TimeProvider = TimeProvider.System;
        pipeline.AddTimeout(options.Timeout * 3 + TimeSpan.FromSeconds(5));
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            // Exponential backoff with jitter and Retry-After are HttpRetryStrategyOptions' own defaults.
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromSeconds(1),
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
        });
        pipeline.AddTimeout(options.Timeout);
    }

    /// <summary>The severity of a resilience event in the log: a timeout is a warning, the rest as Polly says.</summary>
    internal static ResilienceEventSeverity TimeoutsAsWarnings(SeverityProviderArguments args) =>
        args.Event.EventName == "OnTimeout" && args.Event.Severity > ResilienceEventSeverity.Warning
            ? ResilienceEventSeverity.Warning
            : args.Event.Severity;

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } tooMany } => (tooMany.Headers.RetryAfter?.Delta ?? TimeSpan.Zero) <= LongestInlineWait,
        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout } => true,
        _ => false,
    };
}
