using Microsoft.EntityFrameworkCore;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Core.Conversations;

namespace TdktBot.Data.Tests;

/// <summary>
/// The number conversations keep their copy of the store by: every insert, update and delete in the tables they read
/// moves it, in the writer's transaction, whichever context or process writes, and nothing else does. It is read here
/// through a context of its own, as another process would. On SQLite and on PostgreSQL.
/// </summary>
public abstract class StoreVersionTests(Func<TestStore> newStore)
{
    [Fact]
    public async Task Every_change_to_units_plans_targets_obligations_chats_and_members_moves_the_version_and_other_writes_do_not()
    {
        using var store = newStore();
        await using var db = await store.MigratedAsync();
        var version = new VersionReader(store);
        var now = TestStore.Local(2026, 1, 20, 9);

        async Task Moves(string what, Func<Task> change)
        {
            var before = await version.ReadAsync();
            await change();
            Assert.True(await version.ReadAsync() > before, $"{what} did not move the store's version.");
        }

        var unit = new UnitRecord { Name = "Trường THCS Hoa Thám" };
        var plan = new PlanRecord { Year = 2026, LoadedAt = now };
        var target = new PlanTarget { Plan = plan, Number = "D1", Content = "Gửi kế hoạch", Due = new DateOnly(2026, 1, 30) };
        var obligation = new Obligation { Target = target, Unit = unit, ScheduleFrom = now };
        var chat = new Chat { Channel = Messenger.Telegram, Address = "100", Unit = unit, CreatedAt = now };
        var member = new Member { Channel = Messenger.Telegram, PersonId = "100", Unit = unit, Role = ChatRole.Head, CreatedAt = now };

        await Moves("A new unit", async () => { db.Units.Add(unit); await db.SaveChangesAsync(); });
        await Moves("A new plan", async () => { db.Plans.Add(plan); await db.SaveChangesAsync(); });
        await Moves("A new target", async () => { db.Targets.Add(target); await db.SaveChangesAsync(); });
        await Moves("A new obligation", async () => { db.Obligations.Add(obligation); await db.SaveChangesAsync(); });
        await Moves("A new chat", async () => { db.Chats.Add(chat); await db.SaveChangesAsync(); });
        await Moves("A new member", async () => { db.Members.Add(member); await db.SaveChangesAsync(); });

        await Moves("A renamed unit", async () => { unit.Name = "Trường THCS Hoa Thám (mới)"; await db.SaveChangesAsync(); });
        await Moves("A retitled plan", async () => { plan.Title = "Kế hoạch TĐKT 2026"; await db.SaveChangesAsync(); });
        await Moves("A target out of the plan", async () => { target.InPlan = false; await db.SaveChangesAsync(); });
        await Moves("A confirmation", async () => { obligation.Status = ObligationStatus.Submitted; await db.SaveChangesAsync(); });
        await Moves("A blocked chat", async () => { chat.Active = false; await db.SaveChangesAsync(); });
        await Moves("A new role", async () => { member.Role = ChatRole.Office; await db.SaveChangesAsync(); });

        // Another process, as the command line is: its own context.
        await using (var other = store.Open())
        {
            var own = await other.Obligations.SingleAsync();
            await Moves("Another process's change", async () => { own.Status = ObligationStatus.Pending; await other.SaveChangesAsync(); });
            await Moves("A bulk update that says so", async () =>
            {
                await other.Obligations.ExecuteUpdateAsync(u => u.SetProperty(o => o.Note, "ghi chú"));
                await other.MarkChangedAsync();
            });
        }

        await db.Entry(obligation).ReloadAsync();
        var unchanged = await version.ReadAsync();
        db.Deliveries.Add(Delivery.Pending("notice:1", "notice", chat.Id, "Thông báo", now));
        db.Audit.Add(new AuditEntry { At = now, Actor = "bot", Action = "test", Subject = "chat:1" });
        await db.SaveChangesAsync();
        Assert.Equal(unchanged, await version.ReadAsync());

        await Moves("A deleted chat", async () => { db.Deliveries.RemoveRange(db.Deliveries); db.Chats.Remove(chat); await db.SaveChangesAsync(); });
        await Moves("A deleted member", async () => { db.Members.Remove(member); await db.SaveChangesAsync(); });
        await Moves("A deleted obligation", async () => { db.Obligations.Remove(obligation); await db.SaveChangesAsync(); });
        await Moves("A deleted target", async () => { db.Targets.Remove(target); await db.SaveChangesAsync(); });
        await Moves("A deleted plan", async () => { db.Plans.Remove(plan); await db.SaveChangesAsync(); });
        await Moves("A deleted unit", async () => { db.Units.Remove(unit); await db.SaveChangesAsync(); });
    }

    [Fact]
    public async Task A_change_rolled_back_leaves_the_version_where_it_was()
    {
        using var store = newStore();
        await using var db = await store.MigratedAsync();
        var version = new VersionReader(store);
        var before = await version.ReadAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Units.Add(new UnitRecord { Name = "Trạm Y tế xã" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await version.ReadAsync());
    }

    private sealed class VersionReader(TestStore store)
    {
        public async Task<long> ReadAsync()
        {
            await using var db = store.Open();
            return await db.ReadVersionAsync();
        }
    }

    public sealed class OnSqlite() : StoreVersionTests(() => new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : StoreVersionTests(() => new TestStore(postgres));
}
