using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TdktBot.Data;

namespace TdktBot.Hosting;

/// <summary>
/// The store's context factory, with EF Core's options built on the first context rather than when the factory is made.
/// Every hosted service that reads the store takes a factory, and the host makes all of them before any starts;
/// building EF Core's options there (provider, logging, the context's activator) would hold up the receivers' first
/// getUpdates by tens of milliseconds of JIT. A context is made exactly as EF Core's own factory makes it.
/// </summary>
internal sealed class DeferredDbContextFactory(IServiceProvider services) : IDbContextFactory<TdktDbContext>
{
    private readonly Lazy<DbContextOptions<TdktDbContext>> _options = new(services.GetRequiredService<DbContextOptions<TdktDbContext>>);

    public TdktDbContext CreateDbContext() => new(_options.Value);
}
