using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Core.Access;
using TdktBot.Outbox;
using TdktBot.Data;
using TdktBot.Hosting;
using TdktBot.Tests.Cli;
using TdktBot.Reminders;
using TdktBot.Obligations;
using TdktBot.Store;
using TdktBot.Plans;

namespace TdktBot.Tests.Worker;

/// <summary>
/// All of 2026 for the Hoa Thám plan on a fake clock: the real store, plan loading, sweep and paced
/// sender run every day at 08:00 (and again in the afternoon, which must add nothing).
/// </summary>
public sealed class YearReplayTests : IDisposable
{
    private const string Office = "Phòng Văn hóa - Xã hội";
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 1));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_year_of_sweeps_sends_exactly_what_reminders_preview_lists_once_each()
    {
        var channel = new RecordingChannel(_clock);
        await using var bot = BotUnderTest.Create(_folder.Path, _clock, channel);
        await LoadAsync(bot);

        await ReplayAsync(bot, BotUnderTest.Vn(2026, 12, 31, 23, 59));

        var preview = CliRun.Of("reminders", "preview", "--from", "2026-01-01", "--to", "2026-12-31", "--format", "json");
        var expected = System.Text.Json.JsonSerializer.Deserialize<List<PreviewItem>>(preview.Output, Reminders.ReminderPreviewCommandTests.Web)!
            .Select(p => (At: DateTimeOffset.Parse(p.At, System.Globalization.CultureInfo.InvariantCulture), p.Unit, p.Text))
            .OrderBy(x => x.At).ThenBy(x => x.Unit, StringComparer.Ordinal).ThenBy(x => x.Text, StringComparer.Ordinal).ToList();
        var sent = channel.Received.Select(r => (r.At, Unit: r.Address, r.Text))
            .OrderBy(x => x.At).ThenBy(x => x.Unit, StringComparer.Ordinal).ThenBy(x => x.Text, StringComparer.Ordinal).ToList();

        Assert.True(expected.Count > 400, $"only {expected.Count} reminders previewed");
        Assert.Equal(expected, sent);
        Assert.All(channel.Received, r =>
        {
            var day = DateOnly.FromDateTime(r.At.ToOffset(TimeSpan.FromHours(7)).DateTime);
            Assert.True(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"sent on {day}");
            Assert.False(day >= new DateOnly(2026, 2, 14) && day <= new DateOnly(2026, 2, 22), $"sent during Tết on {day}");
        });
    }

    [Fact]
    public async Task A_unit_that_confirms_hears_no_more_and_the_escalation_lists_exactly_the_late_units()
    {
        var channel = new RecordingChannel(_clock);
        await using var bot = BotUnderTest.Create(_folder.Path, _clock, channel);
        await LoadAsync(bot);

        await ReplayAsync(bot, BotUnderTest.Vn(2026, 1, 27, 9));
        var confirmed = new[] { "Công an xã", "Trường THCS Hoa Thám", "Hội Nông dân xã" };
        foreach (var unit in confirmed)
        {
            await ConfirmAsync(bot, unit, "D1");
        }

        var before = channel.Received.Count;
        await ReplayAsync(bot, BotUnderTest.Vn(2026, 2, 5));
        var after = channel.Received.Skip(before).ToList();

        Assert.DoesNotContain(after, r => confirmed.Contains(r.Address) && r.Text.Contains("30/01/2026", StringComparison.Ordinal));
        Assert.Contains(after, r => r.Address == "Trạm Y tế xã" && r.Text.Contains("30/01/2026", StringComparison.Ordinal));

        var escalation = Assert.Single(after, r => r.Address == Office && r.Text.StartsWith("Báo cáo trễ hạn", StringComparison.Ordinal)
            && r.At == BotUnderTest.Vn(2026, 2, 2, 8));
        await using var db = bot.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<TdktDbContext>>().CreateDbContext();
        var late = await db.Units.Where(u => !confirmed.Contains(u.Name)).Select(u => u.Name).ToListAsync();
        Assert.Equal(13, late.Count);
        Assert.All(late, name => Assert.Contains(name, escalation.Text, StringComparison.Ordinal));
        Assert.All(confirmed, name => Assert.DoesNotContain(name, escalation.Text, StringComparison.Ordinal));
    }

    private static async Task LoadAsync(BotUnderTest bot)
    {
        await bot.Get<StoreMigrator>().MigrateAsync(CancellationToken.None);
        var outcome = await bot.Get<PlanStore>().LoadAsync(CancellationToken.None);
        Assert.True(outcome.Loaded, string.Join("\n", outcome.Messages));
        await bot.Get<PlanStore>().EnsureConsoleChatsAsync(messengerConfigured: false, CancellationToken.None);
    }

    /// <summary>Moves the clock day by day to <paramref name="until"/>, sweeping and sending at 08:00 and 15:00.</summary>
    private async Task ReplayAsync(BotUnderTest bot, DateTimeOffset until)
    {
        var runner = bot.Get<ReminderRunner>();
        var sender = bot.Get<DeliverySender>();
        while (true)
        {
            var now = _clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7));
            var next = now.Hour < 8 ? now.Date.AddHours(8) : now.Hour < 15 ? now.Date.AddHours(15) : now.Date.AddDays(1).AddHours(8);
            var nextInstant = new DateTimeOffset(next, TimeSpan.FromHours(7));
            if (nextInstant > until)
            {
                _clock.SetUtcNow(until);
                return;
            }

            _clock.SetUtcNow(nextInstant);
            await runner.SweepAsync(CancellationToken.None);
            await sender.DrainAsync(CancellationToken.None);
        }
    }

    private static async Task ConfirmAsync(BotUnderTest bot, string unit, string target)
    {
        await using var db = bot.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<TdktDbContext>>().CreateDbContext();
        var o = await db.Obligations.Include(x => x.Unit).SingleAsync(x => x.Unit.Name == unit && x.Target.Number == target);
        var service = new ObligationService(db, bot.Get<TimeProvider>(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh"));
        var change = await service.ConfirmAsync(o.Id, new Actor(unit, o.UnitId, Role.Head));
        Assert.True(change.Done, change.Message);
    }

    private sealed record PreviewItem(string At, string Unit, string Text);
}
