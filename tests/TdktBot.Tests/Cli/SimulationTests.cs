using Microsoft.Data.Sqlite;

namespace TdktBot.Tests.Cli;

public sealed class SimulationTests
{
    [Fact]
    public void A_run_on_a_simulated_clock_keeps_its_own_store_away_from_the_real_one()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var real = Path.Combine(data, "tdkt.db");
        var simulated = Path.Combine(data, "simulation", "tdkt.db");
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }

        var run = CliRun.Of("plan", "reload", "--now", "2026-01-22T10:00");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Kế hoạch năm 2026: thêm 21 mục", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(simulated));
        Assert.False(File.Exists(real));
    }
}
