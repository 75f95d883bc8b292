using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Hosting;
using TdktBot.Testing;
using TdktBot.Plans;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Worker;

/// <summary>
/// Restarts on one data folder: every start imports the plan files again, which changes nothing stored when they are
/// unchanged, and brings in whatever changed while the bot was stopped (a file, the messenger).
/// </summary>
public sealed class RestartImportTests : IDisposable
{
    private readonly PlanFolder _folder = new();
    private readonly RecordingLog _log = new();
    private readonly FakeTimeProvider _clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 5, 10));
    private readonly string _scheduler = "tdkt-unchanged-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_restart_on_unchanged_files_changes_nothing_stored_and_the_bot_still_knows_every_unit()
    {
        await RunOnceAsync();
        var store = Contents(await _folder.SnapshotAsync());

        _clock.Advance(TimeSpan.FromDays(1));
        await using (var bot = await StartAsync(new RecordingChannel(_clock)))
        {
            var directory = bot.Get<PlanStore>().Directory;
            Assert.NotNull(directory);
            Assert.Equal(16, directory.Units.Count);
        }

        Assert.Equal(store, Contents(await _folder.SnapshotAsync()));
        Assert.Contains(_log.Entries, e => e.Message == "Kế hoạch năm 2026: không có gì thay đổi.");
    }

    [Fact]
    public async Task A_due_date_changed_while_the_bot_was_stopped_is_imported_at_the_next_start()
    {
        await RunOnceAsync();

        _folder.MoveDeadline("D2", "2026-10-20");
        _clock.Advance(TimeSpan.FromDays(1));
        await RunOnceAsync();

        Assert.Equal(new DateOnly(2026, 10, 20), await _folder.DueInStoreAsync("D2"));
    }

    [Fact]
    public async Task A_messenger_configured_between_two_starts_rests_the_console_chats()
    {
        await RunOnceAsync();
        Assert.Equal(16, await ActiveConsoleChatsAsync());

        await RunOnceAsync(new RecordingChannel(_clock, Messenger.Telegram));

        Assert.Equal(0, await ActiveConsoleChatsAsync());
    }

    // Everything stored but the plans' own rows, whose LoadedAt says when the files were last read.
    private static string Contents(string snapshot) => string.Join('\n', snapshot.Split('\n').Where(line => !line.StartsWith("2026 ", StringComparison.Ordinal)));

    private async Task RunOnceAsync(RecordingChannel? channel = null)
    {
        await using var bot = await StartAsync(channel ?? new RecordingChannel(_clock));
    }

    private async Task<BotUnderTest> StartAsync(RecordingChannel channel)
    {
        var settings = _folder.Settings();
        settings["Quartz:SchedulerName"] = _scheduler;
        settings["Logging:LogLevel:TdktBot.Reminders.ReminderWorker"] = "Information";
        var bot = BotUnderTest.Create(_folder.DataFolder, _clock, channel, settings);
        bot.Get<ILoggerFactory>().AddProvider(_log);
        await bot.StartAsync();
        return bot;
    }

    private async Task<int> ActiveConsoleChatsAsync()
    {
        await using var db = _folder.OpenStore();
        return await db.Chats.CountAsync(c => c.Channel == Messenger.Console && c.Active);
    }
}
