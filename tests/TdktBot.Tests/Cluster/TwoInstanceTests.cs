using System.Diagnostics;
using Npgsql;
using TdktBot.Testing;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Worker;

namespace TdktBot.Tests.Cluster;

/// <summary>
/// Two real <c>run</c> processes on one PostgreSQL store and one fake Telegram: one schedule for both, one poller, and when
/// the leader is SIGKILLed the other polls within 30 s and answers what comes next, each message once.
/// </summary>
[Collection(PostgresCluster.Collection)]
public sealed class TwoInstanceTests(PostgresCluster postgres) : IDisposable
{
    private readonly TestStore _store = new(postgres);
    private readonly PlanFolder _folder = new();

    public void Dispose()
    {
        _folder.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task One_instance_polls_and_when_it_is_killed_the_other_takes_over_within_30_seconds()
    {
        var settings = new Dictionary<string, string?>(_folder.Settings().Concat(_store.Settings()));
        var reload = CliRun.With(settings, "plan", "reload");
        Assert.True(reload.ExitCode == 0, reload.Error);
        await using var fake = await FakeTelegramServer.StartAsync();

        using var first = BotProcess.Start(_folder.Folder, settings, fake);
        using var second = BotProcess.Start(_folder.Folder, settings, fake);
        await BotProcess.WaitUntilAsync(() => first.Leads || second.Leads, TimeSpan.FromSeconds(60), "an instance to lead", first, second);
        await fake.WaitUntilAsync(() => fake.WaitingPolls > 0, TimeSpan.FromSeconds(30), "the leader polling");
        await BotProcess.WaitUntilAsync(async () => await SchedulersAsync() == 2, TimeSpan.FromSeconds(30), "both schedulers in the cluster", first, second);

        fake.SendText(7001, "/start");
        await fake.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(first.Leads && second.Leads);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "getUpdates" && c.StatusCode == 409);

        var (leader, survivor) = first.Leads ? (first, second) : (second, first);
        leader.Kill();
        var killed = Stopwatch.StartNew();
        await BotProcess.WaitUntilAsync(() => survivor.Leads, TimeSpan.FromSeconds(30), "the survivor to lead", survivor);
        var polled = fake.Calls.Count(c => c.Method == "getUpdates");
        await fake.WaitUntilAsync(() => fake.Calls.Count(c => c.Method == "getUpdates") > polled, TimeSpan.FromSeconds(30), "the survivor polling");
        Assert.True(killed.Elapsed < TimeSpan.FromSeconds(30), $"polling resumed {killed.Elapsed} after the kill");

        fake.SendText(7002, "/start");
        await fake.WaitUntilAsync(() => fake.Sent.Any(m => m.ChatId == 7002), TimeSpan.FromSeconds(30), "the survivor's answer");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(fake.Sent, m => m.ChatId == 7001);
        Assert.Single(fake.Sent, m => m.ChatId == 7002);

        // The dead instance misses its check-ins and the cluster lets it go.
        await BotProcess.WaitUntilAsync(async () => await SchedulersAsync() == 1, TimeSpan.FromSeconds(30), "the dead scheduler let go", survivor);
    }

    private async Task<long> SchedulersAsync()
    {
        await using var connection = new NpgsqlConnection(_store.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM qrtz_scheduler_state", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
