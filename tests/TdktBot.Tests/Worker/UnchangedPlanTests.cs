using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Data.Entities;
using TdktBot.Hosting;
using TdktBot.Testing;

namespace TdktBot.Tests.Worker;

/// <summary>
/// Restarts on one data folder: files unchanged since the last import are not imported again (nothing read, nothing
/// written), anything that would change the import (a file, the messenger, <c>plan reload</c>) imports at the next start.
/// </summary>
public sealed class UnchangedPlanTests : IDisposable
{
    private readonly PlanFolder _folder = new();
    private readonly RecordingLog _log = new();
    private readonly FakeTimeProvider _clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 5, 10));
    private readonly string _scheduler = "tdkt-unchanged-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_restart_on_unchanged_files_imports_nothing_and_the_bot_still_knows_every_unit()
    {
        await RunOnceAsync();
        var imported = await LoadedAtAsync();
        var store = await _folder.SnapshotAsync();

        _clock.Advance(TimeSpan.FromDays(1));
        await using (var bot = await StartAsync(new RecordingChannel(_clock)))
        {
            // The unit directory is read from its file when first needed, as the conversation needs it.
            var directory = bot.Get<PlanStore>().Directory;
            Assert.NotNull(directory);
            Assert.Equal(16, directory.Units.Count);
        }

        Assert.Equal(imported, await LoadedAtAsync());
        Assert.Equal(store, await _folder.SnapshotAsync());
        Assert.Contains(_log.Entries, e => e.Message.StartsWith(
            "Kế hoạch (ke-hoach-tdkt-2026-hoa-tham.yaml) và danh sách đơn vị không đổi từ lần nạp trước: dùng lại lịch đã có.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_due_date_changed_while_the_bot_was_stopped_is_imported_at_the_next_start()
    {
        await RunOnceAsync();

        _folder.MoveDeadline("D2", "2026-10-20");
        _clock.Advance(TimeSpan.FromDays(1));
        await RunOnceAsync();

        Assert.Equal(new DateOnly(2026, 10, 20), await _folder.DueInStoreAsync("D2"));
        Assert.Equal(_clock.GetUtcNow(), await LoadedAtAsync());
    }

    [Fact]
    public async Task A_messenger_configured_between_two_starts_rests_the_console_chats()
    {
        await RunOnceAsync();
        Assert.Equal(16, await ActiveConsoleChatsAsync());

        await RunOnceAsync(new RecordingChannel(_clock, "telegram"));

        Assert.Equal(0, await ActiveConsoleChatsAsync());
    }

    [Fact]
    public async Task After_plan_reload_the_next_start_imports_again()
    {
        await RunOnceAsync();
        Assert.Equal(0, Cli.CliRun.With(_folder.Settings(), "plan", "reload").ExitCode);
        await using (var db = _folder.OpenStore())
        {
            // Something outside the bot's own import changed the store: the restart must not trust the old mark.
            await db.Plans.ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "sửa tay"));
        }

        _clock.Advance(TimeSpan.FromDays(1));
        await RunOnceAsync();

        Assert.Equal(_clock.GetUtcNow(), await LoadedAtAsync());
        await using var check = _folder.OpenStore();
        Assert.NotEqual("sửa tay", await check.Plans.Select(p => p.Title).SingleAsync());
    }

    private async Task RunOnceAsync(RecordingChannel? channel = null)
    {
        await using var bot = await StartAsync(channel ?? new RecordingChannel(_clock));
    }

    private async Task<BotUnderTest> StartAsync(RecordingChannel channel)
    {
        var settings = _folder.Settings();
        settings["Quartz:SchedulerName"] = _scheduler;
        settings["Logging:LogLevel:TdktBot.Hosting.ReminderWorker"] = "Information";
        var bot = BotUnderTest.Create(_folder.DataFolder, _clock, channel, settings);
        bot.Get<ILoggerFactory>().AddProvider(_log);
        await bot.StartAsync();
        return bot;
    }

    private async Task<DateTimeOffset> LoadedAtAsync()
    {
        await using var db = _folder.OpenStore();
        return await db.Plans.Select(p => p.LoadedAt).SingleAsync();
    }

    private async Task<int> ActiveConsoleChatsAsync()
    {
        await using var db = _folder.OpenStore();
        return await db.Chats.CountAsync(c => c.Channel == "console" && c.Active);
    }
}
