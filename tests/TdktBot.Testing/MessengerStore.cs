using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TdktBot.Cluster;
using TdktBot.Data;

namespace TdktBot.Testing;

/// <summary>
/// What a messenger's side needs of the rest of the host: a real store (a migrated SQLite file, where the updates taken
/// are recorded), made the first time it is used and deleted with the host, and the lead, which a lone instance holds.
/// </summary>
public static class MessengerStore
{
    public static IServiceCollection AddMessengerStore(this IServiceCollection services)
    {
        services.TryAddSingleton<Holder>();
        services.AddPooledDbContextFactory<TdktDbContext>((sp, o) =>
        {
            var store = sp.GetRequiredService<Holder>().Store;
            TdktStore.Configure(o, store.Provider, store.ConnectionString);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILead, SoleLead>();
        return services;
    }

    /// <summary>Made by the container, so disposed with it.</summary>
    private sealed class Holder : IDisposable
    {
        public Holder() => Store.MigratedAsync().GetAwaiter().GetResult().Dispose();

        public TestStore Store { get; } = new();

        public void Dispose() => Store.Dispose();
    }
}
