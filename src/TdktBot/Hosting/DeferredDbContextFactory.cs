using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using TdktBot.Data;

namespace TdktBot.Hosting;

/// <summary>
/// The store's context factory: EF Core's pool of contexts (a reply takes one and gives it back rather than building
/// one), made on the first context rather than when the factory is made. Every hosted service that reads the store
/// takes a factory, and the host makes all of them before any starts; building EF Core's options there (provider,
/// logging, the context's activator) would hold up the receivers' first getUpdates by tens of milliseconds of JIT.
/// </summary>
internal sealed class DeferredDbContextFactory(IServiceProvider services) : IDbContextFactory<TdktDbContext>
{
    private readonly Lazy<PooledDbContextFactory<TdktDbContext>> _pool =
        new(() => new PooledDbContextFactory<TdktDbContext>(services.GetRequiredService<DbContextOptions<TdktDbContext>>()));

    public TdktDbContext CreateDbContext() => _pool.Value.CreateDbContext();

    public Task<TdktDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => _pool.Value.CreateDbContextAsync(cancellationToken);
}
