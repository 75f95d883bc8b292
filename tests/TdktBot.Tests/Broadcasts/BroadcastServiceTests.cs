using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TdktBot.Messaging;
using TdktBot.Broadcasts;
using TdktBot.Core.Access;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Testing;
using TdktBot.Data;
using TdktBot.Obligations;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Broadcasts;

public abstract class BroadcastServiceTests : IAsyncLifetime
{
    private readonly TestStore _store;
    private readonly FakeTimeProvider _clock = new(TestStore.Local(2026, 3, 2, 9));
    private readonly IChatChannel _telegram = Substitute.For<IChatChannel>();
    private readonly ConcurrentQueue<OutgoingMessage> _toTelegram = new();

    // The office's people who write from the office chats.
    private static readonly Actor Lan = new("Nguyễn Thị Lan", null, Role.Office) { Id = "telegram:7001" };
    private static readonly Actor Hung = new("Hùng", null, Role.Office) { Id = "telegram:7002" };

    private long _school;
    private long _kindergarten;
    private long _police;
    private long _schoolGroup;
    private long _schoolHead;
    private long _kindergartenGroup;
    private long _office;
    private long _otherOffice;

    protected BroadcastServiceTests(TestStore store)
    {
        _store = store;
        // Keeps every message and sends it, unless a test answers otherwise for an address.
        _telegram.Messenger.Returns(Messenger.Telegram);
        _telegram.When(c => c.SendAsync(Arg.Any<OutgoingMessage>(), Arg.Any<CancellationToken>())).Do(call => _toTelegram.Enqueue(call.Arg<OutgoingMessage>()));
        _telegram.SendAsync(Arg.Any<OutgoingMessage>(), Arg.Any<CancellationToken>()).Returns(_ => new SendOutcome.Sent($"telegram-{_toTelegram.Count}"));
    }

