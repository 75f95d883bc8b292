using Microsoft.EntityFrameworkCore.Design;

namespace TdktBot.Data.Postgres;

/// <summary>
/// Lets "dotnet ef migrations add &lt;Name&gt; --project src/TdktBot.Data.Postgres" build the model on PostgreSQL without a
/// server: adding a migration never connects.
/// </summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TdktDbContext>
{
    public TdktDbContext CreateDbContext(string[] args) => new(TdktStore.Options("Host=localhost;Database=tdkt", StoreProvider.Postgres));
}
