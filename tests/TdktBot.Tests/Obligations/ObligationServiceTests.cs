using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Obligations;
using TdktBot.Testing;
using TdktBot.Data;
using TdktBot.Plans;

namespace TdktBot.Tests.Obligations;

public abstract class ObligationServiceTests(TestStore store) : IAsyncLifetime
{
    private const string School = "Trường THCS Hoa Thám";
    private const string Kindergarten = "Trường Mầm non Hoa Thám";
    private readonly TestStore _store = store;
    private readonly FakeTimeProvider _time = new(TestStore.Local(2026, 10, 12, 9));
    private TdktDbContext _db = null!;
    private Actor _schoolHead = null!;
    private Actor _office = null!;

    public async Task InitializeAsync()
    {
        _db = await _store.MigratedAsync();
        await new PlanSync(_db).LoadAsync(TestStore.HoaTham(), TestStore.Directory2026, "plan.yaml", TestStore.Local(2026, 1, 2));
        _schoolHead = new Actor("Hiệu trưởng THCS", await UnitIdAsync(School), Role.Head) { Id = "telegram:5001" };
        _office = new Actor("Phòng VH-XH", await UnitIdAsync("Phòng Văn hóa - Xã hội"), Role.Office) { Id = "zalo:z-9" };
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _store.Dispose();
    }

    private ObligationService Service => new(_db, _time, TestStore.Vietnam);

    [Fact]
    public async Task Confirming_records_who_and_when_and_writes_the_audit_trail()
    {
        var o = await _db.ObligationAsync("D2", School);

        var change = await Service.ConfirmAsync(o.Id, _schoolHead, "Gửi qua email");

        Assert.True(change.Done, change.Message);
        Assert.Contains("Đã ghi nhận", change.Message, StringComparison.Ordinal);
        await using var check = _store.Open();
        var stored = await check.Obligations.SingleAsync(x => x.Id == o.Id);
        Assert.Equal((ObligationStatus.Submitted, "Hiệu trưởng THCS", _time.GetUtcNow(), "Gửi qua email"),
            (stored.Status, stored.StatusChangedBy, stored.StatusChangedAt, stored.Note));
        var audit = await check.Audit.SingleAsync(a => a.Action == "obligation.confirm");
        Assert.Equal(("Hiệu trưởng THCS", "telegram:5001"), (audit.Actor, audit.ActorId));
        Assert.Contains("Pending → Submitted", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_twice_is_refused_with_the_date_of_the_first_confirmation()
    {
        var o = await _db.ObligationAsync("D2", School);
        Assert.True((await Service.ConfirmAsync(o.Id, _schoolHead)).Done);

        var again = await Service.ConfirmAsync(o.Id, _schoolHead);

        Assert.False(again.Done);
        Assert.Contains("đã xác nhận nộp", again.Message, StringComparison.Ordinal);
        Assert.Contains("12/10/2026", again.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _db.Audit.CountAsync(a => a.Action == "obligation.confirm"));
    }

    [Fact]
    public async Task Confirming_for_another_unit_is_refused_and_changes_nothing()
    {
        var other = await _db.ObligationAsync("D2", Kindergarten);

        var change = await Service.ConfirmAsync(other.Id, _schoolHead);

        Assert.False(change.Done);
        Assert.Contains("không thuộc Trường Mầm non Hoa Thám", change.Message, StringComparison.Ordinal);
        await using var check = _store.Open();
        Assert.Equal(ObligationStatus.Pending, (await check.Obligations.SingleAsync(x => x.Id == other.Id)).Status);
    }

    [Fact]
    public async Task Undo_works_the_same_day_only()
    {
        var o = await _db.ObligationAsync("D2", School);
        await Service.ConfirmAsync(o.Id, _schoolHead);

        _time.Advance(TimeSpan.FromHours(5));
        var undo = await Service.UndoAsync(o.Id, _schoolHead);
        Assert.True(undo.Done, undo.Message);
        Assert.Equal(ObligationStatus.Pending, undo.Obligation!.Status);

        await Service.ConfirmAsync(o.Id, _schoolHead);
        _time.Advance(TimeSpan.FromHours(12)); // 02:00 the next morning in Vietnam
        var late = await Service.UndoAsync(o.Id, _schoolHead);
        Assert.False(late.Done);
        Assert.Contains("trong ngày", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_office_accepts_or_returns_and_an_accepted_submission_is_final()
    {
        var o = await _db.ObligationAsync("D2", School);
        await Service.ConfirmAsync(o.Id, _schoolHead);

        var byUnit = await Service.AcceptAsync(o.Id, _schoolHead);
        Assert.False(byUnit.Done);
        Assert.Equal(ReplyTexts.OfficeOnly, byUnit.Message);
        Assert.Equal(ReplyTexts.OfficeOnly, (await Service.ReturnAsync(o.Id, _schoolHead, "Thiếu chữ ký")).Message);

        Assert.True((await Service.AcceptAsync(o.Id, _office)).Done);
        Assert.False((await Service.UndoAsync(o.Id, _schoolHead)).Done);
        Assert.False((await Service.ReturnAsync(o.Id, _office, "Thiếu chữ ký")).Done);
        Assert.False((await Service.ConfirmAsync(o.Id, _schoolHead)).Done);
    }

    [Fact]
    public async Task Staff_of_the_unit_neither_confirm_nor_take_back_and_change_nothing()
    {
        var o = await _db.ObligationAsync("D2", School);
        var staff = new Actor("Cán bộ THCS", _schoolHead.UnitId, Role.Staff) { Id = "telegram:5002" };

        var confirm = await Service.ConfirmAsync(o.Id, staff);
        Assert.Equal((false, ReplyTexts.HeadOnly), (confirm.Done, confirm.Message));
        Assert.True((await Service.ConfirmAsync(o.Id, _schoolHead)).Done);
        var undo = await Service.UndoAsync(o.Id, staff);
        Assert.Equal((false, ReplyTexts.HeadOnlyUndo), (undo.Done, undo.Message));

        await using var check = _store.Open();
        Assert.Equal(ObligationStatus.Submitted, (await check.Obligations.SingleAsync(x => x.Id == o.Id)).Status);
        Assert.Equal(["obligation.confirm"], await check.Audit.Where(a => a.Subject == $"obligation:{o.Id}").Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_returned_submission_is_owed_again_and_can_be_confirmed_again()
    {
        var o = await _db.ObligationAsync("D2", School);
        await Service.ConfirmAsync(o.Id, _schoolHead);

        var returned = await Service.ReturnAsync(o.Id, _office, "Thiếu chữ ký");
        Assert.True(returned.Done, returned.Message);
        Assert.True(returned.Obligation!.IsOwed);
        Assert.Equal("Thiếu chữ ký", returned.Obligation.Note);

        Assert.True((await Service.ConfirmAsync(o.Id, _schoolHead)).Done);
    }

    private Task<long> UnitIdAsync(string name) => _db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();

    public sealed class OnSqlite() : ObligationServiceTests(new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : ObligationServiceTests(new TestStore(postgres));
}
