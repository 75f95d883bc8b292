using Microsoft.Extensions.Configuration;
using Npgsql;
using TdktBot.Data;

namespace TdktBot.Store;

/// <summary>Where the bot keeps its state (sections "Store", "Data" and "ConnectionStrings").</summary>
public sealed class StoreOptions
{
    public const string Section = "Data";

    /// <summary>Store:Provider, read beside the "Data" section.</summary>
    public const string ProviderKey = "Store:Provider";

    /// <summary>ConnectionStrings:Tdkt, the setting every store error names.</summary>
    public const string TdktKey = "ConnectionStrings:Tdkt";

    /// <summary>The data folder of runs on a simulated clock (<c>--now</c>) when none is configured.</summary>
    public const string SimulationFolder = "data/simulation";

    /// <summary>The data folder; relative paths are from the app's folder. Holds tdkt.db and quartz.db unless connection strings say otherwise.</summary>
    public string Folder { get; set; } = "data";

    /// <summary>Store:Provider, the database behind the store: SQLite (the default) or PostgreSQL.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>ConnectionStrings:Tdkt, the bot's store.</summary>
    public string? Tdkt { get; set; }

    /// <summary>ConnectionStrings:Quartz, the scheduler's job store.</summary>
    public string? Quartz { get; set; }

    /// <summary>The "Data" section, Store:Provider and the two connection strings; a provider or a connection string that cannot be used is a <see cref="StoreException"/>.</summary>
    public static StoreOptions From(IConfiguration configuration)
    {
        var store = configuration.GetSection(Section).Get<StoreOptions>() ?? new StoreOptions();
        store.Provider = ProviderFrom(configuration[ProviderKey]);
        store.Tdkt = configuration.GetConnectionString("Tdkt");
        store.Quartz = configuration.GetConnectionString("Quartz");
        if (store.Provider == StoreProvider.Postgres)
        {
            CheckPostgres(store.Tdkt);
        }

        return store;
    }

    public string FolderPath => Path.IsPathRooted(Folder) ? Folder : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, Folder));

    public string TdktConnectionString => string.IsNullOrWhiteSpace(Tdkt) ? $"Data Source={Path.Combine(FolderPath, "tdkt.db")}" : Tdkt;

    /// <summary>The scheduler's job store: ConnectionStrings:Quartz, else its own SQLite file, or on PostgreSQL the store's own database.</summary>
    public string QuartzConnectionString =>
        !string.IsNullOrWhiteSpace(Quartz) ? Quartz
        : Provider == StoreProvider.Postgres ? TdktConnectionString
        : $"Data Source={Path.Combine(FolderPath, "quartz.db")}";

    private static StoreProvider ProviderFrom(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return StoreProvider.Sqlite;
        }

        foreach (var provider in Enum.GetValues<StoreProvider>())
        {
            if (provider.ToString().Equals(written.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        throw new StoreException($"Cấu hình chưa đúng: {ProviderKey} = «{written}» không đọc được; cần Sqlite (mặc định, một tệp trong Data:Folder) hoặc Postgres.");
    }

    private static void CheckPostgres(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StoreException($"Cấu hình chưa đúng: {ProviderKey} là Postgres nhưng {TdktKey} trống; cần chuỗi kết nối PostgreSQL, "
                + "ví dụ Host=127.0.0.1;Port=5432;Database=tdkt;Username=tdkt;Password=<mật khẩu>.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            // Not shown: a password under a misspelt name would not be masked.
            throw new StoreException($"Cấu hình chưa đúng: {TdktKey} không phải chuỗi kết nối PostgreSQL hợp lệ ({StoreErrors.WithoutSecrets(ex.Message, connectionString)}); "
                + "cần dạng Host=127.0.0.1;Port=5432;Database=tdkt;Username=tdkt;Password=<mật khẩu>.", ex);
        }
    }
}
