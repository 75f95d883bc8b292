using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Worker;

/// <summary><c>plan reload</c> as the office types it, on a scratch data folder and an editable copy of the plan.</summary>
public sealed class PlanReloadCommandTests : IDisposable
{
    private readonly PlanFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Reload_loads_the_plan_says_what_changed_and_a_second_run_changes_nothing()
    {
        var first = Reload("2026-01-05T09:00");

        // 19 tasks and 2 deadlines; 130 units named on the tasks, 16 owing D1 and the 3 schools owing D2.
        Assert.Equal((0, string.Empty), (first.ExitCode, first.Error));
        Assert.Equal(
            "Kế hoạch năm 2026: thêm 21 mục, bỏ 0 mục, đổi hạn 0 mục; thêm 149 nghĩa vụ của đơn vị, bỏ 0.\n"
            + "Đã nạp lại kế hoạch. Bot đang chạy sẽ dùng lịch mới từ lần quét nhắc việc tiếp theo.\n",
            first.Output);
        var loaded = await _folder.SnapshotAsync();

        var second = Reload("2026-01-06T09:00");

        Assert.Equal((0, string.Empty), (second.ExitCode, second.Error));
        Assert.StartsWith("Kế hoạch năm 2026: không có gì thay đổi.\n", second.Output, StringComparison.Ordinal);
        Assert.Equal(StoreOnly(loaded), StoreOnly(await _folder.SnapshotAsync()));
    }

    [Fact]
    public async Task Reload_after_moving_a_due_date_says_so_and_keeps_every_status()
    {
        Assert.Equal(0, Reload("2026-01-05T09:00").ExitCode);
        await using (var db = _folder.OpenStore())
        {
            var o = await db.Obligations.SingleAsync(x => x.Unit.Name == "Trường THCS Hoa Thám" && x.Target.Number == "D2");
            o.Status = ObligationStatus.Submitted;
            await db.SaveChangesAsync();
        }

        _folder.MoveDeadline("D2", "2026-10-20");
        var run = Reload("2026-01-06T09:00");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Kế hoạch năm 2026: thêm 0 mục, bỏ 0 mục, đổi hạn 1 mục; thêm 0 nghĩa vụ của đơn vị, bỏ 0.\n", run.Output, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 10, 20), await _folder.DueInStoreAsync("D2"));
        Assert.Equal(
            new Dictionary<string, ObligationStatus>
            {
                ["Trường Mầm non Hoa Thám"] = ObligationStatus.Pending,
                ["Trường THCS Hoa Thám"] = ObligationStatus.Submitted,
                ["Trường Tiểu học Hoa Thám"] = ObligationStatus.Pending,
            },
            await _folder.StatusesAsync("D2"));
    }

