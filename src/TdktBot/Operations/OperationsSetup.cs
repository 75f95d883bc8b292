using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TdktBot.Messaging;

namespace TdktBot.Operations;

public static class OperationsSetup
{
    /// <summary>
    /// The instance id, the receivers' leadership (one instance: always the leader), the bot's metrics and, when
    /// Health:Listen is set, the server of <c>/healthz</c> and <c>/metrics</c>. Added last, so that server starts last.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddInstanceId(configuration);
        services.AddBotMetrics();
        services.TryAddSingleton<IReceiverLeadership, SingleInstanceLeadership>();
        services.AddSingleton<HealthCheck>();

        var health = configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section))
            .Validate(o => !o.Enabled || IsHttpUrl(o.Listen), "Health:Listen phải là một địa chỉ http, ví dụ \"http://127.0.0.1:5081\", hoặc để trống để tắt.")
            .ValidateOnStart();
        if (health.Enabled)
        {
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HealthServer>(sp, sp.GetRequiredService<IOptions<HealthOptions>>().Value));
            services.AddHostedService(sp => sp.GetRequiredService<HealthServer>());
        }

        return services;
    }

    /// <summary>The id every log line and <c>/healthz</c> carry; the console log's formatter needs it as soon as logging starts.</summary>
    public static IServiceCollection AddInstanceId(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InstanceOptions>().Bind(configuration.GetSection(InstanceOptions.Section))
            .Validate(o => o.IsValid, "Instance:Id chỉ gồm chữ cái không dấu, chữ số và các dấu . - _ : (tối đa 64 ký tự), hoặc để trống để dùng <tên máy>-<số tiến trình>.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new InstanceId(sp.GetRequiredService<IOptions<InstanceOptions>>().Value.Resolved));
        return services;
    }

    /// <summary>
    /// The console log on standard error (standard output is for messages to units), every line with the instance id
    /// (<see cref="InstanceLogFormatter"/>; needs <see cref="AddInstanceId"/>).
    /// </summary>
    public static ILoggingBuilder AddInstanceConsole(this ILoggingBuilder logging) => logging
        .AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = InstanceLogFormatter.FormatterName;
        })
        .AddConsoleFormatter<InstanceLogFormatter, ConsoleFormatterOptions>(o => o.TimestampFormat = "HH:mm:ss ");

    /// <summary>The bot's meter; every part that records into it adds it, so each can be hosted alone (tests).</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && string.IsNullOrEmpty(uri.PathAndQuery.Trim('/'));
}
