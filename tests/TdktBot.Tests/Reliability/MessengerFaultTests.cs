using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Tests.EndToEnd;
using TdktBot.Cli;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// What goes wrong between the bot and a messenger, injected at the fake Telegram or Zalo server while the whole bot
/// delivers a broadcast through its outbox: the message still arrives once after a passing fault, a chat that is gone
/// is switched off and the office told, the row in the outbox says which, and the bot keeps answering. The office sits
/// on the other messenger, so the only send the fault can hit is the broadcast's.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class MessengerFaultTests
{
    private const long OfficeTelegram = 6001;
    private const string OfficeZalo = "z-office-fault";
    private const long SchoolTelegram = 6101;
    private const string SchoolZalo = "z-school-fault";
    private const long StrangerTelegram = 6201;
    private const string StrangerZalo = "z-stranger-fault";
    private const string SchoolUnit = "Trường THCS Hoa Thám";
    private const string Launch = "Phát động phong trào «Dạy tốt, học tốt» năm 2026";

    public enum Messenger
    {
        Telegram,
        Zalo,
    }

    public enum Fault
    {
        /// <summary>429 with retry_after 1 (Zalo: also the Retry-After header).</summary>
        TooManyRequests,
        InternalServerError,
        BadGateway,

        /// <summary>The answer comes later than the client's timeout (10 s, the shortest the settings allow), once.</summary>
        SlowerThanTimeout,

        /// <summary>The connection is closed without an answer, before the send takes effect.</summary>
        DroppedConnection,

        /// <summary>HTTP 200 with a body that is not JSON, before the send takes effect.</summary>
        MalformedJson,

        /// <summary>The user blocked the bot: 403.</summary>
        Blocked,

        /// <summary>400 chat not found.</summary>
        ChatNotFound,
    }

    public static TheoryData<Messenger, Fault> Cases()
    {
        var cases = new TheoryData<Messenger, Fault>();
        foreach (var messenger in Enum.GetValues<Messenger>())
        {
            foreach (var fault in Enum.GetValues<Fault>())
            {
                cases.Add(messenger, fault);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broadcast_through_the_outbox_ends_sent_or_failed_with_its_reason_and_the_bot_keeps_answering(Messenger messenger, Fault fault)
    {
        var log = new RecordingLog();

        // At real speed, since the outbox's backoff and a messenger's retry_after count on the bot's clock; on a Sunday,
        // so no reminder falls due and mixes with the broadcast.
        var clock = new SimulatedClock(MessengerBotUnderTest.Vn(2026, 3, 1, 9), TimeProvider.System);
        await using var bot = await MessengerBotUnderTest.StartAsync(clock, configureServices: s => s.AddSingleton<ILoggerProvider>(log));
        var side = new Side(bot, messenger);
        await side.LinkOfficeOnTheOtherMessengerAsync();
        await side.LinkSchoolAsync();
        side.Inject(fault);

        var broadcastId = await side.BroadcastToSchoolsAsync();

        var delivery = await SettledAsync(bot, broadcastId);
        var permanent = fault is Fault.Blocked or Fault.ChatNotFound;
        var name = messenger == Messenger.Telegram ? "Telegram" : "Zalo";
        await using (var db = bot.OpenStore())
        {
            var chat = await db.Chats.Include(c => c.Unit).SingleAsync(c => c.Id == delivery.ChatId);
            Assert.Equal(side.SchoolAddress, chat.Address);
            if (permanent)
            {
                var code = fault == Fault.Blocked ? 403 : 400;
                Assert.Equal(DeliveryStatus.Failed, delivery.Status);
                Assert.StartsWith($"{name} {code}", delivery.Error, StringComparison.Ordinal);
                Assert.Equal(1, delivery.Attempts);
                Assert.False(chat.Active);
                Assert.Equal(delivery.Error, chat.InactiveReason);
                Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "chat.inactive" && a.Subject == $"chat:{chat.Id}"));

                var notice = await side.OfficeNoticeAsync();
                Assert.Equal(DeliveryTexts.ChatInactive(chat.DisplayName ?? chat.Address, SchoolUnit, chat.Channel, delivery.Error!), notice);
                Assert.StartsWith("⚠️ Bot không gửi được tin nhắn tới «", notice, StringComparison.Ordinal);
                Assert.Equal(0, side.LaunchesReceived());
            }
            else
            {
                Assert.Equal(DeliveryStatus.Sent, delivery.Status);
                Assert.Null(delivery.Error);
                Assert.NotNull(delivery.MessageId);
                Assert.True(chat.Active);
                Assert.Equal(1, side.LaunchesReceived());
                Assert.Empty(side.OfficeNotices());

                // The fault did happen: the outbox tried again (Telegram), or Zalo's client did within the one attempt.
                Assert.True(side.FaultSeen(fault), $"{fault} never reached the bot. Calls: {side.SendStatuses()}");
                if (messenger == Messenger.Telegram)
                {
                    Assert.Equal(2, delivery.Attempts);
                    Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Category.EndsWith("DeliverySender", StringComparison.Ordinal)
                        && e.Message.StartsWith($"Delivery {delivery.Id} to chat {chat.Id} on Telegram failed:", StringComparison.Ordinal));
                }
                else
                {
                    Assert.InRange(delivery.Attempts, 1, 2);
                }
            }
        }

        // The bot keeps running on both messengers: a newcomer on the faulty one is answered, and so is the office (once
        // the broadcast's report is in, which would otherwise pass for the answer).
        await side.OfficeReportAsync();
        Assert.Equal(ReplyTexts.Stranger, await side.StrangerAsksAsync("xin chào"));
        Assert.StartsWith("Bot nhắc việc thi đua, khen thưởng.", await side.OfficeAsksAsync("/help"), StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
    }

    /// <summary>The broadcast's one delivery once it is no longer pending.</summary>
    private static async Task<Delivery> SettledAsync(MessengerBotUnderTest bot, long broadcastId)
    {
        // Longer than Patience: a slow answer costs the client's whole timeout before the next try.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(40);
        while (true)
        {
            await using (var db = bot.OpenStore())
            {
                var delivery = await db.Deliveries.AsNoTracking().SingleOrDefaultAsync(d => d.BroadcastId == broadcastId);
                if (delivery is { Status: not DeliveryStatus.Pending })
                {
                    return delivery;
                }

                Assert.True(DateTime.UtcNow < deadline, $"The broadcast's delivery was still {delivery?.Status.ToString() ?? "missing"} after 40 s ({delivery?.Error}).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The faulty messenger and the other one, with the school on the first and the office on the second.</summary>
    private sealed class Side(MessengerBotUnderTest bot, Messenger messenger)
    {
        private readonly bool _telegram = messenger == Messenger.Telegram;

        // Calls to the fakes before the fault, left out when looking for it.
        private int _callsBefore;

        public string SchoolAddress => _telegram ? MessengerBotUnderTest.Address(SchoolTelegram) : SchoolZalo;

        public async Task LinkOfficeOnTheOtherMessengerAsync()
        {
            if (_telegram)
            {
                var linked = await bot.SayOnZaloAsync(OfficeZalo, "/start " + MessengerBotUnderTest.OfficeCode);
                Assert.StartsWith("✅", linked.Text, StringComparison.Ordinal);
            }
            else
            {
                await bot.LinkOfficeAsync(OfficeTelegram);
            }
        }

        public Task LinkSchoolAsync() => _telegram ? bot.LinkAsync(SchoolTelegram, SchoolUnit) : bot.LinkOnZaloAsync(SchoolZalo, SchoolUnit);

        public void Inject(Fault fault)
        {
            const string send = "sendMessage";
            var slow = TimeSpan.FromSeconds(25);
            _callsBefore = _telegram ? bot.Fake.Calls.Count : bot.Zalo.Calls.Count;
            if (_telegram)
            {
                var fake = bot.Fake;
                Action inject = fault switch
                {
                    Fault.TooManyRequests => () => fake.FailNext(send, 429, retryAfter: 1),
                    Fault.InternalServerError => () => fake.FailNext(send, 500),
                    Fault.BadGateway => () => fake.FailNext(send, 502),
                    Fault.SlowerThanTimeout => () => fake.DelayNext(send, slow),
                    Fault.DroppedConnection => () => fake.DropNext(send),
                    Fault.MalformedJson => () => fake.MalformedNext(send),
                    Fault.Blocked => () => fake.Block(SchoolTelegram),
                    Fault.ChatNotFound => () => fake.ChatNotFound(SchoolTelegram),
                    _ => throw new ArgumentOutOfRangeException(nameof(fault)),
                };
                inject();
            }
            else
            {
                var zalo = bot.Zalo;
                Action inject = fault switch
                {
                    Fault.TooManyRequests => () => zalo.FailNext(send, 429, retryAfter: 1),
                    Fault.InternalServerError => () => zalo.FailNext(send, 500),
                    Fault.BadGateway => () => zalo.FailNext(send, 502),
                    Fault.SlowerThanTimeout => () => zalo.DelayNext(send, slow),
                    Fault.DroppedConnection => () => zalo.DropNext(send),
                    Fault.MalformedJson => () => zalo.MalformedNext(send),
                    Fault.Blocked => () => zalo.Block(SchoolZalo),
                    Fault.ChatNotFound => () => zalo.ChatNotFound(SchoolZalo),
                    _ => throw new ArgumentOutOfRangeException(nameof(fault)),
                };
                inject();
            }
        }

        /// <summary>The office drafts a broadcast to the schools and confirms it by typing the command its button carries.</summary>
        public async Task<long> BroadcastToSchoolsAsync()
        {
            var preview = await OfficeAsksAsync("/phatdong các trường: " + Launch);
            Assert.Contains("1 cuộc trò chuyện", preview, StringComparison.Ordinal);
            long id;
            await using (var db = bot.OpenStore())
            {
                id = await db.Broadcasts.MaxAsync(b => b.Id);
            }

            var confirmed = await OfficeAsksAsync(FormattableString.Invariant($"GUI {id}"));
            Assert.Equal(ReplyTexts.BroadcastConfirmed(1), confirmed);
            return id;
        }

        public async Task<string> OfficeAsksAsync(string text) =>
            _telegram ? (await bot.SayOnZaloAsync(OfficeZalo, text)).Text : (await bot.SayAsync(OfficeTelegram, text)).PlainText;

        public async Task<string> StrangerAsksAsync(string text) =>
            _telegram ? (await bot.SayAsync(StrangerTelegram, text)).PlainText : (await bot.SayOnZaloAsync(StrangerZalo, text)).Text;

        public int LaunchesReceived() => _telegram
            ? bot.Fake.Sent.Count(m => m.ChatId == SchoolTelegram && m.PlainText.Contains(Launch, StringComparison.Ordinal))
            : bot.Zalo.Sent.Count(m => m.ChatId == SchoolZalo && m.Text.Contains(Launch, StringComparison.Ordinal));

        public IReadOnlyList<string> OfficeNotices() => _telegram
            ? [.. bot.Zalo.Sent.Where(m => m.ChatId == OfficeZalo && m.Text.StartsWith("⚠️", StringComparison.Ordinal)).Select(m => m.Text)]
            : [.. bot.Fake.Sent.Where(m => m.ChatId == OfficeTelegram && m.PlainText.StartsWith("⚠️", StringComparison.Ordinal)).Select(m => m.PlainText)];

        public async Task<string> OfficeNoticeAsync()
        {
            if (_telegram)
            {
                var messages = await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == OfficeZalo && m.Text.StartsWith("⚠️", StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience);
                return Assert.Single(messages).Text;
            }

            var sent = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == OfficeTelegram && m.PlainText.StartsWith("⚠️", StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience);
            return Assert.Single(sent).PlainText;
        }

        /// <summary>Waits for the broadcast's final report to the office and for the outbox to have nothing more due.</summary>
        public async Task OfficeReportAsync()
        {
            const string report = "📣 Kết quả phát động";
            if (_telegram)
            {
                await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == OfficeZalo && m.Text.StartsWith(report, StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience);
            }
            else
            {
                await bot.Fake.WaitForMessagesAsync(m => m.ChatId == OfficeTelegram && m.PlainText.StartsWith(report, StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience);
            }

            await bot.OutboxSettledAsync();
        }

        /// <summary>Whether a send to the school got the injected answer (0 = no answer: dropped, or given up by the client).</summary>
        public bool FaultSeen(Fault fault)
        {
            var statuses = SchoolSendStatuses();
            return fault switch
            {
                Fault.TooManyRequests => statuses.Contains(429),
                Fault.InternalServerError => statuses.Contains(500),
                Fault.BadGateway => statuses.Contains(502),
                Fault.SlowerThanTimeout or Fault.DroppedConnection => statuses.Contains(0),

                // A malformed answer is a 200 the client could not read: two 200s for one message that arrived once.
                Fault.MalformedJson => statuses.Count(s => s == 200) == 2,
                _ => false,
            };
        }

        public string SendStatuses() => string.Join(", ", SchoolSendStatuses());

        /// <summary>What the fake answered each send to the school since the fault was injected.</summary>
        private List<int> SchoolSendStatuses() => _telegram
            ? [.. bot.Fake.Calls.Skip(_callsBefore).Where(c => c.Method == "sendMessage" && c.Body.Contains(MessengerBotUnderTest.Address(SchoolTelegram), StringComparison.Ordinal)).Select(c => c.StatusCode)]
            : [.. bot.Zalo.Calls.Skip(_callsBefore).Where(c => c.Method == "sendMessage" && c.Body.Contains(SchoolZalo, StringComparison.Ordinal)).Select(c => c.StatusCode)];
    }
}