    public async Task InitializeAsync()
    {
        await using var db = await _store.MigratedAsync();
        var school = new UnitRecord { Name = "Trường THCS Hoa Thám", Groups = "giao-duc" };
        var kindergarten = new UnitRecord { Name = "Trường Mầm non Hoa Thám", Groups = "giao-duc" };
        var police = new UnitRecord { Name = "Công an xã" };
        var office = new UnitRecord { Name = "Phòng Văn hóa - Xã hội", IsOffice = true };
        var chats = new[]
        {
            Chat("-1001", "Nhóm THCS Hoa Thám", school),
            Chat("501", "Thầy Hiệu trưởng THCS", school),
            Chat("-1002", "Nhóm Mầm non Hoa Thám", kindergarten),
            Chat("-1003", "Nhóm Mầm non cũ", kindergarten, active: false),
            Chat("-1004", "Nhóm Công an xã", police),
            Chat("-1009", "Nhóm Phòng VH-XH", office),
            Chat("vhxh", "Cán bộ VH-XH", null),
        };
        db.Chats.AddRange(chats);
        await db.SaveChangesAsync();
        (_school, _kindergarten, _police) = (school.Id, kindergarten.Id, police.Id);
        (_schoolGroup, _schoolHead, _kindergartenGroup) = (chats[0].Id, chats[1].Id, chats[2].Id);
        (_office, _otherOffice) = (chats[5].Id, chats[6].Id);
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_draft_counts_only_the_active_chats_of_the_chosen_units_and_sends_nothing()
    {
        await using var db = _store.Open();

        var preview = await Service(db).DraftAsync(_office, Lan, "Phát động phong trào thi đua năm 2026", "giao-duc", [_school, _kindergarten]);

        Assert.Equal((3, 2), (preview.Chats, preview.Units));
        var broadcast = await db.Broadcasts.SingleAsync();
        Assert.Equal((preview.BroadcastId, "giao-duc", _office, (DateTimeOffset?)null), (broadcast.Id, broadcast.GroupId, broadcast.CreatedByChatId, broadcast.ConfirmedAt));
        Assert.Equal(new[] { _schoolGroup, _schoolHead, _kindergartenGroup }.Order(),
            await db.BroadcastRecipients.Select(r => r.ChatId).OrderBy(id => id).ToListAsync());
        Assert.Empty(await db.Deliveries.ToListAsync());
        var audit = await db.Audit.SingleAsync();
        Assert.Equal(("Nguyễn Thị Lan", "broadcast.draft", $"broadcast:{preview.BroadcastId}"), (audit.Actor, audit.Action, audit.Subject));
    }

    [Fact]
    public async Task Units_without_an_active_chat_are_not_counted_as_reached()
    {
        await using var db = _store.Open();
        var lonely = new UnitRecord { Name = "Trạm Y tế xã" };
        db.Units.Add(lonely);
        await db.SaveChangesAsync();

        var preview = await Service(db).DraftAsync(_office, Lan, "Phát động", null, [_police, lonely.Id, _police]);

        Assert.Equal((1, 1), (preview.Chats, preview.Units));
    }

    [Fact]
    public async Task Confirming_stores_one_delivery_per_recipient_once_and_a_second_confirmation_adds_none()
    {
        var id = await DraftAsync([_school, _kindergarten]);
        _clock.Advance(TimeSpan.FromMinutes(2));

        await using (var db = _store.Open())
        {
            Assert.Equal(BroadcastStep.Confirmed, await Service(db).ConfirmAsync(id, _office, Lan));
        }

        await using (var db = _store.Open())
        {
            Assert.Equal(BroadcastStep.AlreadyConfirmed, await Service(db).ConfirmAsync(id, _office, Lan));
        }

        await using var check = _store.Open();
        var rows = await check.Deliveries.OrderBy(d => d.ChatId).ToListAsync();
        Assert.Equal(new[] { _schoolGroup, _schoolHead, _kindergartenGroup }.Order(), rows.Select(d => d.ChatId));
        Assert.All(rows, d => Assert.Equal(
            ($"bc:{id}>{d.ChatId}", "broadcast", (long?)id, DeliveryStatus.Pending, "Phát động phong trào thi đua năm 2026", _clock.GetUtcNow()),
            (d.Key, d.Kind, d.BroadcastId, d.Status, d.Text, d.NotBefore)));
        Assert.Equal(_clock.GetUtcNow(), (await check.Broadcasts.SingleAsync()).ConfirmedAt);
        Assert.Single(await check.Audit.Where(a => a.Action == "broadcast.confirm").ToListAsync());
        var confirmed = await check.Audit.SingleAsync(a => a.Action == "broadcast.confirm");
        Assert.Equal(("Nguyễn Thị Lan", "telegram:7001"), (confirmed.Actor, confirmed.ActorId));
    }

    [Fact]
    public async Task Two_confirmations_at_the_same_moment_store_the_deliveries_once()
    {
        var id = await DraftAsync([_school, _kindergarten]);
        await using var first = _store.Open();
        await using var second = _store.Open();

        var steps = await Task.WhenAll(Service(first).ConfirmAsync(id, _office, Lan), Service(second).ConfirmAsync(id, _office, Lan));

        Assert.Equal([BroadcastStep.Confirmed, BroadcastStep.AlreadyConfirmed], steps.Order());
        await using var check = _store.Open();
        Assert.Equal(3, await check.Deliveries.CountAsync());
    }

    [Fact]
    public async Task The_recipients_are_those_of_the_draft_even_if_chats_change_before_the_confirmation()
    {
        var id = await DraftAsync([_school, _kindergarten]);
        await using (var db = _store.Open())
        {
            // A new school chat joins and the kindergarten group blocks the bot while the office reads the preview.
            db.Chats.Add(Chat("502", "Cô Phó Hiệu trưởng THCS", null));
            await db.SaveChangesAsync();
            await db.Chats.Where(c => c.Address == "502").ExecuteUpdateAsync(s => s.SetProperty(c => c.UnitId, _school));
            await db.Chats.Where(c => c.Id == _kindergartenGroup).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Active, false)
                .SetProperty(c => c.InactiveReason, "Forbidden: bot was kicked from the group chat"));
        }

        await using (var db = _store.Open())
        {
            Assert.Equal(BroadcastStep.Confirmed, await Service(db).ConfirmAsync(id, _office, Lan));
        }

