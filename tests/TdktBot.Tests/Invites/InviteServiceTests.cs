using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Testing;
using TdktBot.Data;
using TdktBot.Plans;

namespace TdktBot.Tests.Invites;

public sealed class InviteServiceTests : IAsyncLifetime, IDisposable
{
    private readonly TestStore _store = new();
    private readonly FakeTimeProvider _time = new(TestStore.Local(2026, 3, 2, 9));
    private TdktDbContext _db = null!;
    private long _school;

    public async Task InitializeAsync()
    {
        _db = await _store.MigratedAsync();
        await new PlanSync(_db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", TestStore.Local(2026, 1, 2));
        _school = await _db.Units.Where(u => u.Name == "Trường THCS Hoa Thám").Select(u => u.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public void Dispose() => _store.Dispose();

    private InviteService Service => new(_db, _time, new InviteOptions());

    [Fact]
    public async Task A_code_links_the_chat_to_its_unit_and_role_and_only_its_hash_is_stored()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Head, "Phòng VH-XH");

        Assert.Matches("^[A-HJKMNP-Z2-9]{10}$", created.Code);
        Assert.DoesNotContain(created.Code, await _db.Invites.Select(i => i.CodeHash).SingleAsync(), StringComparison.Ordinal);

        var redeemed = await Service.RedeemAsync("telegram", "5001", "Cô Lan", created.Code.ToLowerInvariant());

        Assert.Equal(RedeemStatus.Linked, redeemed.Status);
        await using var check = _store.Open();
        var chat = await check.Chats.Include(c => c.Unit).SingleAsync(c => c.Address == "5001");
        Assert.Equal(("Trường THCS Hoa Thám", ChatRole.Head, "Cô Lan", true), (chat.Unit!.Name, chat.Role, chat.DisplayName, chat.Active));
        Assert.Equal(1, await check.Audit.CountAsync(a => a.Action == "chat.link"));
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Staff, "Phòng VH-XH");
        Assert.Equal(RedeemStatus.Linked, (await Service.RedeemAsync("telegram", "5001", null, created.Code)).Status);

        var second = await Service.RedeemAsync("telegram", "5002", null, created.Code);

        Assert.Equal(RedeemStatus.Used, second.Status);
        Assert.False(await _db.Chats.AnyAsync(c => c.Address == "5002"));
    }

    [Fact]
    public async Task A_code_expires_after_seven_days()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Head, "Phòng VH-XH");
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Equal(RedeemStatus.Expired, (await Service.RedeemAsync("telegram", "5001", null, created.Code)).Status);
        Assert.Empty(await Service.OpenAsync());
    }

    [Fact]
    public async Task Guessing_is_throttled_per_chat_even_for_a_right_code_and_eases_after_an_hour()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Head, "Phòng VH-XH");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RedeemStatus.Unknown, (await Service.RedeemAsync("telegram", "666", null, $"WRONGCODE{i}")).Status);
        }

        Assert.Equal(RedeemStatus.Throttled, (await Service.RedeemAsync("telegram", "666", null, created.Code)).Status);
        Assert.Equal(RedeemStatus.Linked, (await Service.RedeemAsync("telegram", "777", null, created.Code)).Status);

        var other = await Service.CreateAsync(_school, ChatRole.Head, "Phòng VH-XH");
        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(RedeemStatus.Linked, (await Service.RedeemAsync("telegram", "666", null, other.Code)).Status);
    }
}