    [Fact]
    public async Task Reload_of_a_broken_plan_names_the_file_and_line_exits_1_and_leaves_the_store_as_it_was()
    {
        Assert.Equal(0, Reload("2026-01-05T09:00").ExitCode);
        var before = await _folder.SnapshotAsync();
        var line = _folder.BreakDeadline("D2");

        var run = Reload("2026-01-06T09:00");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.Output));
        Assert.StartsWith($"Lỗi ({PlanFolder.PlanName}, dòng {line}): Cú pháp YAML sai: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Chưa nạp lại kế hoạch: bot tiếp tục dùng lịch đã nạp trước đó. Hãy sửa các lỗi trên rồi lưu lại tệp.", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _folder.SnapshotAsync());
    }

    [Fact]
    public void Reload_with_a_missing_unit_directory_names_it_and_exits_1()
    {
        File.Delete(_folder.UnitsFile);

        var run = Reload("2026-01-05T09:00");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Không tìm thấy tệp danh sách đơn vị «{_folder.UnitsFile}»", run.Error, StringComparison.Ordinal);
        Assert.Contains("Plan:UnitsFile", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_dropped_from_the_settings_stops_being_reminded_and_a_year_without_days_off_is_flagged()
    {
        Assert.Equal(0, Reload("2026-01-05T09:00").ExitCode);
        var plan2027 = Path.Combine(_folder.Folder, "ke-hoach-2027.yaml");
        File.WriteAllText(plan2027, File.ReadAllText(_folder.PlanFile)
            .Replace("year: 2026", "year: 2027", StringComparison.Ordinal)
            .Replace("due: 2026-", "due: 2027-", StringComparison.Ordinal));
        var settings = _folder.Settings();
        settings["Plan:File"] = plan2027;

        var run = CliRun.With(settings, "plan", "reload", "--now", "2026-12-20T09:00");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Lưu ý: chưa có ngày nghỉ Tết, lễ của năm 2027 (cấu hình Calendar:Years:2027)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch năm 2026 không còn trong cấu hình Plan: bot ngừng nhắc các việc của năm đó.", run.Output, StringComparison.Ordinal);
        await using var db = _folder.OpenStore();
        Assert.False(await db.Targets.AnyAsync(t => t.Plan.Year == 2026 && t.InPlan));
        Assert.Equal(21, await db.Targets.CountAsync(t => t.Plan.Year == 2027 && t.InPlan));
        Assert.True(await db.Obligations.AnyAsync(o => o.Target.Plan.Year == 2026), "history is kept");
    }

    [Fact]
    public async Task A_reload_that_would_drop_most_of_the_plan_is_held_the_office_is_told_once_and_accept_shrink_applies_it()
    {
        Assert.Equal(0, Reload("2026-01-05T09:00").ExitCode);
        Assert.Equal(0, OfficeChat("2026-01-05T09:00", string.Empty).ExitCode);
        var before = await _folder.SnapshotAsync();
        _folder.CutBeforeTask("7");
        const string Counts = $"tệp «{PlanFolder.PlanName}» có 6 mục, lịch đang dùng có 21 mục, nạp lại sẽ bỏ 15 mục (hết mọi việc của quý II, III, IV)";

        var held = Reload("2026-01-06T09:00");
        var again = Reload("2026-01-06T10:00");

        Assert.Equal((1, string.Empty), (held.ExitCode, held.Output));
        Assert.Equal(
            $"Chưa nạp lại kế hoạch năm 2026: {Counts}. Bot giữ lịch cũ và đã báo văn phòng. Nếu tệp bị cắt cụt hoặc lưu nhầm, hãy khôi phục tệp; "
            + "nếu đúng là muốn bỏ các mục đó, chạy «plan reload --accept-shrink» hoặc gửi /apdung cho bot.\n",
            held.Error);
        Assert.Equal((1, held.Error), (again.ExitCode, again.Error));
        Assert.Equal(before, await _folder.SnapshotAsync());
        await using (var db = _folder.OpenStore())
        {
            var notice = await db.Deliveries.Where(d => d.Kind == "notice").Include(d => d.Chat).SingleAsync();
            Assert.Equal("Phòng Văn hóa - Xã hội", notice.Chat.Address);
            Assert.Equal(
                $"⚠️ Bot chưa nạp lại kế hoạch năm 2026: {Counts}.\nBot vẫn nhắc việc theo lịch cũ. Nếu tệp bị cắt cụt hoặc lưu nhầm, hãy khôi phục tệp; "
                + "bot sẽ tự nạp lại. Nếu đúng là muốn bỏ các mục đó, bấm «Áp dụng» hoặc gửi /apdung.",
                notice.Text);
            Assert.Equal("Áp dụng|/apdung", notice.Buttons);
        }

        var accepted = CliRun.With(_folder.Settings(), "plan", "reload", "--accept-shrink", "--now", "2026-01-06T11:00");

        Assert.Equal((0, string.Empty), (accepted.ExitCode, accepted.Error));
        Assert.StartsWith(
            $"Đã áp dụng theo yêu cầu: kế hoạch năm 2026, {Counts}.\n"
            + "Kế hoạch năm 2026: thêm 0 mục, bỏ 15 mục, đổi hạn 0 mục; ",
            accepted.Output, StringComparison.Ordinal);
        await using (var db = _folder.OpenStore())
        {
            Assert.Equal(["1", "2", "3", "4", "5", "6"], await db.Targets.Where(t => t.InPlan).OrderBy(t => t.Id).Select(t => t.Number).ToListAsync());
        }
    }

    [Fact]
    public async Task A_reload_that_empties_a_quarter_is_held_while_dropping_one_task_is_not()
    {
        Assert.Equal(0, Reload("2026-01-05T09:00").ExitCode);
        var whole = File.ReadAllText(_folder.PlanFile);

        _folder.RemoveTasks("13", "15");
        var quarter = Reload("2026-01-06T09:00");

        Assert.Equal(1, quarter.ExitCode);
        Assert.StartsWith(
            $"Chưa nạp lại kế hoạch năm 2026: tệp «{PlanFolder.PlanName}» có 19 mục, lịch đang dùng có 21 mục, nạp lại sẽ bỏ 2 mục (hết mọi việc của quý III).",
            quarter.Error, StringComparison.Ordinal);

        File.WriteAllText(_folder.PlanFile, whole);
        _folder.RemoveTasks("13");
        var one = Reload("2026-01-06T10:00");

        Assert.Equal((0, string.Empty), (one.ExitCode, one.Error));
        Assert.StartsWith("Kế hoạch năm 2026: thêm 0 mục, bỏ 1 mục, ", one.Output, StringComparison.Ordinal);
        await using var db = _folder.OpenStore();
        Assert.Equal(20, await db.Targets.CountAsync(t => t.InPlan));
    }

    [Fact]
    public async Task The_office_applies_a_held_reload_by_sending_apdung_and_a_unit_head_may_not()
    {
        Assert.Equal(0, Reload("2026-01-05T09:00").ExitCode);
        _folder.CutBeforeTask("7");

        var head = CliRun.WithInput(_folder.Settings(), "/apdung\n", "chat", "--as", "Trường THCS Hoa Thám", "--now", "2026-01-06T09:00");
        await using (var db = _folder.OpenStore())
        {
            Assert.Equal(21, await db.Targets.CountAsync(t => t.InPlan));
        }

        var office = OfficeChat("2026-01-06T09:30", "/apdung\n");

        Assert.Contains(ReplyTexts.OfficeOnly, head.Output, StringComparison.Ordinal);
        Assert.Equal(0, office.ExitCode);
        Assert.Contains("✅ Đã áp dụng tệp kế hoạch.\nĐã áp dụng theo yêu cầu: kế hoạch năm 2026, ", office.Output, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch năm 2026: thêm 0 mục, bỏ 15 mục, ", office.Output, StringComparison.Ordinal);
        await using (var db = _folder.OpenStore())
        {
            Assert.Equal(6, await db.Targets.CountAsync(t => t.InPlan));
        }

        var nothing = OfficeChat("2026-01-06T10:00", "/apdung\n");
        Assert.Contains(ReplyTexts.NothingHeld, nothing.Output, StringComparison.Ordinal);
    }

    private CliRun OfficeChat(string now, string input) =>
        CliRun.WithInput(_folder.Settings(), input, "chat", "--as", "Phòng Văn hóa - Xã hội", "--now", now);

    private CliRun Reload(string now) => CliRun.With(_folder.Settings(), "plan", "reload", "--now", now);

    // The plan row records when it was last loaded; everything else must be exactly as before.
    private static string StoreOnly(string snapshot) => string.Join('\n', snapshot.Split('\n').Skip(1));
}
