using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.Core;
using TdktBot.Messaging;
using TdktBot.Data.Entities;
using TdktBot.Outbox;
using TdktBot.Testing;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Outbox;

public abstract class DeliverySenderTests : IAsyncLifetime
{
    private const string Kicked = "Forbidden: bot was kicked from the group chat";
    private readonly TestStore _store;
    private readonly FakeTimeProvider _clock = new(TestStore.Local(2026, 1, 23, 8));
    private readonly IChatChannel _telegram = Substitute.For<IChatChannel>();
    private readonly IChatChannel _console = Substitute.For<IChatChannel>();

    // Every message each messenger was given, in order, with the real time it arrived: the pacing tests measure the gaps.
    private readonly ConcurrentQueue<Arrival> _toTelegram = new();
    private readonly ConcurrentQueue<Arrival> _toConsole = new();

    // Telegram's usual answer, for the tests that answer otherwise for an address and then let it send.
    private readonly Func<CallInfo, SendOutcome> _telegramSendsAsUsual;
    private readonly DeliverySignal _signal = new();
    private readonly ILogger<DeliverySender> _log = Substitute.For<ILogger<DeliverySender>>();
    private readonly List<DeliverySender> _senders = [];

    // Fast by default; the pacing tests set their own limits.
    private readonly DeliveryOptions _options = new() { MessagesPerSecond = 10_000, PerChatInterval = TimeSpan.Zero };

    private Chat _school = null!;
    private Chat _kindergarten = null!;
    private Chat _officeGroup = null!;
    private Chat _officer = null!;
    private Chat _zalo = null!;

    protected DeliverySenderTests(TestStore store)
    {
        _store = store;
        _telegramSendsAsUsual = Answering(_telegram, Messenger.Telegram, _toTelegram);
        Answering(_console, Messenger.Console, _toConsole);
        _log.IsEnabled(Arg.Any<LogLevel>()).Returns(true);
    }

