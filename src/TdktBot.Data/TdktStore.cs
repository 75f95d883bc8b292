using Microsoft.EntityFrameworkCore;

namespace TdktBot.Data;

/// <summary>Opening the SQLite store: the file and its folder are created private, migrations are applied, never EnsureCreated.</summary>
public static class TdktStore
{
    public static DbContextOptions<TdktDbContext> Options(string connectionString) =>
        ((DbContextOptionsBuilder<TdktDbContext>)Configure(new DbContextOptionsBuilder<TdktDbContext>(), connectionString)).Options;

    /// <summary>The one place the store's provider options are set, for the app and for tests alike.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString)

            // SQLite rebuilds a table to add a foreign key, outside the migration's transaction; EF warns each time a new file is made.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));

    /// <summary>Creates the data folder and the store's file if needed, both private, then applies pending migrations; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(TdktDbContext db, CancellationToken ct = default)
    {
        PrivateFiles.PrepareDatabase(db.Database.GetConnectionString()!);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);

        // Write-ahead logging lets the worker, the sender and a CLI command read while one writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return pending;
    }
}
