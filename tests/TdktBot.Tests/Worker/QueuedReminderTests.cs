using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Reminders;
using TdktBot.Store;
using TdktBot.Plans;

namespace TdktBot.Tests.Worker;

/// <summary>
/// A reminder already stored in the outbox when its unit confirms, or when a reload drops what it was about:
/// the unit does not get it.
/// </summary>
public sealed class QueuedReminderTests : IDisposable
{
    private const string Confirmed = "Trường THCS Hoa Thám";
    private readonly PlanFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_unit_that_confirms_after_the_sweep_but_before_the_send_gets_no_reminder()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 1, 22, 10));
        var channel = new RecordingChannel(clock);
        await using var bot = await LoadedAsync(clock, channel);

        // 23/01 08:00: the sweep stores the D1 countdown for all 16 units; the sender has not reached them yet.
        clock.SetUtcNow(BotUnderTest.Vn(2026, 1, 23, 8));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        await bot.ConfirmAsync(Confirmed, "D1");
        await bot.Get<DeliverySender>().DrainAsync(CancellationToken.None);

        Assert.Equal(15, channel.Received.Count);
        Assert.DoesNotContain(channel.Received, r => r.Address == Confirmed);
        await using var db = _folder.OpenStore();
        var withdrawn = await db.Deliveries.SingleAsync(d => d.Chat.Address == Confirmed);
        Assert.Equal((DeliveryStatus.Failed, 0, (DateTimeOffset?)null), (withdrawn.Status, withdrawn.Attempts, withdrawn.SentAt));
        Assert.Equal("đơn vị đã xác nhận hoặc không còn phải làm việc này", withdrawn.Error);
        Assert.Equal(15, await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task A_queued_reminder_for_a_deadline_removed_from_the_plan_is_not_sent()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 10, 7, 10));
        var channel = new RecordingChannel(clock);
        await using var bot = await LoadedAsync(clock, channel);

        clock.SetUtcNow(BotUnderTest.Vn(2026, 10, 8, 8));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        File.WriteAllText(_folder.PlanFile, File.ReadAllText(_folder.PlanFile).Split("  - id: D2\n")[0]);
        var reload = await bot.Get<PlanStore>().LoadAsync(CancellationToken.None);
        Assert.Equal(["Kế hoạch năm 2026: thêm 0 mục, bỏ 1 mục, đổi hạn 0 mục; thêm 0 nghĩa vụ của đơn vị, bỏ 0."], reload.Messages);
        await bot.Get<DeliverySender>().DrainAsync(CancellationToken.None);

        Assert.DoesNotContain(channel.Received, r => r.Text.Contains("NOP D2", StringComparison.Ordinal));
        await using var db = _folder.OpenStore();
        Assert.Equal(3, await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Failed && d.Text.Contains("NOP D2")));
    }

    private async Task<BotUnderTest> LoadedAsync(FakeTimeProvider clock, RecordingChannel channel)
    {
        var bot = BotUnderTest.Create(_folder.DataFolder, clock, channel, _folder.Settings());
        await bot.Get<StoreMigrator>().MigrateAsync(CancellationToken.None);
        Assert.True((await bot.Get<PlanStore>().LoadAsync(CancellationToken.None)).Loaded);
        await bot.Get<PlanStore>().EnsureConsoleChatsAsync(messengerConfigured: false, CancellationToken.None);
        return bot;
    }
}