    public async Task InitializeAsync()
    {
        await using var db = await _store.MigratedAsync();
        var school = new UnitRecord { Name = "Trường THCS Hoa Thám", Groups = "giao-duc" };
        var kindergarten = new UnitRecord { Name = "Trường Mầm non Hoa Thám", Groups = "giao-duc" };
        var office = new UnitRecord { Name = "Phòng Văn hóa - Xã hội", IsOffice = true };
        _school = NewChat(Messenger.Telegram, "-1001", "Nhóm THCS Hoa Thám", school);
        _kindergarten = NewChat(Messenger.Telegram, "-1002", "Nhóm Mầm non Hoa Thám", kindergarten);

        // One office chat known by its unit, one by the office role of the person behind it; a former one that no longer works.
        _officeGroup = NewChat(Messenger.Telegram, "-1009", "Nhóm Phòng VH-XH", office);
        _officer = NewChat(Messenger.Console, "vhxh", "Cán bộ VH-XH", null);
        var formerOffice = NewChat(Messenger.Telegram, "-1010", "Nhóm VH-XH cũ", office);
        formerOffice.Active = false;
        _zalo = NewChat(Messenger.Zalo, "z-77", "Trường Mầm non (Zalo)", kindergarten);
        db.Chats.AddRange(_school, _kindergarten, _officeGroup, _officer, formerOffice, _zalo);
        db.Members.Add(new Member { Channel = Messenger.Console, PersonId = "vhxh", Unit = office, Role = ChatRole.Office, CreatedAt = _clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        foreach (var sender in _senders)
        {
            sender.Dispose();
        }

        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Sends_due_deliveries_oldest_first_records_each_and_never_sends_one_twice()
    {
        var first = await QueueAsync(_school, "Nhắc việc 1");
        var second = await QueueAsync(_kindergarten, "Nhắc việc 2");
        var third = await QueueAsync(_school, "Nhắc việc 3");
        var later = await QueueAsync(_school, "Nhắc việc ngày mai", _clock.GetUtcNow().AddDays(1));
        _clock.Advance(TimeSpan.FromMinutes(3));
        var sender = Sender();

        Assert.Equal(3, await sender.DrainAsync(CancellationToken.None));

        Assert.Equal(["Nhắc việc 1", "Nhắc việc 2", "Nhắc việc 3"], TelegramTexts);
        Assert.Equal(new OutgoingMessage("-1001", "Nhắc việc 1", "Nhóm THCS Hoa Thám"), ToTelegram[0].Message);
        var stored = await StoredAsync(first, second, third);
        Assert.All(stored, d => Assert.Equal((DeliveryStatus.Sent, 1, (string?)null, _clock.GetUtcNow()), (d.Status, d.Attempts, d.Error, d.SentAt!.Value)));
        Assert.Equal(["telegram-1", "telegram-2", "telegram-3"], stored.Select(d => d.MessageId));
        Assert.Equal(DeliveryStatus.Pending, (await StoredAsync(later)).Single().Status);

        Assert.Equal(0, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal(0, await Sender().DrainAsync(CancellationToken.None));
        Assert.Equal(3, ToTelegram.Count);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal("Nhắc việc ngày mai", TelegramTexts.Last());
    }

    [Fact]
    public async Task A_delivery_another_instance_is_sending_waits_for_its_lease_then_goes_once()
    {
        var held = await QueueAsync(_school, "Đang được máy khác gửi");
        var free = await QueueAsync(_kindergarten, "Tự do");
        await using (var db = _store.Open())
        {
            var row = await db.Deliveries.SingleAsync(d => d.Id == held);
            row.ClaimedBy = "may-khac-1";
            row.ClaimedUntil = _clock.GetUtcNow().AddSeconds(60);
            await db.SaveChangesAsync();
        }

        var sender = Track(new DeliverySender(_store.Open, [_telegram, _console], _options, _clock, _signal, TestMetrics.Create(), _log, "may-nay-2"));

        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal(["Tự do"], TelegramTexts);
        Assert.Equal(DeliveryStatus.Pending, (await StoredAsync(held)).Single().Status);

        // The other instance died mid-send: once its lease has run out, the row is this one's to send.
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal(["Tự do", "Đang được máy khác gửi"], TelegramTexts);
        var sent = await StoredAsync(held, free);
        Assert.All(sent, d => Assert.Equal((DeliveryStatus.Sent, "may-nay-2", (DateTimeOffset?)null), (d.Status, d.ClaimedBy, d.ClaimedUntil)));
    }

    [Fact]
    public async Task Two_instances_draining_one_outbox_send_every_message_exactly_once()
    {
        var ids = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            ids.Add(await QueueAsync(i % 2 == 0 ? _school : _kindergarten, $"Tin {i:00}"));
        }

        var one = Track(new DeliverySender(_store.Open, [_telegram, _console], _options, _clock, _signal, TestMetrics.Create(), _log, "may-1"));
        var two = Track(new DeliverySender(_store.Open, [_telegram, _console], _options, _clock, _signal, TestMetrics.Create(), _log, "may-2"));

        var counts = await Task.WhenAll(Task.Run(() => one.DrainAsync(CancellationToken.None)), Task.Run(() => two.DrainAsync(CancellationToken.None)));

        Assert.Equal(40, counts.Sum());
        Assert.Equal(40, TelegramTexts.Count());
        Assert.Equal(40, TelegramTexts.Distinct().Count());
        Assert.All(await StoredAsync([.. ids]), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task A_transient_error_is_retried_only_after_a_doubling_backoff()
    {
        var id = await QueueAsync(_school, "Nhắc việc");
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>())
            .Returns(_ => new SendOutcome.Transient("502 Bad Gateway"), _ => new SendOutcome.Transient("504 Gateway Timeout"), _telegramSendsAsUsual);
        var sender = Sender();
        var start = _clock.GetUtcNow();

        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        var once = (await StoredAsync(id)).Single();
        Assert.Equal((DeliveryStatus.Pending, 1, "502 Bad Gateway", start.AddSeconds(5)), (once.Status, once.Attempts, once.Error, once.NotBefore));

        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await sender.DrainAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        var twice = (await StoredAsync(id)).Single();
        Assert.Equal((DeliveryStatus.Pending, 2, "504 Gateway Timeout", start.AddSeconds(15)), (twice.Status, twice.Attempts, twice.Error, twice.NotBefore));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await sender.DrainAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        var sent = (await StoredAsync(id)).Single();
        Assert.Equal((DeliveryStatus.Sent, 3, (string?)null, "telegram-3"), (sent.Status, sent.Attempts, sent.Error, sent.MessageId));
        Assert.Equal(3, ToTelegram.Count);
    }

    [Fact]
    public async Task A_retry_after_delays_the_message_beyond_the_backoff_and_pauses_its_messenger()
    {
        var limited = await QueueAsync(_school, "Nhắc việc THCS");
        var sameMessenger = await QueueAsync(_kindergarten, "Nhắc việc Mầm non");
        var otherMessenger = await QueueAsync(_officer, "Tổng hợp tuần");
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>())
            .Returns(_ => new SendOutcome.Transient("429 Too Many Requests", TimeSpan.FromMinutes(2)), _telegramSendsAsUsual);
        var sender = Sender();
        var start = _clock.GetUtcNow();

        Assert.Equal(2, await sender.DrainAsync(CancellationToken.None));
        var held = (await StoredAsync(limited)).Single();
        Assert.Equal((1, "429 Too Many Requests", start.AddMinutes(2)), (held.Attempts, held.Error, held.NotBefore));
        Assert.Equal(DeliveryStatus.Pending, (await StoredAsync(sameMessenger)).Single().Status);
        Assert.Equal(DeliveryStatus.Sent, (await StoredAsync(otherMessenger)).Single().Status);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sender.DrainAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal(["Nhắc việc THCS", "Nhắc việc THCS", "Nhắc việc Mầm non"], TelegramTexts);
        Assert.All(await StoredAsync(limited, sameMessenger), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_given_up_after_max_attempts()
    {
        _options.MaxAttempts = 3;
        var id = await QueueAsync(_school, "Nhắc việc");
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Transient("503 Service Unavailable"));
        var sender = Sender();

        for (var i = 0; i < 5; i++)
        {
            await sender.DrainAsync(CancellationToken.None);
            _clock.Advance(TimeSpan.FromHours(1));
        }

        var stored = (await StoredAsync(id)).Single();
        Assert.Equal((DeliveryStatus.Failed, 3, "503 Service Unavailable", (DateTimeOffset?)null), (stored.Status, stored.Attempts, stored.Error, stored.SentAt));
        Assert.Equal(3, ToTelegram.Count);
        Assert.True((await ChatAsync(_school.Id)).Active);
    }

    [Fact]
    public async Task A_channel_that_throws_counts_as_a_transient_error()
    {
        var id = await QueueAsync(_school, "Nhắc việc");
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>())
            .Returns(_ => throw new HttpRequestException("Connection refused (api.telegram.org:443)"), _telegramSendsAsUsual);
        var sender = Sender();

        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));

        var stored = (await StoredAsync(id)).Single();
        Assert.Equal((DeliveryStatus.Pending, 1, "Connection refused (api.telegram.org:443)", _clock.GetUtcNow().AddSeconds(5)),
            (stored.Status, stored.Attempts, stored.Error, stored.NotBefore));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal(DeliveryStatus.Sent, (await StoredAsync(id)).Single().Status);
    }

    [Fact]
    public async Task A_blocked_chat_is_made_inactive_its_waiting_messages_given_up_and_the_office_told()
    {
        var failing = await QueueAsync(_school, "Nhắc việc 1");
        var other = await QueueAsync(_kindergarten, "Nhắc việc Mầm non");
        var waiting = await QueueAsync(_school, "Nhắc việc 2");
        var tomorrow = await QueueAsync(_school, "Nhắc việc 3", _clock.GetUtcNow().AddDays(1));
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Permanent(Kicked));

        var attempted = await Sender().DrainAsync(CancellationToken.None);

        var failed = (await StoredAsync(failing)).Single();
        Assert.Equal((DeliveryStatus.Failed, 1, Kicked), (failed.Status, failed.Attempts, failed.Error));
        Assert.All(await StoredAsync(waiting, tomorrow), d => Assert.Equal((DeliveryStatus.Failed, 0, "cuộc trò chuyện đã ngừng hoạt động"), (d.Status, d.Attempts, d.Error)));
        Assert.Equal(DeliveryStatus.Sent, (await StoredAsync(other)).Single().Status);
        var school = await ChatAsync(_school.Id);
        Assert.Equal((false, Kicked), (school.Active, school.InactiveReason));

        await using var db = _store.Open();
        var audit = await db.Audit.SingleAsync();
        Assert.Equal(("chat.inactive", $"chat:{_school.Id}"), (audit.Action, audit.Subject));
        Assert.Contains(Kicked, audit.Details, StringComparison.Ordinal);

        const string Notice = "⚠️ Bot không gửi được tin nhắn tới «Nhóm THCS Hoa Thám» (Trường THCS Hoa Thám) trên Telegram: "
            + Kicked + ".\nBot đã dừng gửi nhắc việc tới cuộc trò chuyện này. Vui lòng mời lại Trường THCS Hoa Thám "
            + "(thêm bot vào nhóm hoặc nhờ đơn vị nhắn tin cho bot) để tiếp tục nhận nhắc việc.";
        var notices = await db.Deliveries.Where(d => d.Kind == "notice").OrderBy(d => d.ChatId).ToListAsync();
        Assert.Equal(new[] { _officeGroup.Id, _officer.Id }.Order(), notices.Select(n => n.ChatId));
        Assert.All(notices, n => Assert.Equal((Notice, DeliveryStatus.Sent), (n.Text, n.Status)));
        Assert.All(notices, n => Assert.StartsWith($"inactive:{_school.Id}:", n.Key, StringComparison.Ordinal));

        // Sent in the same drain: the failure, the other unit's reminder, then the notices.
        Assert.Equal(4, attempted);
        Assert.Equal(["Nhắc việc 1", "Nhắc việc Mầm non", Notice], TelegramTexts);
        Assert.Equal(new OutgoingMessage("-1009", Notice, "Nhóm Phòng VH-XH"), ToTelegram[2].Message);
        Assert.Equal([Notice], ConsoleTexts);
        Assert.Equal(0, await Sender().DrainAsync(CancellationToken.None));
    }

