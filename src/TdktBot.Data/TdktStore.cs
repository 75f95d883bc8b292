using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace TdktBot.Data;

/// <summary>
/// Opening the store on SQLite or PostgreSQL: one model, a set of migrations per provider, applied at start, never
/// EnsureCreated. A SQLite file and its folder are created private.
/// </summary>
public static class TdktStore
{
    /// <summary>The assembly holding the PostgreSQL migrations; named rather than referenced, as it references this one.</summary>
    public const string PostgresMigrations = "TdktBot.Data.Postgres";

    public static DbContextOptions<TdktDbContext> Options(string connectionString, StoreProvider provider = StoreProvider.Sqlite) =>
        ((DbContextOptionsBuilder<TdktDbContext>)Configure(new DbContextOptionsBuilder<TdktDbContext>(), provider, connectionString)).Options;

    /// <summary>The one place the store's provider options are set, for the app and for tests alike.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StoreProvider provider, string connectionString) => provider switch
    {
        StoreProvider.Postgres => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations)),
        _ => builder.UseSqlite(connectionString)

            // SQLite rebuilds a table to add a foreign key, outside the migration's transaction; EF warns each time a new file is made.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning)),
    };

    /// <summary>
    /// Applies pending migrations and returns their names. A SQLite file is first created private with its folder; a
    /// PostgreSQL database that does not exist yet is created by the migration, given the right to.
    /// </summary>
    public static Task<IReadOnlyList<string>> MigrateAsync(TdktDbContext db, CancellationToken ct = default) => MigrateAsync(db, null, ct);

    /// <summary>As <see cref="MigrateAsync(TdktDbContext, CancellationToken)"/>, told when a migration lock left by a killed start was cleared.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(TdktDbContext db, Action? staleLockCleared, CancellationToken ct = default)
    {
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            PrivateFiles.PrepareDatabase(db.Database.GetConnectionString()!);
        }

        // The history table is made first where the database exists: Npgsql's migrator takes it for granted, queries it,
        // and on a new database logs the failed query as an error, which a newcomer would take for a fault.
        var history = db.GetService<IHistoryRepository>();
        var exists = await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct);
        if (exists)
        {
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        }

        // EF takes its migration lock on SQLite as a row of "__EFMigrationsLock", deleted when Migrate ends. A process killed
        // inside Migrate (even one with nothing to apply) leaves the row in the file, and every later start waits for it for
        // ever, silently. A SQLite store has one process (it leads alone), so a row found before migrating is such a leftover.
        if (sqlite && exists && await ClearStaleMigrationLockAsync(db, ct))
        {
            staleLockCleared?.Invoke();
        }

        var applied = exists ? (await history.GetAppliedMigrationsAsync(ct)).Select(m => m.MigrationId).ToHashSet() : [];
        var pending = db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
        await db.Database.MigrateAsync(ct);

        // Write-ahead logging lets the worker, the sender and a CLI command read while one writes.
        if (sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        return pending;
    }

    private static async Task<bool> ClearStaleMigrationLockAsync(TdktDbContext db, CancellationToken ct)
    {
        var table = await db.Database
            .SqlQueryRaw<int>("""SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'""")
            .SingleAsync(ct);
        return table > 0 && await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsLock";""", ct) > 0;
    }
}
