using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Core.Access;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Testing;
using TdktBot.Data;
using TdktBot.Plans;
using TdktBot.Obligations;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Invites;

public abstract class InviteServiceTests(TestStore store) : IAsyncLifetime
{
    private static readonly Actor Office = new("Phòng VH-XH", null, Role.Office) { Id = "telegram:9001" };
    private readonly TestStore _store = store;
    private readonly FakeTimeProvider _time = new(TestStore.Local(2026, 3, 2, 9));
    private TdktDbContext _db = null!;
    private long _school;

    public async Task InitializeAsync()
    {
        _db = await _store.MigratedAsync();
        await new PlanSync(_db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", TestStore.Local(2026, 1, 2));
        _school = await _db.Units.Where(u => u.Name == "Trường THCS Hoa Thám").Select(u => u.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _store.Dispose();
    }

    private InviteService Service => new(_db, _time, new InviteOptions());

    [Fact]
    public async Task A_code_links_the_chat_to_its_unit_and_role_and_only_its_hash_is_stored()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Head, Office);

        Assert.Matches("^[A-HJKMNP-Z2-9]{10}$", created.Code);
        Assert.DoesNotContain(created.Code, await _db.Invites.Select(i => i.CodeHash).SingleAsync(), StringComparison.Ordinal);

        var redeemed = await Service.RedeemAsync(Messenger.Telegram, "5001", "Cô Lan", "5001", "Cô Lan", created.Code.ToLowerInvariant());

        Assert.Equal(RedeemStatus.Linked, redeemed.Status);
        await using var check = _store.Open();
        var chat = await check.Chats.Include(c => c.Unit).SingleAsync(c => c.Address == "5001");
        Assert.Equal(("Trường THCS Hoa Thám", "Cô Lan", true), (chat.Unit!.Name, chat.DisplayName, chat.Active));
        var member = await check.Members.Include(m => m.Unit).SingleAsync();
        Assert.Equal((Messenger.Telegram, "5001", "Trường THCS Hoa Thám", ChatRole.Head, "Cô Lan", created.Invite.Id),
            (member.Channel, member.PersonId, member.Unit.Name, member.Role, member.DisplayName, member.InviteId));
        var link = await check.Audit.SingleAsync(a => a.Action == "chat.link");
        Assert.Equal(("Cô Lan", "telegram:5001"), (link.Actor, link.ActorId));
        var invite = await check.Audit.SingleAsync(a => a.Action == "invite.create");
        Assert.Equal(("Phòng VH-XH", "telegram:9001"), (invite.Actor, invite.ActorId));
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Staff, Office);
        Assert.Equal(RedeemStatus.Linked, (await Service.RedeemAsync(Messenger.Telegram, "5001", null, "5001", null, created.Code)).Status);

        var second = await Service.RedeemAsync(Messenger.Telegram, "5002", null, "5002", null, created.Code);

        Assert.Equal(RedeemStatus.Used, second.Status);
        Assert.False(await _db.Chats.AnyAsync(c => c.Address == "5002"));
    }

    [Fact]
    public async Task A_code_expires_after_seven_days()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Head, Office);
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Equal(RedeemStatus.Expired, (await Service.RedeemAsync(Messenger.Telegram, "5001", null, "5001", null, created.Code)).Status);
        Assert.Empty(await Service.OpenAsync());
    }

    [Fact]
    public async Task Guessing_is_throttled_per_chat_even_for_a_right_code_and_eases_after_an_hour()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Head, Office);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RedeemStatus.Unknown, (await Service.RedeemAsync(Messenger.Telegram, "666", null, "666", null, $"WRONGCODE{i}")).Status);
        }

        Assert.Equal(RedeemStatus.Throttled, (await Service.RedeemAsync(Messenger.Telegram, "666", null, "666", null, created.Code)).Status);
        Assert.Equal(RedeemStatus.Linked, (await Service.RedeemAsync(Messenger.Telegram, "777", null, "777", null, created.Code)).Status);

        var other = await Service.CreateAsync(_school, ChatRole.Head, Office);
        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(RedeemStatus.Linked, (await Service.RedeemAsync(Messenger.Telegram, "666", null, "666", null, other.Code)).Status);
    }

    [Fact]
    public async Task Wrong_codes_older_than_a_day_are_pruned_when_another_is_recorded()
    {
        await Service.RedeemAsync(Messenger.Telegram, "666", null, "666", null, "WRONGCODE1");
        _time.Advance(TimeSpan.FromHours(23));
        await Service.RedeemAsync(Messenger.Telegram, "667", null, "667", null, "WRONGCODE2");
        _time.Advance(TimeSpan.FromHours(2));

        await Service.RedeemAsync(Messenger.Telegram, "668", null, "668", null, "WRONGCODE3");

        await using var check = _store.Open();
        Assert.Equal(["667", "668"], await check.InviteFailures.OrderBy(f => f.Id).Select(f => f.Address).ToListAsync());
    }

    [Fact]
    public async Task A_code_sent_in_a_group_links_the_group_and_gives_the_role_to_its_sender_only()
    {
        var created = await Service.CreateAsync(_school, ChatRole.Head, Office);

        var redeemed = await Service.RedeemAsync(Messenger.Telegram, "-1001", "Nhóm THCS Hoa Thám", "5001", "Thầy Hiệu trưởng", created.Code);

        Assert.Equal((RedeemStatus.Linked, "5001", ChatRole.Head), (redeemed.Status, redeemed.Member!.PersonId, redeemed.Member.Role));
        await using var check = _store.Open();
        var group = await check.Chats.SingleAsync();
        Assert.Equal(("-1001", _school, "Nhóm THCS Hoa Thám"), (group.Address, group.UnitId, group.DisplayName));
        var member = await check.Members.SingleAsync();
        Assert.Equal(("5001", _school, ChatRole.Head, "Thầy Hiệu trưởng"), (member.PersonId, member.UnitId, member.Role, member.DisplayName));
    }

    [Fact]
    public async Task A_later_invite_replaces_the_persons_role_in_that_unit()
    {
        var head = await Service.CreateAsync(_school, ChatRole.Head, Office);
        var staff = await Service.CreateAsync(_school, ChatRole.Staff, Office);
        await Service.RedeemAsync(Messenger.Telegram, "5001", "Cô Lan", "5001", "Cô Lan", head.Code);

        await Service.RedeemAsync(Messenger.Telegram, "-1001", "Nhóm THCS Hoa Thám", "5001", "Cô Lan", staff.Code);

        await using var check = _store.Open();
        var member = await check.Members.SingleAsync();
        Assert.Equal((ChatRole.Staff, staff.Invite.Id), (member.Role, member.InviteId));
    }

    [Theory]
    [InlineData(Role.Stranger)]
    [InlineData(Role.Staff)]
    [InlineData(Role.Head)]
    public async Task Only_someone_the_access_policy_lets_invite_can_make_a_code(Role role)
    {
        var writer = new Actor("Cán bộ VH-XH", null, role) { Id = "telegram:7003" };

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service.CreateAsync(_school, ChatRole.Office, writer));

        await using var check = _store.Open();
        Assert.Empty(await check.Invites.ToListAsync());
    }

    public sealed class OnSqlite() : InviteServiceTests(new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : InviteServiceTests(new TestStore(postgres));
}
