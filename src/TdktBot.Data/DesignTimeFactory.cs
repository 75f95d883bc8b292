using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TdktBot.Data;

/// <summary>Lets "dotnet ef migrations add" build the model without starting the bot.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<TdktDbContext>
{
    public TdktDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<TdktDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
