using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Importing;
using TdktBot.Core.Plans;
using TdktBot.Core.Units;

using TdktBot.Data;
using TdktBot.Data.Entities;

namespace TdktBot.Testing;

/// <summary>
/// A real store migrated like production: a SQLite file in a temporary folder, or a new database on a throwaway
/// PostgreSQL cluster; deleted afterwards.
/// </summary>
public sealed class TestStore : IDisposable
{
    public static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "tdkt-data-" + Guid.NewGuid().ToString("N"));
    private readonly PostgresCluster? _postgres;

    /// <summary>A SQLite file.</summary>
    public TestStore()
    {
        ConnectionString = $"Data Source={Path.Combine(_folder, "tdkt.db")}";
    }

    /// <summary>An empty database of its own on <paramref name="postgres"/>.</summary>
    public TestStore(PostgresCluster postgres)
    {
        _postgres = postgres;
        Provider = StoreProvider.Postgres;
        ConnectionString = postgres.CreateDatabase();
    }

    public StoreProvider Provider { get; } = StoreProvider.Sqlite;

    public string ConnectionString { get; }

    /// <summary>The settings that point the bot at this store, as appsettings.json or the environment would give them.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Store:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Tdkt"] = ConnectionString,
    };

    public TdktDbContext Open() => new(TdktStore.Options(ConnectionString, Provider));

    public async Task<TdktDbContext> MigratedAsync()
    {
        var db = Open();
        await TdktStore.MigrateAsync(db);
        return db;
    }

    public void Dispose()
    {
        if (_postgres is not null)
        {
            _postgres.DropDatabase(ConnectionString);
            return;
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public static DateTimeOffset Local(int year, int month, int day, int hour = 8, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public static UnitDirectory Directory2026 => LazyDirectory.Value;

    public static Plan HoaTham(Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(PathOf("ke-hoach-tdkt-2026-hoa-tham.yaml"));
        var result = YamlPlanFile.Read(new StringReader(edit is null ? text : edit(text)), "plan.yaml", Directory2026);
        return result.HasErrors ? throw new InvalidOperationException(string.Join("\n", result.Problems)) : result.Plan!;
    }

    private static readonly Lazy<UnitDirectory> LazyDirectory = new(() =>
    {
        using var reader = File.OpenText(PathOf("don-vi-hoa-tham.yaml"));
        return UnitDirectoryFile.Read(reader, "don-vi-hoa-tham.yaml").Directory!;
    });

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}

public static class DbExtensions
{
    public static Task<Obligation> ObligationAsync(this TdktDbContext db, string number, string unit) =>
        db.Obligations.Include(o => o.Target).Include(o => o.Unit)
            .SingleAsync(o => o.Target.Number == number && o.Unit.Name == unit);
}