    [Fact]
    public async Task When_an_office_chat_stops_only_the_other_office_chats_are_told()
    {
        await QueueAsync(_officeGroup, "Tổng hợp tuần");
        _telegram.SendAsync(To("-1009"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Permanent("Forbidden: bot was blocked by the user"));

        await Sender().DrainAsync(CancellationToken.None);

        await using var db = _store.Open();
        var notice = await db.Deliveries.SingleAsync(d => d.Kind == "notice");
        Assert.Equal((_officer.Id, DeliveryStatus.Sent), (notice.ChatId, notice.Status));
        Assert.Contains("«Nhóm Phòng VH-XH» (Phòng Văn hóa - Xã hội)", notice.Text, StringComparison.Ordinal);
        Assert.Equal(["Tổng hợp tuần"], TelegramTexts);
        Assert.Equal([notice.Text], ConsoleTexts);
    }

    [Fact]
    public async Task Deliveries_for_a_messenger_that_is_not_configured_or_an_inactive_chat_stay_untouched()
    {
        var zalo = await QueueAsync(_zalo, "Nhắc việc qua Zalo");
        var telegram = await QueueAsync(_kindergarten, "Nhắc việc qua Telegram");
        await using (var db = _store.Open())
        {
            var former = await db.Chats.SingleAsync(c => c.Address == "-1010");
            db.Deliveries.Add(NewDelivery(former.Id, "to-inactive", "Tin cho nhóm cũ"));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Sender(_telegram).DrainAsync(CancellationToken.None));

        Assert.Equal(["Nhắc việc qua Telegram"], TelegramTexts);
        await using var check = _store.Open();
        Assert.All(await check.Deliveries.Where(d => d.Id != telegram).ToListAsync(),
            d => Assert.Equal((DeliveryStatus.Pending, 0, (string?)null), (d.Status, d.Attempts, d.Error)));
        Assert.Equal(DeliveryStatus.Pending, (await StoredAsync(zalo)).Single().Status);
    }

    [Fact]
    public async Task The_overall_pace_never_exceeds_messages_per_second()
    {
        _options.MessagesPerSecond = 20;
        await using (var db = _store.Open())
        {
            for (var i = 0; i < 10; i++)
            {
                var chat = NewChat(Messenger.Telegram, $"pace-{i}", null, null);
                db.Chats.Add(chat);
                await db.SaveChangesAsync();
                db.Deliveries.Add(NewDelivery(chat.Id, $"pace:{i}", $"Tin {i}"));
            }

            await db.SaveChangesAsync();
        }

        Assert.Equal(10, await Sender().DrainAsync(CancellationToken.None));

        var received = ToTelegram;
        Assert.Equal(10, received.Count);
        Assert.True(Between(received[0], received[^1]) >= TimeSpan.FromMilliseconds(400), $"10 messages took {Between(received[0], received[^1])}");
    }

    [Fact]
    public async Task Messages_to_the_same_chat_are_spaced_while_other_chats_go_ahead()
    {
        _options.PerChatInterval = TimeSpan.FromMilliseconds(200);
        await QueueAsync(_school, "THCS 1");
        await QueueAsync(_school, "THCS 2");
        await QueueAsync(_kindergarten, "Mầm non");

        Assert.Equal(3, await Sender().DrainAsync(CancellationToken.None));

        var received = ToTelegram;
        Assert.Equal(["THCS 1", "Mầm non", "THCS 2"], received.Select(r => r.Message.Text));
        Assert.True(Between(received[0], received[2]) >= TimeSpan.FromMilliseconds(200), $"same chat after {Between(received[0], received[2])}");
    }

    [Fact]
    public async Task A_group_chat_gets_at_most_per_group_per_minute_while_other_chats_go_ahead()
    {
        // 120 a minute (0.5 s apart) instead of Telegram's 20, to keep the test short.
        _options.PerGroupPerMinute = 120;
        await MakeGroupAsync(_school);
        await QueueAsync(_school, "THCS 1");
        await QueueAsync(_school, "THCS 2");
        await QueueAsync(_school, "THCS 3");
        await QueueAsync(_kindergarten, "Mầm non");

        Assert.Equal(4, await Sender().DrainAsync(CancellationToken.None));

        var received = ToTelegram;
        Assert.Equal(["THCS 1", "Mầm non", "THCS 2", "THCS 3"], received.Select(r => r.Message.Text));
        Assert.True(Between(received[0], received[2]) >= TimeSpan.FromMilliseconds(500), $"group's 2nd after {Between(received[0], received[2])}");
        Assert.True(Between(received[2], received[3]) >= TimeSpan.FromMilliseconds(500), $"group's 3rd after {Between(received[2], received[3])}");
    }

    [Fact]
    public async Task A_group_gets_the_longer_of_the_per_chat_gap_and_the_group_spacing()
    {
        _options.PerGroupPerMinute = 600;
        _options.PerChatInterval = TimeSpan.FromMilliseconds(400);
        await MakeGroupAsync(_school);
        await QueueAsync(_school, "THCS 1");
        await QueueAsync(_school, "THCS 2");

        Assert.Equal(2, await Sender().DrainAsync(CancellationToken.None));

        var received = ToTelegram;
        Assert.True(Between(received[0], received[1]) >= TimeSpan.FromMilliseconds(400), $"group's 2nd after {Between(received[0], received[1])}");
    }

    [Fact]
    public void A_group_limit_below_one_is_refused()
    {
        _options.PerGroupPerMinute = 0;

        Assert.Throws<ArgumentOutOfRangeException>(() => Sender());
    }

    [Fact]
    public async Task A_moved_chat_gets_its_new_address_and_the_message_again_without_counting_an_attempt()
    {
        var first = await QueueAsync(_school, "Nhắc việc 1");
        var second = await QueueAsync(_school, "Nhắc việc 2");
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("-100777"));

        Assert.Equal(3, await Sender().DrainAsync(CancellationToken.None));

        Assert.Equal([("-1001", "Nhắc việc 1"), ("-100777", "Nhắc việc 1"), ("-100777", "Nhắc việc 2")],
            ToTelegram.Select(r => (r.Message.Address, r.Message.Text)));
        Assert.All(await StoredAsync(first, second), d => Assert.Equal((DeliveryStatus.Sent, 1, _school.Id), (d.Status, d.Attempts, d.ChatId)));
        var school = await ChatAsync(_school.Id);
        Assert.Equal(("-100777", true), (school.Address, school.Active));
        await using var db = _store.Open();
        var audit = await db.Audit.SingleAsync();
        Assert.Equal(("chat.moved", $"chat:{_school.Id}", "telegram -1001 → -100777"), (audit.Action, audit.Subject, audit.Details));
        Assert.False(await db.Deliveries.AnyAsync(d => d.Kind == "notice"));
    }

