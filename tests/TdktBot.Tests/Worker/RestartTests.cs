using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Worker;

/// <summary>The host stopped and started again around a reminder's time, on one data folder and one Quartz job store.</summary>
public sealed class RestartTests : IDisposable
{
    private const int Units = 16;
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _sameScheduler = new() { ["Quartz:SchedulerName"] = "tdkt-restart-" + Guid.NewGuid().ToString("N") };

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_reminder_stored_but_not_yet_sent_when_the_host_stops_is_delivered_exactly_once_after_restart()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 23, 7, 59));
        var hung = new RecordingChannel(clock);
        hung.HoldEverything();
        await using (var first = BotUnderTest.Create(_folder.Path, clock, hung, _sameScheduler))
        {
            await first.StartAsync();
            clock.Advance(TimeSpan.FromMinutes(1.5)); // Quartz fires the 08:00 sweep
            await WaitUntilAsync(async db => await db.Deliveries.CountAsync() == Units);
            await first.StopAsync();
        }

        Assert.Empty(hung.Received);
        await using (var db = Open())
        {
            Assert.Equal(Units, await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Pending));
        }

        clock.Advance(TimeSpan.FromMinutes(5));
        var channel = new RecordingChannel(clock);
        await using (var second = BotUnderTest.Create(_folder.Path, clock, channel, _sameScheduler))
        {
            await second.StartAsync();
            await channel.WaitForAsync(Units, TimeSpan.FromSeconds(20));
            await Task.Delay(500);
        }

        Assert.Equal(Units, channel.Received.Count);
        Assert.Equal(Units, channel.Received.Select(r => r.Address).Distinct().Count());
        Assert.All(channel.Received, r => Assert.Contains("Thứ Sáu, 30/01/2026", r.Text, StringComparison.Ordinal));
        await using var check = Open();
        Assert.Equal(Units, await check.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
        Assert.Equal(Units, await check.Reminders.CountAsync());
    }

    [Fact]
    public async Task A_reminder_missed_while_stopped_is_caught_up_once_on_start()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 22, 10));
        var quiet = new RecordingChannel(clock);
        await using (var first = BotUnderTest.Create(_folder.Path, clock, quiet, _sameScheduler))
        {
            await first.StartAsync();
            await Task.Delay(300);
        }

        Assert.Empty(quiet.Received);

        clock.SetUtcNow(BotUnderTest.Vn(2026, 1, 23, 9, 30)); // the 08:00 reminders passed while stopped
        var channel = new RecordingChannel(clock);
        await using (var second = BotUnderTest.Create(_folder.Path, clock, channel, _sameScheduler))
        {
            await second.StartAsync();
            await channel.WaitForAsync(Units, TimeSpan.FromSeconds(20));
        }

        clock.Advance(TimeSpan.FromMinutes(30));
        await using (var third = BotUnderTest.Create(_folder.Path, clock, channel, _sameScheduler))
        {
            await third.StartAsync();
            await Task.Delay(800);
        }

        Assert.Equal(Units, channel.Received.Count);
        Assert.All(channel.Received, r => Assert.Contains("còn 7 ngày", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reminders_whose_window_closed_while_stopped_are_skipped_and_recorded_and_only_the_current_step_goes_out()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 22, 10));
        await using (var first = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock), _sameScheduler))
        {
            await first.StartAsync();
        }

        clock.SetUtcNow(BotUnderTest.Vn(2026, 2, 2, 9)); // stopped through the whole countdown to 30/01
        var channel = new RecordingChannel(clock);
        await using (var second = BotUnderTest.Create(_folder.Path, clock, channel, _sameScheduler))
        {
            await second.StartAsync();
            await channel.WaitForAsync(Units + 2, TimeSpan.FromSeconds(20));
            await Task.Delay(300);
        }

        // Each unit: only the first overdue notice, not four stale countdown reminders.
        var toUnits = channel.Received.Where(r => r.Text.StartsWith("Kính gửi", StringComparison.Ordinal)).ToList();
        Assert.Equal(Units, toUnits.Select(r => r.Address).Distinct().Count());
        Assert.All(toUnits, r => Assert.Contains("quá hạn 3 ngày", r.Text, StringComparison.Ordinal));
        var office = channel.Received.Where(r => r.Address == "Phòng Văn hóa - Xã hội" && !r.Text.StartsWith("Kính gửi", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, office.Count);
        Assert.Contains(office, r => r.Text.StartsWith("Báo cáo trễ hạn", StringComparison.Ordinal) && r.Text.Contains("16 đơn vị", StringComparison.Ordinal));
        Assert.Contains(office, r => r.Text.StartsWith("Tổng hợp tuần 02/02", StringComparison.Ordinal));
        Assert.Equal(Units + 2, channel.Received.Count);

        await using var db = Open();
        var skipped = await db.Reminders.Where(r => r.Skipped && r.ObligationId != null).Select(r => r.Step).ToListAsync();
        Assert.Equal(Units * 4, skipped.Count);
        Assert.Equal(["before-1d", "before-3d", "before-7d", "due-day"], skipped.Distinct().Order(StringComparer.Ordinal));
    }

    private TdktDbContext Open() => new(TdktStore.Options($"Data Source={Path.Combine(_folder.Path, "tdkt.db")}"));

    private async Task WaitUntilAsync(Func<TdktDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using (var db = Open())
            {
                if (await condition(db))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 20 s.");
            await Task.Delay(50);
        }
    }
}
