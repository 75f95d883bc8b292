using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Messaging;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Hosting;
using TdktBot.Tests.Cli;
using TdktBot.Store;
using TdktBot.Plans;
using TdktBot.Reminders;
using TdktBot.Conversations;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Conversations;

/// <summary>The real conversation engine over a real store loaded with the Hoa Thám plan, on a fake clock.</summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TempFolder _folder = new();

    private EngineUnderTest(DateTimeOffset now, IReadOnlyDictionary<string, string?>? extra)
    {
        Clock = new FakeTimeProvider(now);
        var values = new Dictionary<string, string?> { ["Data:Folder"] = _folder.Path };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var settings = CliRun.Settings(values);
        _provider = new ServiceCollection()
            .AddLogging()
            .AddClock(Clock)
            .AddStore(settings)
            .AddPlans(settings)
            .AddReminderPolicy(settings)
            .AddConversations(settings)
            .BuildServiceProvider();
    }

    public FakeTimeProvider Clock { get; }

    public IConversation Engine => _provider.GetRequiredService<IConversation>();

    /// <param name="extra">Settings beside the store's folder, e.g. another plan file ("Plan:File").</param>
    public static async Task<EngineUnderTest> StartAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var engine = new EngineUnderTest(now, extra);
        await engine._provider.GetRequiredService<StoreMigrator>().MigrateAsync(CancellationToken.None);
        var outcome = await engine._provider.GetRequiredService<PlanStore>().LoadAsync(CancellationToken.None);
        Assert.True(outcome.Loaded, string.Join("\n", outcome.Messages));
        return engine;
    }

    public TdktDbContext Store() => _provider.GetRequiredService<IDbContextFactory<TdktDbContext>>().CreateDbContext();

    /// <summary>
    /// Links a private Telegram chat to a unit as an invite would: the chat, and the role of the person behind it (on
    /// Telegram a private chat's id is its person's id). Returns the address.
    /// </summary>
    public async Task<string> LinkAsync(string unit, ChatRole role, string address)
    {
        await using var db = Store();
        var unitId = await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync();
        db.Chats.Add(new Chat { Channel = Messenger.Telegram, Address = address, UnitId = unitId, DisplayName = unit, CreatedAt = Clock.GetUtcNow() });
        db.Members.Add(new Member { Channel = Messenger.Telegram, PersonId = address, UnitId = unitId, Role = role, DisplayName = unit, CreatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return address;
    }

    /// <summary>Links a Telegram group to a unit, with nobody holding a role in it yet. Returns the address.</summary>
    public async Task<string> LinkGroupAsync(string unit, string address)
    {
        await using var db = Store();
        var unitId = await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync();
        db.Chats.Add(new Chat { Channel = Messenger.Telegram, Address = address, UnitId = unitId, DisplayName = "Nhóm " + unit, IsGroup = true, CreatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return address;
    }

    /// <summary>Gives a Telegram user a role in a unit, as redeeming an invite in one of its groups would.</summary>
    public async Task GrantAsync(string person, string unit, ChatRole role)
    {
        await using var db = Store();
        var unitId = await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync();
        db.Members.Add(new Member { Channel = Messenger.Telegram, PersonId = person, UnitId = unitId, Role = role, CreatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    /// <summary>A message in a private chat: its person writes.</summary>
    public Task<Reply> SayAsync(string address, string text, bool fromButton = false) =>
        SayAsync(address, address, isGroup: false, text, fromButton);

    /// <summary>A message from <paramref name="person"/> in the chat at <paramref name="address"/>, answered with one reply.</summary>
    public async Task<Reply> SayAsync(string address, string person, bool isGroup, string text, bool fromButton = false) =>
        Assert.Single(await SayAllAsync(address, person, isGroup, text, fromButton));

    /// <summary>A message in a private chat, and every reply to it.</summary>
    public Task<IReadOnlyList<Reply>> SayAllAsync(string address, string text) => SayAllAsync(address, address, isGroup: false, text);

    private async Task<IReadOnlyList<Reply>> SayAllAsync(string address, string person, bool isGroup, string text, bool fromButton = false)
    {
        // People write seconds apart.
        Clock.Advance(TimeSpan.FromSeconds(5));
        return await Engine.HandleAsync(new IncomingMessage
        {
            Channel = Messenger.Telegram,
            ChatAddress = address,
            IsGroup = isGroup,
            SenderId = person,
            SenderName = "Người dùng " + person,
            Text = text,
            FromButton = fromButton,
        }, CancellationToken.None);
    }

    public async Task<ObligationStatus> StatusAsync(string unit, string number)
    {
        await using var db = Store();
        return await db.Obligations.Where(o => o.Unit.Name == unit && o.Target.Number == number).Select(o => o.Status).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