    [Fact]
    public async Task A_chat_moved_to_an_address_the_bot_knows_merges_into_that_chat_and_nothing_is_sent_twice()
    {
        long supergroupId, reminderId, alreadyThere;
        await using (var db = _store.Open())
        {
            // Someone wrote from the new supergroup before the bot learnt of the move: an unlinked chat exists.
            var supergroup = NewChat(Messenger.Telegram, "-100888", null, null);
            supergroup.IsGroup = true;
            supergroup.Active = false;
            var reminder = new Reminder { Key = "rem:1:before-3d", Step = "before-3d", ScheduledAt = _clock.GetUtcNow(), CreatedAt = _clock.GetUtcNow() };
            db.AddRange(supergroup, reminder);
            await db.SaveChangesAsync();
            var there = NewDelivery(supergroup.Id, "rem:1:before-3d>new", "Nhắc việc 3 ngày");
            there.ReminderId = reminder.Id;
            there.Status = DeliveryStatus.Sent;
            db.Deliveries.Add(there);
            await db.SaveChangesAsync();
            (supergroupId, reminderId, alreadyThere) = (supergroup.Id, reminder.Id, there.Id);
        }

        var moving = await QueueAsync(_school, "Nhắc việc 1");
        long duplicate;
        await using (var db = _store.Open())
        {
            var copy = NewDelivery(_school.Id, "rem:1:before-3d>old", "Nhắc việc 3 ngày");
            copy.ReminderId = reminderId;
            db.Deliveries.Add(copy);
            await db.SaveChangesAsync();
            duplicate = copy.Id;
        }

        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("-100888"));

