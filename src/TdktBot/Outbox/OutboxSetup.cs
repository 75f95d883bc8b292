using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Messaging;
using TdktBot.Data;
using TdktBot.Operations;

namespace TdktBot.Outbox;

public static class OutboxSetup
{
    /// <summary>The paced sender of stored deliveries, over every registered channel.</summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section));
        services.TryAddSingleton<DeliverySignal>();
        services.AddBotMetrics();
        services.AddSingleton(sp => new DeliverySender(
            () => sp.GetRequiredService<IDbContextFactory<TdktDbContext>>().CreateDbContext(),
            sp.GetServices<IChatChannel>(),
            sp.GetRequiredService<IOptions<DeliveryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DeliverySignal>(),
            sp.GetRequiredService<BotMetrics>(),
            sp.GetRequiredService<ILogger<DeliverySender>>(),
            sp.GetService<InstanceId>()?.Value));
        services.AddHostedService<DeliveryWorker>();
        return services;
    }
}
