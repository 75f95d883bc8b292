using Microsoft.Extensions.Configuration;

namespace TdktBot.Store;

/// <summary>Where the bot keeps its state (section "Data" and "ConnectionStrings").</summary>
public sealed class StoreOptions
{
    public const string Section = "Data";

    /// <summary>The data folder of runs on a simulated clock (<c>--now</c>) when none is configured.</summary>
    public const string SimulationFolder = "data/simulation";

    /// <summary>The data folder; relative paths are from the app's folder. Holds tdkt.db and quartz.db unless connection strings say otherwise.</summary>
    public string Folder { get; set; } = "data";

    /// <summary>ConnectionStrings:Tdkt, the bot's store.</summary>
    public string? Tdkt { get; set; }

    /// <summary>ConnectionStrings:Quartz, the scheduler's job store.</summary>
    public string? Quartz { get; set; }

    /// <summary>The "Data" section with the two connection strings.</summary>
    public static StoreOptions From(IConfiguration configuration)
    {
        var store = configuration.GetSection(Section).Get<StoreOptions>() ?? new StoreOptions();
        store.Tdkt = configuration.GetConnectionString("Tdkt");
        store.Quartz = configuration.GetConnectionString("Quartz");
        return store;
    }

    public string FolderPath => Path.IsPathRooted(Folder) ? Folder : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, Folder));

    public string TdktConnectionString => string.IsNullOrWhiteSpace(Tdkt) ? $"Data Source={Path.Combine(FolderPath, "tdkt.db")}" : Tdkt;

    public string QuartzConnectionString => string.IsNullOrWhiteSpace(Quartz) ? $"Data Source={Path.Combine(FolderPath, "quartz.db")}" : Quartz;
}
