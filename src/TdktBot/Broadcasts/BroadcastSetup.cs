using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TdktBot.Broadcasts;

public static class BroadcastSetup
{
    /// <summary>Campaign launches: drafts and confirmations (<see cref="BroadcastService"/>), progress and reports to the office.</summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BroadcastMonitorOptions>().Bind(configuration.GetSection(BroadcastMonitorOptions.Section))
            .Validate(o => o.CheckInterval > TimeSpan.Zero, "Broadcasts:CheckInterval phải lớn hơn 0, ví dụ \"00:00:05\".")
            .ValidateOnStart();
        services.AddHostedService<BroadcastMonitor>();
        return services;
    }
}
