using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TdktBot.Cluster;
using TdktBot.Testing;
using TdktBot.Broadcasts;
using TdktBot.Messaging;
using TdktBot.Core.Access;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Core.Calendar;
using TdktBot.Core.Reminders;
using TdktBot.Obligations;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Broadcasts;

public abstract class BroadcastMonitorTests : IAsyncLifetime
{
    private const string Launch = "Phát động phong trào thi đua «Xã hội học tập» năm 2026";
    private const string Which = "Nội dung phát động ngày 23/01/2026: «Phát động phong trào thi đua «Xã hội học tập» năm 2026»";
    // The office's people who draft and confirm.
    private static readonly Actor Lan = new("Nguyễn Thị Lan", null, Role.Office) { Id = "telegram:7001" };
    private static readonly Actor Hung = new("Hùng", null, Role.Office) { Id = "telegram:7002" };

    private readonly TestStore _testStore;
    private readonly StoreFactory _store;

    // 06:30 on 23/01 in the commune, still the 22nd in UTC: the report must give the commune's date.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 22, 23, 30, 0, TimeSpan.Zero));
    private readonly IChatChannel _telegram = Substitute.For<IChatChannel>();
    private readonly ConcurrentQueue<OutgoingMessage> _toTelegram = new();
    private readonly DeliverySignal _signal = new();
    private readonly List<IDisposable> _disposables = [];
    private long _office;
    private List<long> _units = [];

    protected BroadcastMonitorTests(TestStore store)
    {
        _testStore = store;
        _store = new StoreFactory(store);

        // Keeps every message and sends it, unless a test answers otherwise for an address.
        _telegram.Messenger.Returns(Messenger.Telegram);
        _telegram.When(c => c.SendAsync(Arg.Any<OutgoingMessage>(), Arg.Any<CancellationToken>())).Do(call => _toTelegram.Enqueue(call.Arg<OutgoingMessage>()));
        _telegram.SendAsync(Arg.Any<OutgoingMessage>(), Arg.Any<CancellationToken>()).Returns(_ => new SendOutcome.Sent($"telegram-{_toTelegram.Count}"));
    }

    public async Task InitializeAsync()
    {
        await using var db = _store.CreateDbContext();
        await TdktStore.MigrateAsync(db);
        var office = new UnitRecord { Name = "Phòng Văn hóa - Xã hội", IsOffice = true };
        var units = Enumerable.Range(1, 8).Select(i => new UnitRecord { Name = $"Đơn vị {i}" }).ToList();
        var officeChat = NewChat("-1009", "Nhóm Phòng VH-XH", office);
        db.Chats.Add(officeChat);
        db.Chats.AddRange(units.Select((u, i) => NewChat($"-200{i + 1}", $"Nhóm đơn vị {i + 1}", u)));
        await db.SaveChangesAsync();
        _office = officeChat.Id;
        _units = units.Select(u => u.Id).ToList();
    }

