using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TdktBot.Data;
using TdktBot.Messaging;
using TdktBot.Store;

namespace TdktBot.Cluster;

public static class ClusterSetup
{
    /// <summary>
    /// The lead: on SQLite the one instance always leads; on PostgreSQL the instances of one cluster (Quartz:SchedulerName)
    /// elect it with an advisory lock. Added first, so the lock is asked for before anything waits on it.
    /// </summary>
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IReceiverLeadership>(sp => new LeadRoles(sp.GetRequiredService<ILead>()));
        var store = StoreOptions.From(configuration);
        if (store.Provider != StoreProvider.Postgres)
        {
            return services.AddSingleton<ILead, SoleLead>();
        }

        var options = configuration.GetSection(LeadOptions.Section).Get<LeadOptions>() ?? new LeadOptions();
        if (options.LeaseCheck <= TimeSpan.Zero || options.LeaseCheck > TimeSpan.FromSeconds(10))
        {
            throw new StoreException($"Cấu hình chưa đúng: {LeadOptions.Section}:LeaseCheck = {options.LeaseCheck} phải lớn hơn 0 và không quá 00:00:10, để máy dự phòng nhận quyền trong 30 giây.");
        }

        services.AddSingleton(sp => new AdvisoryLead(
            store.TdktConnectionString,
            configuration["Quartz:SchedulerName"] ?? "tdkt",
            options,
            sp.GetRequiredService<ILogger<AdvisoryLead>>()));
        services.AddSingleton<ILead>(sp => sp.GetRequiredService<AdvisoryLead>());
        services.AddHostedService(sp => sp.GetRequiredService<AdvisoryLead>());
        return services;
    }
}
