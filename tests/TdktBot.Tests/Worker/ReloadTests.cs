using TdktBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Reminders;
using TdktBot.Tests.Cli;
using TdktBot.Tests.Reliability;

namespace TdktBot.Tests.Worker;

/// <summary>
/// The running bot on a fake clock while the office edits its plan file on disk: the worker notices the save,
/// reloads, keeps every status, moves the reminders, never repeats a step and survives a broken save.
/// </summary>
public sealed class ReloadTests : IDisposable
{
    private const string Office = "Phòng Văn hóa - Xã hội";
    private const string Kindergarten = "Trường Mầm non Hoa Thám";
    private const string Primary = "Trường Tiểu học Hoa Thám";
    private const string Secondary = "Trường THCS Hoa Thám";
    private static readonly string[] Schools = [Kindergarten, Secondary, Primary];

    private readonly PlanFolder _folder = new();
    private readonly RecordingLog _log = new();
    private FakeTimeProvider _clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 10, 1, 10));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Saving_a_new_due_date_while_running_reloads_the_plan_keeps_statuses_and_moves_the_coming_reminders()
    {
        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel);
        Assert.Equal(new DateOnly(2026, 10, 15), await _folder.DueInStoreAsync("D2"));
        await bot.ConfirmAsync(Kindergarten, "D2");
        var rows = await ObligationIdsAsync();

        _folder.MoveDeadlineAtomically("D2", "2026-10-20");
        await _folder.WaitForDueAsync("D2", new DateOnly(2026, 10, 20));

        Assert.Equal(rows, await ObligationIdsAsync());
        Assert.Equal(
            new Dictionary<string, ObligationStatus> { [Kindergarten] = ObligationStatus.Submitted, [Secondary] = ObligationStatus.Pending, [Primary] = ObligationStatus.Pending },
            await _folder.StatusesAsync("D2"));
        await using (var db = _folder.OpenStore())
        {
            var load = await db.Audit.Where(a => a.Action == "plan.load").OrderBy(a => a.Id).LastAsync();
            Assert.Equal("Kế hoạch năm 2026: thêm 0 mục, bỏ 0 mục, đổi hạn 1 mục; thêm 0 nghĩa vụ của đơn vị, bỏ 0.", load.Details);
        }

        await ReplayAsync(bot, new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 21));

        var expected = new[] { Day(10, 13), Day(10, 16), Day(10, 19), Day(10, 20), Day(10, 21) };
        Assert.Equal(new Dictionary<string, DateOnly[]> { [Secondary] = expected, [Primary] = expected }, DaysOf(channel, "D2"));
        Assert.All(channel.Received.Where(r => r.Text.Contains("NOP D2", StringComparison.Ordinal)), r =>
        {
            Assert.Contains("20/10/2026", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("15/10/2026", r.Text, StringComparison.Ordinal);
        });
        var escalation = Assert.Single(channel.Received, r => r.Address == Office && r.Text.StartsWith("Báo cáo trễ hạn", StringComparison.Ordinal)
            && r.Text.Contains("20/10/2026", StringComparison.Ordinal));
        Assert.Equal(BotUnderTest.Vn(2026, 10, 21, 8), escalation.At);
        Assert.Contains("2 đơn vị chưa xác nhận", escalation.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Kindergarten, escalation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_school_to_the_unit_directory_while_running_makes_it_owe_the_group_deadlines_and_it_is_reminded()
    {
        const string NewSchool = "Trường Mầm non Hoa Sen";
        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel);
        await bot.ConfirmAsync(Kindergarten, "D2");

        File.AppendAllText(_folder.UnitsFile, $"  - name: {NewSchool}\n    groups: [giao-duc]\n");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(await _folder.StatusesAsync("D2")).ContainsKey(NewSchool))
        {
            Assert.True(DateTime.UtcNow < deadline, "The new school owes nothing 10 s after the directory was saved.");
            await Task.Delay(50);
        }

        Assert.Equal(
            new Dictionary<string, ObligationStatus>
            {
                [Kindergarten] = ObligationStatus.Submitted, [Secondary] = ObligationStatus.Pending, [Primary] = ObligationStatus.Pending, [NewSchool] = ObligationStatus.Pending,
            },
            await _folder.StatusesAsync("D2"));
        Assert.Equal(ObligationStatus.Pending, (await _folder.StatusesAsync("D1"))[NewSchool]);

        await ReplayAsync(bot, new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 8));
        var reminded = channel.Received.Where(r => r.Text.Contains("NOP D2", StringComparison.Ordinal)).Select(r => r.Address).Order(StringComparer.Ordinal);
        Assert.Equal([NewSchool, Secondary, Primary], reminded);
    }

    [Fact]
    public async Task A_step_already_sent_is_not_sent_again_when_the_due_date_moves_later_and_the_remaining_steps_follow_the_new_date()
    {
        _clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 10, 7, 10));
        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel);
        await ReplayAsync(bot, new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 8));
        var sevenDays = channel.Received.Where(r => r.Text.Contains("NOP D2", StringComparison.Ordinal)).ToList();
        Assert.Equal(Schools.Order(StringComparer.Ordinal), sevenDays.Select(r => r.Address).Order(StringComparer.Ordinal));
        Assert.All(sevenDays, r => Assert.Contains("15/10/2026 (còn 7 ngày)", r.Text, StringComparison.Ordinal));

        _clock.SetUtcNow(BotUnderTest.Vn(2026, 10, 8, 10));
        _folder.MoveDeadline("D2", "2026-10-20");
        await _folder.WaitForDueAsync("D2", new DateOnly(2026, 10, 20));
        await ReplayAsync(bot, new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 20));

        // The new 7-day step would fall on 13/10; the unit already had its 7-day reminder.
        var expected = new[] { Day(10, 8), Day(10, 16), Day(10, 19), Day(10, 20) };
        Assert.Equal(Schools.ToDictionary(s => s, _ => expected), DaysOf(channel, "D2"));
        Assert.All(channel.Received.Where(r => r.Text.Contains("NOP D2", StringComparison.Ordinal) && r.At > BotUnderTest.Vn(2026, 10, 9)),
            r => Assert.Contains("20/10/2026", r.Text, StringComparison.Ordinal));
        await AssertEachStepStoredOnceAsync("D2", ["before-7d", "before-3d", "before-1d", "due-day"]);
    }

    [Fact]
    public async Task A_due_date_moved_more_than_a_month_later_does_not_stop_the_sweep_nor_repeat_the_step_already_sent()
    {
        _clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 10, 7, 10));
        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel);
        await ReplayAsync(bot, new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 8));
        Assert.Equal(3, channel.Received.Count(r => r.Text.Contains("NOP D2", StringComparison.Ordinal)));

        _clock.SetUtcNow(BotUnderTest.Vn(2026, 10, 8, 10));
        _folder.MoveDeadline("D2", "2026-12-01");
        await _folder.WaitForDueAsync("D2", new DateOnly(2026, 12, 1));

        // 24/11 is the new 7-day step, 47 days after the one sent on 08/10.
        await ReplayAsync(bot, new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 1));

        var expected = new[] { Day(10, 8), Day(11, 27), Day(11, 30), Day(12, 1) };
        Assert.Equal(Schools.ToDictionary(s => s, _ => expected), DaysOf(channel, "D2"));
        await AssertEachStepStoredOnceAsync("D2", ["before-7d", "before-3d", "before-1d", "due-day"]);
    }

    [Fact]
    public async Task A_plan_saved_with_a_syntax_error_is_reported_with_its_line_the_previous_schedule_stays_and_fixing_the_file_reloads()
    {
        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel);
        var before = await _folder.SnapshotAsync();

        var line = _folder.BreakDeadline("D2");

        var error = await _log.WaitForAsync(e => e.Level == LogLevel.Error && e.Message.Contains($"{PlanFolder.PlanName}, dòng {line}", StringComparison.Ordinal),
            "about the broken line");
        Assert.Contains("Cú pháp YAML sai", error.Message, StringComparison.Ordinal);
        await AssertThePreviousScheduleStaysAsync(bot, channel, before);

        _folder.MoveDeadline("D2", "2026-10-20");
        await _folder.WaitForDueAsync("D2", new DateOnly(2026, 10, 20));
        AssertStillRunning(bot);
    }

    [Theory]
    [InlineData("long-nhau.docx", "Tài liệu Word lồng nhau quá 64 tầng")]
    [InlineData("bom-nen.docx", "giải nén ra hơn 100 MB")]
    [InlineData("o-trai-rong.docx", "quá giới hạn 64 cột của một bảng")]
    [InlineData("bi-danh.yaml", "Tệp có hơn 100.000 giá trị")]
    public async Task A_hostile_plan_saved_while_running_is_refused_with_its_limit_in_the_log_and_the_previous_schedule_stays(string hostile, string limit)
    {
        // The bot runs on a plan file of the same kind: the real Word document, or its editable plan.
        var plan = _folder.PlanFile;
        if (Path.GetExtension(hostile) == ".docx")
        {
            plan = Path.Combine(_folder.Folder, "ke-hoach-tdkt-2026-hoa-tham.docx");
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ke-hoach-tdkt-2026-hoa-tham.docx"), plan);
        }

        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel, new Dictionary<string, string?> { ["Plan:File"] = plan });
        var before = await _folder.SnapshotAsync();
        using var scratch = new TempFolder();

        File.Copy(HostileFiles.Write(scratch.Path, hostile), plan, overwrite: true);

        var error = await _log.WaitForAsync(e => e.Level == LogLevel.Error && e.Message.StartsWith($"Lỗi ({Path.GetFileName(plan)}", StringComparison.Ordinal),
            "about the hostile file");
        Assert.Contains(limit, error.Message, StringComparison.Ordinal);
        await AssertThePreviousScheduleStaysAsync(bot, channel, before);
    }

    [Fact]
    public async Task A_plan_cut_in_half_while_running_is_held_the_office_is_told_and_restoring_it_says_the_held_change_was_dropped()
    {
        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel, new() { ["Logging:LogLevel:TdktBot.Reminders.ReminderWorker"] = "Information" });
        var before = await _folder.SnapshotAsync();

        var whole = _folder.CutBeforeTask("7");

        var held = await _log.WaitForAsync(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Chưa nạp lại kế hoạch năm 2026", StringComparison.Ordinal),
            "about the held reload");
        Assert.StartsWith(
            $"Chưa nạp lại kế hoạch năm 2026: tệp «{PlanFolder.PlanName}» có 6 mục, lịch đang dùng có 21 mục, nạp lại sẽ bỏ 15 mục (hết mọi việc của quý II, III, IV). "
            + "Bot giữ lịch cũ và đã báo văn phòng.", held.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _folder.SnapshotAsync());
        await bot.Get<DeliverySender>().DrainAsync(CancellationToken.None);
        var notice = Assert.Single(channel.Received, r => r.Text.StartsWith("⚠️ Bot chưa nạp lại kế hoạch năm 2026", StringComparison.Ordinal));
        Assert.Equal(Office, notice.Address);
        Assert.Contains("có 6 mục, lịch đang dùng có 21 mục, nạp lại sẽ bỏ 15 mục", notice.Text, StringComparison.Ordinal);

        // The old schedule still runs: the 7-day reminder for D2, a deadline the cut file lost, goes out on 08/10.
        await ReplayAsync(bot, new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 8));
        Assert.All(Schools, school => Assert.Single(channel.Received, r => r.Address == school
            && r.Text.Contains("NOP D2", StringComparison.Ordinal) && r.Text.Contains("15/10/2026 (còn 7 ngày)", StringComparison.Ordinal)));

        File.WriteAllText(_folder.PlanFile, whole);

        var dropped = await _log.WaitForAsync(e => e.Level == LogLevel.Information && e.Message.StartsWith("Lần nạp lại đang giữ", StringComparison.Ordinal),
            "saying the held change was dropped");
        Assert.Equal(
            $"Lần nạp lại đang giữ của kế hoạch năm 2026 (bỏ 15 mục) đã hủy, không áp dụng: tệp «{PlanFolder.PlanName}» hiện không còn bỏ nhiều mục.",
            dropped.Message);
        Assert.Contains(_log.Entries, e => e.Message == "Kế hoạch năm 2026: không có gì thay đổi.");
        Assert.Equal(21, await InPlanAsync());
        Assert.Single(channel.Received, r => r.Text.StartsWith("⚠️ Bot chưa nạp lại", StringComparison.Ordinal));
        AssertStillRunning(bot);
    }

    [Fact]
    public async Task A_reload_that_fails_because_the_store_is_busy_is_logged_and_the_worker_keeps_watching()
    {
        var store = Path.Combine(_folder.DataFolder, "tdkt.db");
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Tdkt"] = $"Data Source={store};Default Timeout=1" };
        var channel = new RecordingChannel(_clock);
        await using var bot = await StartAsync(channel, settings);

        await using (var other = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            // Another program (a backup, a second bot) holds the write lock for longer than the store waits.
            await other.OpenAsync();
            await using var writing = other.BeginTransaction(deferred: false);

            _folder.MoveDeadline("D2", "2026-10-20");
            await _log.WaitForAsync(e => e.Level == LogLevel.Error && e.Exception?.GetBaseException() is SqliteException, "about the locked store");
            AssertStillRunning(bot);
            Assert.Equal(new DateOnly(2026, 10, 15), await _folder.DueInStoreAsync("D2"));
        }

        _folder.MoveDeadline("D2", "2026-10-21");
        await _folder.WaitForDueAsync("D2", new DateOnly(2026, 10, 21));
        AssertStillRunning(bot);
    }

    [Fact]
    public async Task A_plan_file_in_a_folder_that_does_not_exist_is_reported_and_the_bot_keeps_running()
    {
        var missing = Path.Combine(_folder.Folder, "khong-co", PlanFolder.PlanName);
        var settings = new Dictionary<string, string?> { ["Plan:File"] = missing };
        await using var bot = await StartAsync(new RecordingChannel(_clock), settings);

        await _log.WaitForAsync(e => e.Level == LogLevel.Error && e.Message.Contains($"Không tìm thấy tệp «{missing}»", StringComparison.Ordinal), "about the missing plan");
        var watch = await _log.WaitForAsync(e => e.Level == LogLevel.Error && e.Message.Contains(Path.GetDirectoryName(missing)!, StringComparison.Ordinal)
            && e.Message.Contains("không tồn tại", StringComparison.Ordinal), "about the missing folder");
        Assert.Contains("Plan:File", watch.Message, StringComparison.Ordinal);
        Assert.Null(watch.Exception);
        AssertStillRunning(bot);

        // The unit directory is still watched: saving it reloads (and again finds no plan).
        var loads = _log.Entries.Count(e => e.Message.Contains($"Không tìm thấy tệp «{missing}»", StringComparison.Ordinal));
        File.AppendAllText(_folder.UnitsFile, "\n");
        await _log.WaitForAsync(_ => _log.Entries.Count(e => e.Message.Contains($"Không tìm thấy tệp «{missing}»", StringComparison.Ordinal)) > loads, "on the next reload");
        AssertStillRunning(bot);
    }

    private async Task<BotUnderTest> StartAsync(RecordingChannel channel, Dictionary<string, string?>? extra = null)
    {
        var settings = _folder.Settings();
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var bot = BotUnderTest.Create(_folder.DataFolder, _clock, channel, settings);
        bot.Get<ILoggerFactory>().AddProvider(_log);
        await bot.StartAsync();
        return bot;
    }

    /// <summary>
    /// After a refused reload: the log says what happens and what to do, the store is as it was (<paramref name="before"/>),
    /// and the previous schedule still runs: the 7-day reminder for 15/10 goes out on 08/10.
    /// </summary>
    private async Task AssertThePreviousScheduleStaysAsync(BotUnderTest bot, RecordingChannel channel, string before)
    {
        await _log.WaitForAsync(e => e.Level == LogLevel.Error && e.Message.StartsWith("Chưa nạp lại kế hoạch: bot tiếp tục dùng lịch đã nạp trước đó.", StringComparison.Ordinal),
            "saying what happens and what to do");
        Assert.Equal(before, await _folder.SnapshotAsync());
        AssertStillRunning(bot);

        await ReplayAsync(bot, new DateOnly(2026, 10, 2), new DateOnly(2026, 10, 8));
        Assert.All(Schools, school => Assert.Single(channel.Received, r => r.Address == school
            && r.Text.Contains("NOP D2", StringComparison.Ordinal) && r.Text.Contains("15/10/2026 (còn 7 ngày)", StringComparison.Ordinal)));
    }

    /// <summary>Moves the clock to 08:00 of each day in turn and lets the sweep and the sender run, as the daily job does.</summary>
    private async Task ReplayAsync(BotUnderTest bot, DateOnly from, DateOnly to)
    {
        var runner = bot.Get<ReminderRunner>();
        var sender = bot.Get<DeliverySender>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            _clock.SetUtcNow(BotUnderTest.Vn(day.Year, day.Month, day.Day, 8));
            await runner.SweepAsync(CancellationToken.None);
            await sender.DrainAsync(CancellationToken.None);
        }
    }

    /// <summary>For each unit, the local days on which it was reminded of <paramref name="number"/>.</summary>
    private static Dictionary<string, DateOnly[]> DaysOf(RecordingChannel channel, string number) => channel.Received
        .Where(r => r.Text.StartsWith("Kính gửi", StringComparison.Ordinal) && r.Text.Contains($"NOP {number}\n", StringComparison.Ordinal))
        .GroupBy(r => r.Address)
        .ToDictionary(g => g.Key, g => g.Select(r => DateOnly.FromDateTime(r.At.ToOffset(TimeSpan.FromHours(7)).DateTime)).Order().ToArray());

    private async Task AssertEachStepStoredOnceAsync(string number, string[] steps)
    {
        await using var db = _folder.OpenStore();
        var reminders = await db.Reminders
            .Where(r => db.Obligations.Any(o => o.Id == r.ObligationId && o.Target.Number == number))
            .Select(r => new { r.ObligationId, r.Step, r.Skipped, Sent = db.Deliveries.Count(d => d.ReminderId == r.Id && d.Status == DeliveryStatus.Sent) })
            .ToListAsync();
        Assert.All(reminders.GroupBy(r => r.ObligationId), o => Assert.Equal(steps.Order(StringComparer.Ordinal), o.Select(r => r.Step).Order(StringComparer.Ordinal)));
        Assert.All(reminders, r => Assert.Equal((false, 1), (r.Skipped, r.Sent)));
    }

    private async Task<Dictionary<string, long>> ObligationIdsAsync()
    {
        await using var db = _folder.OpenStore();
        return await db.Obligations.Select(o => new { o.Id, o.Target.Number, o.Unit.Name }).ToDictionaryAsync(o => $"{o.Number} {o.Name}", o => o.Id);
    }


    private async Task<int> InPlanAsync()
    {
        await using var db = _folder.OpenStore();
        return await db.Targets.CountAsync(t => t.InPlan);
    }

    private static void AssertStillRunning(BotUnderTest bot)
    {
        var worker = bot.Host.Services.GetServices<IHostedService>().OfType<ReminderWorker>().Single();
        Assert.False(worker.ExecuteTask is null or { IsCompleted: true }, $"The plan watcher has stopped: {worker.ExecuteTask?.Exception}");
        Assert.False(bot.Get<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested, "The host is stopping.");
    }

    private static DateOnly Day(int month, int day) => new(2026, month, day);
}