    public Task DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        _testStore.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_office_hears_at_each_quarter_and_gets_exactly_one_report_naming_failed_and_blocked_chats()
    {
        var id = await ConfirmedBroadcastAsync(_units);
        var monitor = Monitor();

        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));

        await SettleAsync(id, 2);
        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));
        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));
        await SettleAsync(id, 3);
        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));
        await SettleAsync(id, 1);
        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));

        // The real sender for the last two: one messenger error until it gives up, one group that removed the bot.
        _telegram.SendAsync(To("-2007"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Transient("502 Bad Gateway"));
        _telegram.SendAsync(To("-2008"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Permanent("Forbidden: bot was kicked from the group chat"));
        var sender = Sender();
        await sender.DrainAsync(CancellationToken.None);

        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));
        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));
        Assert.Equal(0, await Monitor().CheckAsync(CancellationToken.None));
        await sender.DrainAsync(CancellationToken.None);

        var toOffice = _toTelegram.Where(r => r.Address == "-1009").Select(r => r.Text)
            .Where(t => t.StartsWith("📣", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                $"📣 Đã gửi 2/8 tin phát động…\n{Which}",
                $"📣 Đã gửi 5/8 tin phát động…\n{Which}",
                $"📣 Đã gửi 6/8 tin phát động…\n{Which}",
                "📣 Kết quả phát động: đã gửi 6/8; lỗi 1; bị chặn 1:\n"
                    + "Lỗi (bot đã thử lại nhiều lần nhưng không gửi được):\n- Nhóm đơn vị 7 (Đơn vị 7)\n"
                    + "Bị chặn (bot bị chặn hoặc bị xóa khỏi nhóm; hãy mời lại đơn vị để tiếp tục nhận tin):\n- Nhóm đơn vị 8 (Đơn vị 8)\n"
                    + Which,
            ],
            toOffice);

        await using var db = _store.CreateDbContext();
        Assert.Equal(
            [$"bc:{id}:progress:1", $"bc:{id}:progress:2", $"bc:{id}:progress:3", $"bc:{id}:report"],
            await db.Deliveries.Where(d => d.Key.StartsWith($"bc:{id}:")).OrderBy(d => d.Id).Select(d => d.Key).ToListAsync());
        Assert.Equal(_clock.GetUtcNow(), (await db.Broadcasts.SingleAsync()).ReportedAt);
        Assert.Equal(8, await db.Deliveries.CountAsync(d => d.BroadcastId == id));
    }

    [Fact]
    public async Task A_pass_that_finds_most_of_it_done_tells_only_the_latest_quarter()
    {
        var id = await ConfirmedBroadcastAsync(_units.Take(4).ToList());
        await SettleAsync(id, 3);

        Assert.Equal(1, await Monitor().CheckAsync(CancellationToken.None));

        await using var db = _store.CreateDbContext();
        var told = await db.Deliveries.SingleAsync(d => d.ChatId == _office);
        Assert.Equal(($"bc:{id}:progress:3", "notice", (long?)null), (told.Key, told.Kind, told.BroadcastId));
        Assert.StartsWith("📣 Đã gửi 3/4 tin phát động…", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_confirmed_broadcasts_are_watched_and_each_goes_to_the_office_chat_that_drafted_it()
    {
        long otherOffice;
        await using (var db = _store.CreateDbContext())
        {
            var chat = NewChat("vhxh", "Cán bộ VH-XH", null);
            db.Chats.Add(chat);
            await db.SaveChangesAsync();
            otherOffice = chat.Id;
            await new BroadcastService(db, _clock).DraftAsync(_office, Lan, "Bản nháp chưa xác nhận", null, _units);
            var other = await new BroadcastService(db, _clock).DraftAsync(otherOffice, Hung, "Phát động của cán bộ khác", null, _units.Take(1).ToList());
            await new BroadcastService(db, _clock).ConfirmAsync(other.BroadcastId, otherOffice, Hung);
        }

        await SettleAsync(null, 1);
        Assert.Equal(1, await Monitor().CheckAsync(CancellationToken.None));

        await using var check = _store.CreateDbContext();
        var report = await check.Deliveries.SingleAsync(d => d.Key.EndsWith(":report"));
        Assert.Equal(otherOffice, report.ChatId);
        Assert.StartsWith("📣 Kết quả phát động: đã gửi 1/1; lỗi 0; bị chặn 0.", report.Text, StringComparison.Ordinal);
        Assert.Null((await check.Broadcasts.SingleAsync(b => b.Text == "Bản nháp chưa xác nhận")).ReportedAt);
    }

    [Fact]
    public async Task A_report_already_in_the_outbox_is_not_stored_twice_after_a_restart()
    {
        var id = await ConfirmedBroadcastAsync(_units.Take(2).ToList());
        await SettleAsync(id, 2);
        await using (var db = _store.CreateDbContext())
        {
            // As if an earlier run stored the report and stopped before marking the broadcast reported.
            db.Deliveries.Add(new Delivery
            {
                Key = $"bc:{id}:report",
                Kind = "notice",
                ChatId = _office,
                Text = "báo cáo cũ",
                NotBefore = _clock.GetUtcNow(),
                CreatedAt = _clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(0, await Monitor().CheckAsync(CancellationToken.None));

        await using var check = _store.CreateDbContext();
        Assert.Equal("báo cáo cũ", (await check.Deliveries.SingleAsync(d => d.ChatId == _office)).Text);
        Assert.NotNull((await check.Broadcasts.SingleAsync()).ReportedAt);
    }

    [Fact]
    public async Task Running_in_the_host_it_reports_and_wakes_the_sender()
    {
        await ConfirmedBroadcastAsync(_units.Take(3).ToList());

        // The sender only polls once an hour here, so the report reaches the office only if the monitor signals.
        var sender = Sender(TimeSpan.FromHours(1));
        var monitor = Monitor(TimeSpan.FromMilliseconds(50));
        using var stop = new CancellationTokenSource();
        var sending = sender.RunAsync(stop.Token);
        await monitor.StartAsync(CancellationToken.None);

        await SentAsync(r => r.Address == "-1009" && r.Text.StartsWith("📣 Kết quả phát động", StringComparison.Ordinal));

        await monitor.StopAsync(CancellationToken.None);
        await stop.CancelAsync();
        await sending;
        Assert.Contains(_toTelegram, r => r.Text == $"📣 Kết quả phát động: đã gửi 3/3; lỗi 0; bị chặn 0.\n{Which}");
    }

    [Fact]
    public async Task While_no_broadcast_is_going_out_a_check_tells_nothing_and_a_new_one_is_read_at_the_next_check()
    {
        // A draft never confirmed, and a broadcast that was sent and reported: nothing is going out.
        await using (var db = _store.CreateDbContext())
        {
            await new BroadcastService(db, _clock).DraftAsync(_office, Lan, "Bản nháp chưa xác nhận", null, _units);
        }

        var done = await ConfirmedBroadcastAsync(_units);
        await SettleAsync(done, _units.Count);
        var monitor = Monitor();
        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));

        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));
        Assert.Equal(0, await monitor.CheckAsync(CancellationToken.None));

        // A new confirmed broadcast is read, and its progress told, at the next check.
        var next = await ConfirmedBroadcastAsync(_units);
        await SettleAsync(next, _units.Count / 2);
        Assert.Equal(1, await monitor.CheckAsync(CancellationToken.None));
    }

    private static OutgoingMessage To(string address) => Arg.Is<OutgoingMessage>(m => m.Address == address);

    /// <summary>Waits up to 10 s until the messenger was given a message that <paramref name="match"/>es.</summary>
    private async Task SentAsync(Func<OutgoingMessage, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_toTelegram.Any(match))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not received within 10 s; got:\n{string.Join('\n', _toTelegram.Select(r => r.Text))}");
            await Task.Delay(20);
        }
    }

    private BroadcastMonitor Monitor(TimeSpan? interval = null)
    {
        var monitor = new BroadcastMonitor(
            _store,
            _clock,
            _signal,
            Options.Create(new BroadcastMonitorOptions { CheckInterval = interval ?? TimeSpan.FromMilliseconds(50) }),
            new ReminderPolicy(new ReminderSettings(), WorkingCalendar.WeekendsOnly),
            new SoleLead(),
            NullLogger<BroadcastMonitor>.Instance);
        _disposables.Add(monitor);
        return monitor;
    }

    private DeliverySender Sender(TimeSpan? poll = null)
    {
        var options = new DeliveryOptions { MessagesPerSecond = 10_000, PerChatInterval = TimeSpan.Zero, MaxAttempts = 1, PollInterval = poll ?? TimeSpan.FromSeconds(5) };
        var sender = new DeliverySender(_store.CreateDbContext, [_telegram], options, _clock, _signal, TestMetrics.Create(), NullLogger<DeliverySender>.Instance);
        _disposables.Add(sender);
        return sender;
    }

    private async Task<long> ConfirmedBroadcastAsync(IReadOnlyCollection<long> units)
    {
        await using var db = _store.CreateDbContext();
        var service = new BroadcastService(db, _clock);
        var preview = await service.DraftAsync(_office, Lan, Launch, null, units);
        Assert.Equal(BroadcastStep.Confirmed, await service.ConfirmAsync(preview.BroadcastId, _office, Lan));
        return preview.BroadcastId;
    }

    /// <summary>Marks the next <paramref name="count"/> waiting messages of the broadcast sent, as the sender would.</summary>
    private async Task SettleAsync(long? broadcastId, int count)
    {
        await using var db = _store.CreateDbContext();
        var next = await db.Deliveries
            .Where(d => d.BroadcastId != null && (broadcastId == null || d.BroadcastId == broadcastId) && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.Id).Take(count).ToListAsync();
        Assert.Equal(count, next.Count);
        foreach (var delivery in next)
        {
            (delivery.Status, delivery.Attempts, delivery.SentAt) = (DeliveryStatus.Sent, 1, _clock.GetUtcNow());
        }

        await db.SaveChangesAsync();
    }

    private Chat NewChat(string address, string name, UnitRecord? unit) => new()
    {
        Channel = Messenger.Telegram,
        Address = address,
        DisplayName = name,
        Unit = unit,
        IsGroup = true,
        CreatedAt = _clock.GetUtcNow(),
    };

    private sealed class StoreFactory(TestStore store) : IDbContextFactory<TdktDbContext>
    {
        public TdktDbContext CreateDbContext() => store.Open();
    }

    public sealed class OnSqlite() : BroadcastMonitorTests(new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : BroadcastMonitorTests(new TestStore(postgres));
}