        await using var check = _store.Open();
        var rows = await check.Deliveries.OrderBy(d => d.ChatId).ToDictionaryAsync(d => d.ChatId);
        Assert.Equal(new[] { _schoolGroup, _schoolHead, _kindergartenGroup }.Order(), rows.Keys);
        Assert.Equal((DeliveryStatus.Failed, "cuộc trò chuyện đã ngừng hoạt động"), (rows[_kindergartenGroup].Status, rows[_kindergartenGroup].Error));
        var progress = await Service(check).ProgressAsync(id);
        Assert.Equal((3, 0, 0, 1, 2), (progress!.Total, progress.Sent, progress.Failed, progress.Blocked, progress.Pending));
    }

    [Fact]
    public async Task Only_the_office_chat_that_drafted_it_may_confirm_or_cancel()
    {
        var id = await DraftAsync([_school]);

        await using (var db = _store.Open())
        {
            Assert.Equal(BroadcastStep.NotYours, await Service(db).ConfirmAsync(id, _otherOffice, Hung));
            Assert.Equal(BroadcastStep.NotYours, await Service(db).CancelAsync(id, _otherOffice, Hung));
            Assert.Equal(BroadcastStep.NotFound, await Service(db).ConfirmAsync(id + 1, _office, Lan));
            Assert.Equal(BroadcastStep.NotFound, await Service(db).CancelAsync(id + 1, _office, Lan));
        }

        await using (var check = _store.Open())
        {
            Assert.Empty(await check.Deliveries.ToListAsync());
            Assert.Null((await check.Broadcasts.SingleAsync()).ConfirmedAt);
            Assert.Equal(BroadcastStep.Confirmed, await Service(check).ConfirmAsync(id, _office, Lan));
            Assert.Equal(BroadcastStep.NotYours, await Service(check).ConfirmAsync(id, _otherOffice, Hung));
        }
    }

    [Theory]
    [InlineData(Role.Staff)]
    [InlineData(Role.Head)]
    public async Task Someone_the_access_policy_does_not_let_broadcast_is_stopped_by_the_service_itself(Role role)
    {
        var id = await DraftAsync([_school]);
        var writer = new Actor("Cán bộ VH-XH", null, role) { Id = "telegram:7003" };
        await using var db = _store.Open();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service(db).DraftAsync(_office, writer, "Tin giả", null, [_school]));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service(db).ConfirmAsync(id, _office, writer));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Service(db).CancelAsync(id, _office, writer));

        await using var check = _store.Open();
        var stored = await check.Broadcasts.SingleAsync();
        Assert.Equal((id, (DateTimeOffset?)null, (DateTimeOffset?)null), (stored.Id, stored.ConfirmedAt, stored.CancelledAt));
        Assert.Empty(await check.Deliveries.ToListAsync());
    }

    [Fact]
    public async Task A_cancelled_draft_can_never_be_confirmed_and_a_confirmed_one_not_cancelled()
    {
        var cancelled = await DraftAsync([_school]);
        var confirmed = await DraftAsync([_kindergarten]);
        await using var db = _store.Open();
        var service = Service(db);

        Assert.Equal(BroadcastStep.Cancelled, await service.CancelAsync(cancelled, _office, Lan));
        Assert.Equal(BroadcastStep.Cancelled, await service.CancelAsync(cancelled, _office, Lan));
        Assert.Equal(BroadcastStep.Cancelled, await service.ConfirmAsync(cancelled, _office, Lan));
        Assert.Equal(BroadcastStep.Confirmed, await service.ConfirmAsync(confirmed, _office, Lan));
        Assert.Equal(BroadcastStep.AlreadyConfirmed, await service.CancelAsync(confirmed, _office, Lan));

        await using var check = _store.Open();
        Assert.Empty(await check.Deliveries.Where(d => d.BroadcastId == cancelled).ToListAsync());
        Assert.Null(await Service(check).ProgressAsync(cancelled));
        var stored = await check.Broadcasts.SingleAsync(b => b.Id == cancelled);
        Assert.Equal((_clock.GetUtcNow(), (DateTimeOffset?)null), (stored.CancelledAt, stored.ConfirmedAt));
        Assert.Single(await check.Audit.Where(a => a.Action == "broadcast.cancel").ToListAsync());
    }

    [Fact]
    public async Task Progress_counts_sent_failed_and_blocked_chats_and_names_them()
    {
        var id = await DraftAsync([_school, _kindergarten]);
        await using (var db = _store.Open())
        {
            Assert.Null(await Service(db).ProgressAsync(id));
            Assert.Null(await Service(db).ProgressAsync(id + 1));
            await Service(db).ConfirmAsync(id, _office, Lan);
            var waiting = await Service(db).ProgressAsync(id);
            Assert.Equal((3, 0, 0, 0, 3), (waiting!.Total, waiting.Sent, waiting.Failed, waiting.Blocked, waiting.Pending));
        }

        // The school group keeps erroring until the sender gives up; the kindergarten group removed the bot.
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Transient("502 Bad Gateway"));
        _telegram.SendAsync(To("-1002"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Permanent("Forbidden: bot was kicked from the group chat"));
        var options = new DeliveryOptions { MessagesPerSecond = 10_000, PerChatInterval = TimeSpan.Zero, MaxAttempts = 1 };
        using var sender = new DeliverySender(_store.Open, [_telegram], options, _clock, new DeliverySignal(), TestMetrics.Create(), NullLogger<DeliverySender>.Instance);
        await sender.DrainAsync(CancellationToken.None);

        await using var check = _store.Open();
        var progress = await Service(check).ProgressAsync(id);
        Assert.Equal((id, 3, 1, 1, 1, 0), (progress!.BroadcastId, progress.Total, progress.Sent, progress.Failed, progress.Blocked, progress.Pending));
        Assert.Equal(["Nhóm THCS Hoa Thám (Trường THCS Hoa Thám)"], progress.FailedChats);
        Assert.Equal(["Nhóm Mầm non Hoa Thám (Trường Mầm non Hoa Thám)"], progress.BlockedChats);
    }

    [Fact]
    public async Task A_message_left_waiting_for_a_chat_that_was_stopped_counts_as_blocked_not_pending()
    {
        var id = await DraftAsync([_police]);
        await using var db = _store.Open();
        await Service(db).ConfirmAsync(id, _office, Lan);

        // Made inactive by someone other than the sender, which would have given up its waiting rows.
        await db.Chats.Where(c => c.Address == "-1004").ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false));

        var progress = await Service(db).ProgressAsync(id);
        Assert.Equal((1, 0, 1, 0), (progress!.Total, progress.Pending, progress.Blocked, progress.Failed));
        Assert.Equal(["Nhóm Công an xã (Công an xã)"], progress.BlockedChats);
    }

    [Fact]
    public async Task A_chat_that_moved_into_a_recipient_of_the_same_broadcast_is_counted_once()
    {
        var id = await DraftAsync([_school]);
        await using (var db = _store.Open())
        {
            await Service(db).ConfirmAsync(id, _office, Lan);
        }

        // The school group became a supergroup whose chat the head had already linked to the school.
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("501"));
        var options = new DeliveryOptions { MessagesPerSecond = 10_000, PerChatInterval = TimeSpan.Zero };
        using var sender = new DeliverySender(_store.Open, [_telegram], options, _clock, new DeliverySignal(), TestMetrics.Create(), NullLogger<DeliverySender>.Instance);
        await sender.DrainAsync(CancellationToken.None);

        await using var check = _store.Open();
        var progress = await Service(check).ProgressAsync(id);
        Assert.Equal((1, 1, 0, 0, 0), (progress!.Total, progress.Sent, progress.Failed, progress.Blocked, progress.Pending));
        Assert.Equal(["-1001", "501"], _toTelegram.Select(m => m.Address));
    }

    private static OutgoingMessage To(string address) => Arg.Is<OutgoingMessage>(m => m.Address == address);

    private BroadcastService Service(TdktDbContext db) => new(db, _clock);

    private async Task<long> DraftAsync(IReadOnlyCollection<long> units)
    {
        await using var db = _store.Open();
        return (await Service(db).DraftAsync(_office, Lan, "Phát động phong trào thi đua năm 2026", null, units)).BroadcastId;
    }

    private Chat Chat(string address, string name, UnitRecord? unit, bool active = true) => new()
    {
        Channel = Messenger.Telegram,
        Address = address,
        DisplayName = name,
        Unit = unit,
        Active = active,
        CreatedAt = _clock.GetUtcNow(),
    };

    public sealed class OnSqlite() : BroadcastServiceTests(new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : BroadcastServiceTests(new TestStore(postgres));
}
