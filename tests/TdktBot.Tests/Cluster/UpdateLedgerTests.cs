using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Core.Conversations;
using TdktBot.Data;
using TdktBot.Messaging;
using TdktBot.Testing;

namespace TdktBot.Tests.Cluster;

/// <summary>The store's record of updates taken: an update handed over twice, to one instance or two, is handled once.</summary>
public abstract class UpdateLedgerTests(TestStore store) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(TestStore.Local(2026, 3, 2, 9));

    public async Task InitializeAsync() => await (await store.MigratedAsync()).DisposeAsync();

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_update_is_first_once_per_messenger_whichever_instance_asks()
    {
        // Two instances: two ledgers over one store.
        var one = new UpdateLedger(Factory(), _clock);
        var two = new UpdateLedger(Factory(), _clock);

        Assert.True(await one.FirstTimeAsync(Messenger.Telegram, "update:41", CancellationToken.None));
        Assert.False(await two.FirstTimeAsync(Messenger.Telegram, "update:41", CancellationToken.None));
        Assert.False(await one.FirstTimeAsync(Messenger.Telegram, "update:41", CancellationToken.None));
        Assert.True(await two.FirstTimeAsync(Messenger.Zalo, "update:41", CancellationToken.None));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? one : two).FirstTimeAsync(Messenger.Zalo, "message.text.received:m-7", CancellationToken.None)));
        Assert.Equal(1, answers.Count(first => first));

        await using var db = store.Open();
        Assert.Equal(3, await db.ReceivedUpdates.CountAsync());
    }

    [Fact]
    public async Task Records_older_than_a_week_are_let_go()
    {
        var ledger = new UpdateLedger(Factory(), _clock);
        Assert.True(await ledger.FirstTimeAsync(Messenger.Telegram, "update:1", CancellationToken.None));

        _clock.Advance(UpdateLedger.Kept + TimeSpan.FromHours(2));
        Assert.True(await ledger.FirstTimeAsync(Messenger.Telegram, "update:2", CancellationToken.None));

        await using var db = store.Open();
        Assert.Equal(["update:2"], await db.ReceivedUpdates.Select(u => u.Key).ToListAsync());
    }

    private PooledDbContextFactory<TdktDbContext> Factory() => new(TdktStore.Options(store.ConnectionString, store.Provider));

    public sealed class OnSqlite() : UpdateLedgerTests(new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : UpdateLedgerTests(new TestStore(postgres));
}
