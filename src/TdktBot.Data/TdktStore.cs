using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace TdktBot.Data;

/// <summary>Opening the SQLite store: the file's folder is created, migrations are applied, never EnsureCreated.</summary>
public static class TdktStore
{
    public static DbContextOptions<TdktDbContext> Options(string connectionString) =>
        ((DbContextOptionsBuilder<TdktDbContext>)Configure(new DbContextOptionsBuilder<TdktDbContext>(), connectionString)).Options;

    /// <summary>The one place the store's provider options are set, for the app and for tests alike.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString)

            // SQLite rebuilds a table to add a foreign key, outside the migration's transaction; EF warns each time a new file is made.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));

    /// <summary>Creates the data folder if needed, then applies pending migrations; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(TdktDbContext db, CancellationToken ct = default)
    {
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (!string.IsNullOrEmpty(file) && file != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }

        // Migrate also diffs the model against the migrations' snapshot (EF's pending-model-changes check), which
        // builds a second model: on a store already up to date it is skipped, and a test keeps the model in step.
        // The applied migrations are read with plain SQL: EF's own GetPendingMigrations builds a model of its history
        // table through the conventions, which the compiled model (CompiledModel/) otherwise spares every start.
        var applied = await AppliedMigrationsAsync(db, ct);
        var pending = db.Database.GetMigrations().Where(m => !applied.Contains(m)).ToList();
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(ct);
        }

        // Write-ahead logging lets the worker, the sender and a CLI command read while one writes.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        return pending;
    }

    /// <summary>The ids in EF's history table; none on a new file.</summary>
    private static Task<HashSet<string>> AppliedMigrationsAsync(TdktDbContext db, CancellationToken ct) =>
        db.RunAsync("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'", [], async (command, token) =>
        {
            var applied = new HashSet<string>(StringComparer.Ordinal);
            if (await command.ExecuteScalarAsync(token).ConfigureAwait(false) is null)
            {
                return applied;
            }

            command.CommandText = """SELECT "MigrationId" FROM "__EFMigrationsHistory";""";
            await using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
            while (await reader.ReadAsync(token).ConfigureAwait(false))
            {
                applied.Add(reader.GetString(0));
            }

            return applied;
        }, ct);
}
