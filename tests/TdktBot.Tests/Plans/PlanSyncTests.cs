using Microsoft.EntityFrameworkCore;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Plans;

namespace TdktBot.Tests.Plans;

public abstract class PlanSyncTests(Func<TestStore> newStore)
{
    private static readonly DateTimeOffset January5 = TestStore.Local(2026, 1, 5);
    private const string Schools = "Trường THCS Hoa Thám";

    [Fact]
    public async Task Loading_the_Hoa_Tham_plan_stores_every_task_deadline_and_owing_unit()
    {
        using var store = newStore();
        await using var db = await store.MigratedAsync();

        var result = await new PlanSync(db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", January5);

        Assert.Equal(19 + 2, result.TargetsAdded);
        Assert.Equal(16, await db.Units.CountAsync());
        Assert.True(await db.Units.Where(u => u.Name == "Phòng Văn hóa - Xã hội").Select(u => u.IsOffice).SingleAsync());

        var d1 = await db.Targets.Include(t => t.Obligations).SingleAsync(t => t.Kind == TargetKind.Deadline && t.Number == "D1");
        Assert.Equal(new DateOnly(2026, 1, 30), d1.Due);
        Assert.Equal(16, d1.Obligations.Count);

        var d2 = await db.Targets.Include(t => t.Obligations).ThenInclude(o => o.Unit).SingleAsync(t => t.Number == "D2");
        Assert.Equal(new DateOnly(2026, 10, 15), d2.Due);
        Assert.Equal(
            ["Trường Mầm non Hoa Thám", "Trường THCS Hoa Thám", "Trường Tiểu học Hoa Thám"],
            d2.Obligations.Select(o => o.Unit.Name).Order(StringComparer.Ordinal));
        Assert.All(d2.Obligations, o => Assert.Equal((ObligationStatus.Pending, January5), (o.Status, o.ScheduleFrom)));
    }

    [Fact]
    public async Task Loading_the_same_plan_again_changes_nothing_and_keeps_statuses()
    {
        using var store = newStore();
        await using (var db = await store.MigratedAsync())
        {
            await new PlanSync(db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", January5);
            var o = await db.ObligationAsync("D2", Schools);
            o.Status = ObligationStatus.Submitted;
            await db.SaveChangesAsync();
        }

        await using (var db = store.Open())
        {
            var again = await new PlanSync(db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", January5.AddDays(3));
            Assert.False(again.ChangedAnything);
        }

        await using var check = store.Open();
        Assert.Equal(21, await check.Targets.CountAsync());
        var obligation = await check.ObligationAsync("D2", Schools);
        Assert.Equal(ObligationStatus.Submitted, obligation.Status);
        Assert.Equal(January5, obligation.ScheduleFrom);
        Assert.Equal(1, await check.Audit.CountAsync(a => a.Action == "plan.load"));
    }

    [Fact]
    public async Task A_moved_due_date_restarts_the_schedule_of_that_target_only()
    {
        using var store = newStore();
        await using (var db = await store.MigratedAsync())
        {
            await new PlanSync(db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", January5);
        }

        var reload = TestStore.Local(2026, 9, 1, 10);
        await using (var db = store.Open())
        {
            var moved = TestStore.HoaTham(text => text.Replace("due: 2026-10-15", "due: 2026-10-20", StringComparison.Ordinal));
            var result = await new PlanSync(db).LoadAsync(moved, TestStore.Directory2026, "plan.yaml", reload);
            Assert.Equal(1, result.DueDatesMoved);
            Assert.Equal(0, result.TargetsAdded);
        }

        await using var check = store.Open();
        var d2 = await check.ObligationAsync("D2", Schools);
        Assert.Equal((new DateOnly(2026, 10, 20), reload), (d2.Target.Due, d2.ScheduleFrom));
        var d1 = await check.ObligationAsync("D1", Schools);
        Assert.Equal(January5, d1.ScheduleFrom);
    }

    [Fact]
    public async Task A_task_dropped_from_the_plan_is_kept_out_of_the_schedule_but_not_deleted()
    {
        using var store = newStore();
        await using (var db = await store.MigratedAsync())
        {
            await new PlanSync(db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", January5);
        }

        await using (var db = store.Open())
        {
            var plan = TestStore.HoaTham();
            plan = plan with { Tasks = plan.Tasks.Where(t => t.Number != "21").ToList() };
            var result = await new PlanSync(db).LoadAsync(plan, TestStore.Directory2026, "plan.yaml", January5.AddDays(1));
            Assert.Equal(1, result.TargetsRemoved);
        }

        await using (var check = store.Open())
        {
            var task21 = await check.Targets.Include(t => t.Obligations).SingleAsync(t => t.Number == "21");
            Assert.False(task21.InPlan);
            Assert.NotEmpty(task21.Obligations);
        }

        await using (var db = store.Open())
        {
            var back = await new PlanSync(db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", January5.AddDays(2));
            Assert.Equal(0, back.TargetsAdded);
            Assert.True(await db.Targets.Where(t => t.Number == "21").Select(t => t.InPlan).SingleAsync());
        }
    }

    [Fact]
    public async Task A_unit_no_longer_responsible_stops_owing_and_comes_back_with_its_status()
    {
        using var store = newStore();
        await using (var db = await store.MigratedAsync())
        {
            await new PlanSync(db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", January5);
        }

        await using (var db = store.Open())
        {
            var plan = TestStore.HoaTham();
            plan = plan with { Deadlines = plan.Deadlines.Select(d => d.Id == "D2" ? d with { Units = d.Units.Where(u => u != Schools).ToList() } : d).ToList() };
            var result = await new PlanSync(db).LoadAsync(plan, TestStore.Directory2026, "plan.yaml", January5.AddDays(1));
            Assert.Equal(1, result.ObligationsDropped);
            Assert.False((await db.ObligationAsync("D2", Schools)).Active);
        }
    }

    public sealed class OnSqlite() : PlanSyncTests(() => new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : PlanSyncTests(() => new TestStore(postgres));
}
