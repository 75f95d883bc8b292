using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Messaging;
using TdktBot.Store;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Operations;

/// <summary><c>GET /healthz</c> of the whole bot (fake Telegram and Zalo, a real SQLite store), read over HTTP.</summary>
[Collection(OneAtATime.Name)]
public sealed class HealthTests
{
    private const long School = 4101;

    [Fact]
    public async Task Healthz_answers_200_with_the_store_the_scheduler_each_messenger_the_outbox_backlog_and_the_instance()
    {
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9));
        var settings = OperationsEndpoints.Settings(out var listen);
        settings["Instance:Id"] = "bot-a";
        await using var bot = await MessengerBotUnderTest.StartAsync(clock, settings);
        await bot.LinkAsync(School, "Trường THCS Hoa Thám");
        await bot.OutboxSettledAsync();

        var (idleStatus, idle) = await OperationsEndpoints.HealthAsync(listen);

        // A message stored 90 s ago that waits for a retry tomorrow: pending, and its age is the backlog's.
        await using (var db = bot.OpenStore())
        {
            var chatId = db.Chats.Single(c => c.Address == MessengerBotUnderTest.Address(School)).Id;
            var waiting = Delivery.Pending("ops-test:1", "notice", chatId, "Thông báo thử", clock.GetUtcNow().AddSeconds(-90));
            waiting.NotBefore = clock.GetUtcNow().AddDays(1);
            db.Deliveries.Add(waiting);
            await db.SaveChangesAsync();
        }

        var (status, body) = await OperationsEndpoints.HealthAsync(listen);

        Assert.Equal(200, idleStatus);
        Assert.Equal(0, idle.GetProperty("pendingDeliveries").GetInt32());
        Assert.Equal(0, idle.GetProperty("oldestPendingAgeSeconds").GetDouble());
        Assert.Equal(200, status);
        Assert.Equal("bot-a", body.GetProperty("instance").GetString());
        Assert.True(body.GetProperty("storeReachable").GetBoolean());
        Assert.True(body.GetProperty("schedulerRunning").GetBoolean());
        Assert.Equal("running", body.GetProperty("schedulerState").GetString());
        Assert.Equal(
            [("telegram", "leader"), ("zalo", "leader")],
            body.GetProperty("receiving").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).Order());
        Assert.Equal(1, body.GetProperty("pendingDeliveries").GetInt32());
        Assert.Equal(90, body.GetProperty("oldestPendingAgeSeconds").GetDouble());
    }

    [Fact]
    public async Task Healthz_answers_503_when_the_store_cannot_be_opened_and_200_again_when_it_is_back()
    {
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock, OperationsEndpoints.Settings(out var listen));
        var folder = bot.Get<StoreOptions>().FolderPath;
        var away = folder + "-away";

        // The data folder vanishes (a disk unmounted): with no pooled connection left, opening tdkt.db fails.
        Directory.Move(folder, away);
        SqliteConnection.ClearAllPools();
        (int Status, JsonElement Body) down;
        try
        {
            down = await OperationsEndpoints.HealthAsync(listen);
        }
        finally
        {
            Directory.Move(away, folder);
        }

        var (backStatus, back) = await OperationsEndpoints.HealthAsync(listen);

        Assert.Equal(503, down.Status);
        Assert.False(down.Body.GetProperty("storeReachable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, down.Body.GetProperty("pendingDeliveries").ValueKind);
        Assert.Equal(JsonValueKind.Null, down.Body.GetProperty("oldestPendingAgeSeconds").ValueKind);
        Assert.False(string.IsNullOrEmpty(down.Body.GetProperty("instance").GetString()));
        Assert.Equal(200, backStatus);
        Assert.True(back.GetProperty("storeReachable").GetBoolean());
    }

    [Fact]
    public async Task Healthz_reports_standby_for_a_messenger_this_instance_does_not_lead_and_the_default_instance_id()
    {
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock, OperationsEndpoints.Settings(out var listen),
            configureServices: services => services.AddSingleton<IReceiverLeadership>(new LeaderOf(Messenger.Zalo)));

        var (status, body) = await OperationsEndpoints.HealthAsync(listen);

        Assert.Equal(200, status);
        Assert.Equal("standby", body.GetProperty("receiving").GetProperty("telegram").GetString());
        Assert.Equal("leader", body.GetProperty("receiving").GetProperty("zalo").GetString());
        Assert.Equal($"{Environment.MachineName}-{Environment.ProcessId}", body.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Other_paths_and_methods_are_refused()
    {
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock, OperationsEndpoints.Settings(out var listen));
        using var http = new HttpClient();

        using var missing = await http.GetAsync(new Uri(listen + "/"));
        using var posted = await http.PostAsync(new Uri(listen + "/healthz"), new StringContent("{}"));

        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal(405, (int)posted.StatusCode);
    }

    /// <summary>Stands in for the leader lease of several instances: this one leads only <paramref name="led"/>.</summary>
    private sealed class LeaderOf(Messenger led) : IReceiverLeadership
    {
        public ReceiverRole RoleOf(Messenger messenger) => messenger == led ? ReceiverRole.Leader : ReceiverRole.Standby;
    }
}
