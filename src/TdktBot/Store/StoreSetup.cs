using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TdktBot.Data;

namespace TdktBot.Store;

public static class StoreSetup
{
    /// <summary>The store's settings, a pool of its contexts and the migrator.</summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        var store = StoreOptions.From(configuration);
        services.AddSingleton(store);
        services.AddPooledDbContextFactory<TdktDbContext>(o => TdktStore.Configure(o, store.Provider, store.TdktConnectionString));
        services.AddSingleton<StoreMigrator>();
        return services;
    }
}