        Assert.Equal(2, await Sender().DrainAsync(CancellationToken.None));

        Assert.Equal([("-1001", "Nhắc việc 1"), ("-100888", "Nhắc việc 1")], ToTelegram.Select(r => (r.Message.Address, r.Message.Text)));
        var rows = (await StoredAsync(moving, duplicate, alreadyThere)).ToDictionary(d => d.Id);
        Assert.Equal((DeliveryStatus.Sent, 1, supergroupId), (rows[moving].Status, rows[moving].Attempts, rows[moving].ChatId));
        Assert.Equal((DeliveryStatus.Failed, 0, _school.Id, "cuộc trò chuyện mới của nhóm đã có tin nhắn này"),
            (rows[duplicate].Status, rows[duplicate].Attempts, rows[duplicate].ChatId, rows[duplicate].Error));
        Assert.Equal(supergroupId, rows[alreadyThere].ChatId);

        var kept = await ChatAsync(supergroupId);
        Assert.Equal((true, _school.UnitId, "Nhóm THCS Hoa Thám", true), (kept.Active, kept.UnitId, kept.DisplayName, kept.IsGroup));
        var old = await ChatAsync(_school.Id);
        Assert.Equal((false, "-1001", "nhóm đã chuyển sang mã mới -100888"), (old.Active, old.Address, old.InactiveReason));
        await using var check = _store.Open();
        var audit = await check.Audit.SingleAsync();
        Assert.Equal(("chat.merged", $"chat:{_school.Id}"), (audit.Action, audit.Subject));
        Assert.False(await check.Deliveries.AnyAsync(d => d.Kind == "notice"));
    }

    [Fact]
    public async Task A_merge_keeps_the_link_of_a_chat_that_was_already_linked()
    {
        long kindergartenGroup;
        await using (var db = _store.Open())
        {
            var linked = NewChat(Messenger.Telegram, "-100999", "Nhóm Mầm non mới", null);
            linked.UnitId = _kindergarten.UnitId;
            db.Chats.Add(linked);
            await db.SaveChangesAsync();
            kindergartenGroup = linked.Id;
        }

        await QueueAsync(_school, "Nhắc việc 1");
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("-100999"));

        await Sender().DrainAsync(CancellationToken.None);

        var kept = await ChatAsync(kindergartenGroup);
        Assert.Equal((_kindergarten.UnitId, "Nhóm Mầm non mới"), (kept.UnitId, kept.DisplayName));
    }

    [Fact]
    public async Task A_messenger_that_keeps_answering_moved_is_followed_three_times_then_counts_as_a_failed_attempt()
    {
        var id = await QueueAsync(_school, "Nhắc việc");
        _telegram.SendAsync(To("-1001"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("-2"));
        _telegram.SendAsync(To("-2"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("-3"));
        _telegram.SendAsync(To("-3"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("-4"));
        _telegram.SendAsync(To("-4"), Arg.Any<CancellationToken>()).Returns(new SendOutcome.Moved("-5"));

        Assert.Equal(4, await Sender().DrainAsync(CancellationToken.None));

        Assert.Equal(["-1001", "-2", "-3", "-4"], ToTelegram.Select(r => r.Message.Address));
        var stored = (await StoredAsync(id)).Single();
        Assert.Equal((DeliveryStatus.Pending, 1, "moved 3 times, last to -5", _clock.GetUtcNow().AddSeconds(5)),
            (stored.Status, stored.Attempts, stored.Error, stored.NotBefore));
        Assert.Equal("-4", (await ChatAsync(_school.Id)).Address);
    }

    [Fact]
    public async Task Stored_reply_buttons_reach_the_messenger()
    {
        await using (var db = _store.Open())
        {
            var delivery = NewDelivery(_school.Id, "with-buttons", "Nhắc việc");
            delivery.Buttons = "✅ Đã nộp|NOP 3\r\nXem việc còn lại|VIEC\n\n";
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync();
        }

        await QueueAsync(_kindergarten, "Không có nút");

        Assert.Equal(2, await Sender().DrainAsync(CancellationToken.None));

        Assert.Equal([new ChatButton("✅ Đã nộp", "NOP 3"), new ChatButton("Xem việc còn lại", "VIEC")], ToTelegram[0].Message.Buttons);
        Assert.Empty(ToTelegram[1].Message.Buttons);
    }

    [Fact]
    public async Task A_poll_with_nothing_due_sends_nothing_and_a_row_is_sent_once_it_is_due()
    {
        // Not due yet, for a chat that stopped, and for a messenger this bot does not run: none of them is due now.
        await QueueAsync(_school, "Nhắc việc ngày mai", _clock.GetUtcNow().AddDays(1));
        await using (var db = _store.Open())
        {
            var stopped = await db.Chats.SingleAsync(c => c.Address == "-1010");
            db.Deliveries.Add(NewDelivery(stopped.Id, "test:stopped", "Cho nhóm cũ"));
            db.Deliveries.Add(NewDelivery(_zalo.Id, "test:zalo", "Qua Zalo"));
            await db.SaveChangesAsync();
        }

        var sender = Track(new DeliverySender(_store.Open, [_telegram, _console], _options, _clock, _signal, TestMetrics.Create(), _log));

        Assert.Equal(0, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal(0, await sender.DrainAsync(CancellationToken.None));
        Assert.Empty(ToTelegram);

        // Once the first of them is due, the next poll sends it; the others still wait.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await sender.DrainAsync(CancellationToken.None));
        Assert.Equal(["Nhắc việc ngày mai"], TelegramTexts);
        await using var check = _store.Open();
        Assert.Equal(2, await check.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Pending));
    }

    [Fact]
    public async Task The_loop_survives_a_failing_store_and_stops_when_cancelled()
    {
        var opened = 0;
        _options.PollInterval = TimeSpan.FromMilliseconds(50);
        var sender = Track(new DeliverySender(
            () => Interlocked.Increment(ref opened) == 1 ? throw new InvalidOperationException("database is locked") : _store.Open(),
            [_telegram], _options, _clock, _signal, TestMetrics.Create(), _log));
        await QueueAsync(_school, "Nhắc việc");
        using var stop = new CancellationTokenSource();

        var run = sender.RunAsync(stop.Token);
        await EventuallyAsync(() => ToTelegram.Count == 1);
        await stop.CancelAsync();
        await run;

        var error = Assert.Single(Logged(LogLevel.Error));
        Assert.StartsWith("Sending deliveries failed", error, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Sent, (await StoredAsync(1)).Single().Status);
    }

    [Fact]
    public async Task The_loop_wakes_on_the_signal_long_before_the_next_poll()
    {
        var opened = 0;
        _options.PollInterval = TimeSpan.FromHours(1);
        var sender = Track(new DeliverySender(
            () =>
            {
                Interlocked.Increment(ref opened);
                return _store.Open();
            },
            [_telegram], _options, _clock, _signal, TestMetrics.Create(), _log));
        await QueueAsync(_school, "Nhắc việc 1");
        using var stop = new CancellationTokenSource();

        var run = sender.RunAsync(stop.Token);

        // The first drain ends with a batch that finds nothing; then the loop waits for an hour or the signal.
        await EventuallyAsync(() => ToTelegram.Count == 1 && Volatile.Read(ref opened) >= 2);
        await Task.Delay(100);
        await QueueAsync(_school, "Nhắc việc 2");
        _signal.Notify();
        await EventuallyAsync(() => ToTelegram.Count == 2);

        await stop.CancelAsync();
        await run;
        Assert.Equal(["Nhắc việc 1", "Nhắc việc 2"], TelegramTexts);
    }

    [Fact]
    public async Task The_signal_wakes_a_waiter_once_per_burst_of_notifications_and_otherwise_times_out()
    {
        var signal = new DeliverySignal();
        signal.Notify();
        signal.Notify();

        await signal.WaitAsync(TimeSpan.FromHours(1), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(90), $"woke after {clock.Elapsed}");
    }

    /// <summary>
    /// Makes <paramref name="channel"/> a messenger named <paramref name="name"/> that keeps every message in <paramref name="arrivals"/>
    /// and sends it, with the message id "{name}-{n}" for the n-th message it was given; returns that usual answer.
    /// </summary>
    private static Func<CallInfo, SendOutcome> Answering(IChatChannel channel, Messenger name, ConcurrentQueue<Arrival> arrivals)
    {
        Func<CallInfo, SendOutcome> sent = _ => new SendOutcome.Sent($"{name.Key()}-{arrivals.Count}");
        channel.Messenger.Returns(name);
        channel.When(c => c.SendAsync(Arg.Any<OutgoingMessage>(), Arg.Any<CancellationToken>()))
            .Do(call => arrivals.Enqueue(new Arrival(call.Arg<OutgoingMessage>(), Stopwatch.GetTimestamp())));
        channel.SendAsync(Arg.Any<OutgoingMessage>(), Arg.Any<CancellationToken>()).Returns(sent);
        return sent;
    }

    private static OutgoingMessage To(string address) => Arg.Is<OutgoingMessage>(m => m.Address == address);

    private List<Arrival> ToTelegram => [.. _toTelegram];

    private IEnumerable<string> TelegramTexts => [.. _toTelegram.Select(a => a.Message.Text)];

    private IEnumerable<string> ConsoleTexts => [.. _toConsole.Select(a => a.Message.Text)];

    /// <summary>What was logged at <paramref name="level"/>, formatted as a log provider would write it.</summary>
    private List<string> Logged(LogLevel level) =>
    [
        .. from call in _log.ReceivedCalls()
           where call.GetMethodInfo().Name == nameof(ILogger.Log)
           let args = call.GetArguments()
           where (LogLevel)args[0]! == level
           select (string)((Delegate)args[4]!).DynamicInvoke(args[2], args[3])!,
    ];

    private DeliverySender Sender(params IChatChannel[] channels) =>
        Track(new DeliverySender(_store.Open, channels.Length == 0 ? [_telegram, _console] : channels, _options, _clock, _signal, TestMetrics.Create(), _log));

    private DeliverySender Track(DeliverySender sender)
    {
        _senders.Add(sender);
        return sender;
    }

    private async Task<long> QueueAsync(Chat chat, string text, DateTimeOffset? notBefore = null)
    {
        await using var db = _store.Open();
        var delivery = NewDelivery(chat.Id, $"test:{Guid.NewGuid():N}", text, notBefore);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync();
        return delivery.Id;
    }

    private Delivery NewDelivery(long chatId, string key, string text, DateTimeOffset? notBefore = null) => new()
    {
        Key = key,
        Kind = "reminder",
        ChatId = chatId,
        Text = text,
        NotBefore = notBefore ?? _clock.GetUtcNow(),
        CreatedAt = _clock.GetUtcNow(),
    };

    private Chat NewChat(Messenger channel, string address, string? name, UnitRecord? unit) => new()
    {
        Channel = channel,
        Address = address,
        DisplayName = name,
        Unit = unit,
        CreatedAt = _clock.GetUtcNow(),
    };

    private async Task MakeGroupAsync(Chat chat)
    {
        await using var db = _store.Open();
        await db.Chats.Where(c => c.Id == chat.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsGroup, true));
    }

    private async Task<List<Delivery>> StoredAsync(params long[] ids)
    {
        await using var db = _store.Open();
        return await db.Deliveries.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync();
    }

    private async Task<Chat> ChatAsync(long id)
    {
        await using var db = _store.Open();
        return await db.Chats.SingleAsync(c => c.Id == id);
    }

    private static TimeSpan Between(Arrival first, Arrival last) => Stopwatch.GetElapsedTime(first.Timestamp, last.Timestamp);

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "gave up waiting after 10 s");
    }

    private sealed record Arrival(OutgoingMessage Message, long Timestamp);

    public sealed class OnSqlite() : DeliverySenderTests(new TestStore());

    [Collection(PostgresCluster.Collection)]
    public sealed class OnPostgres(PostgresCluster postgres) : DeliverySenderTests(new TestStore(postgres));
}
