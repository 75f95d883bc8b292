using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TdktBot.Cluster;
using TdktBot.Testing;

namespace TdktBot.Tests.Cluster;

/// <summary>Two instances on one PostgreSQL database: one leads, and the other takes over when the leader goes.</summary>
[Collection(PostgresCluster.Collection)]
public sealed class AdvisoryLeadTests(PostgresCluster postgres) : IDisposable
{
    private static readonly LeadOptions Fast = new() { LeaseCheck = TimeSpan.FromMilliseconds(200) };
    private readonly string _database = postgres.CreateDatabase();

    public void Dispose() => postgres.DropDatabase(_database);

    [Fact]
    public async Task One_instance_leads_and_the_other_takes_over_when_it_stops()
    {
        using var first = Lead("tdkt");
        await first.StartAsync(CancellationToken.None);
        var firstLost = await first.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        using var second = Lead("tdkt");
        await second.StartAsync(CancellationToken.None);

        // Another cluster name is another lock: it leads beside this one.
        using var elsewhere = Lead("another-commune");
        await elsewhere.StartAsync(CancellationToken.None);
        await elsewhere.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(first.Held);
        Assert.False(second.Held);
        Assert.False(second.WaitAsync(CancellationToken.None).IsCompleted);

        var stopped = Stopwatch.StartNew();
        await first.StopAsync(CancellationToken.None);
        var secondLost = await second.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(firstLost.IsCancellationRequested);
        Assert.True(second.Held);
        Assert.False(secondLost.IsCancellationRequested);
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(5), $"took over after {stopped.Elapsed}");
        await second.StopAsync(CancellationToken.None);
        await elsewhere.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_leader_whose_connection_is_cut_stops_leading_and_one_instance_leads_again()
    {
        using var leader = Lead("tdkt");
        using var standby = Lead("tdkt");
        await leader.StartAsync(CancellationToken.None);
        var lost = await leader.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await standby.StartAsync(CancellationToken.None);

        // The leader's connection ends as when its machine dies: PostgreSQL frees the lock, the leader finds out at its next check.
        await using (var admin = new NpgsqlConnection(_database))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                admin);
            await kill.ExecuteNonQueryAsync();
        }

        await WaitUntilAsync(() => lost.IsCancellationRequested);
        await WaitUntilAsync(() => leader.Held || standby.Held);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(leader.Held ^ standby.Held, "exactly one instance leads");

        await leader.StopAsync(CancellationToken.None);
        await standby.StopAsync(CancellationToken.None);
    }

    private AdvisoryLead Lead(string cluster) => new(_database, cluster, Fast, NullLogger<AdvisoryLead>.Instance);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "gave up waiting after 10 s");
    }
}
