using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TdktBot.Cli;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// The receivers start before the store is prepared (migrations, plan files, the first office code), so Telegram hears
/// the bot's first getUpdates at once. What people write in the meantime is answered once the store is ready, once
/// each and in order; a start that fails leaves it with the messenger.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class StartUpTests
{
    private const long Office = 5101;

    [Fact]
    public async Task Messages_taken_by_the_first_poll_while_the_store_is_prepared_are_answered_once_in_order_after_start()
    {
        FakeTelegramServer? telegram = null;
        var hold = new HoldPreparation(() => FirstPollAnsweredAsync(telegram!), () => telegram!.Elapsed);

        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)),
            beforeStart: fake =>
            {
                telegram = fake;
                fake.SendText(Office, "/start " + MessengerBotUnderTest.OfficeCode);
                fake.SendText(Office, "/start " + MessengerBotUnderTest.OfficeCode);
            },
            configureServices: services => services.AddHostedService(_ => hold));
        var replies = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office, 2, MessengerBotUnderTest.Patience);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.PendingUpdateCount == 0, MessengerBotUnderTest.Patience, "the updates confirmed");

        // The store was not prepared yet when the first poll brought both messages: its preparation was held until then.
        var firstPoll = bot.Fake.Calls.First(c => c.Method == "getUpdates");
        Assert.True(firstPoll.At <= hold.ReleasedAt, $"first poll at {firstPoll.At}, preparation began at {hold.ReleasedAt}");

        // Answered after start, once each, in order: the first links the office (the store knows its unit and the
        // installer's code), the second finds it already linked.
        Assert.All(replies, m => Assert.True(m.ReceivedAt > hold.ReleasedAt));
        Assert.Equal(2, bot.Fake.Sent.Count(m => m.ChatId == Office));
        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {MessengerBotUnderTest.OfficeUnit}", replies[0].PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("✅ Đã liên kết", replies[1].PlainText, StringComparison.Ordinal);
        await using var db = bot.OpenStore();
        Assert.Equal(1, await db.Chats.CountAsync(c => c.Channel == "telegram" && c.Role == ChatRole.Office));
    }

    [Fact]
    public async Task The_first_getUpdates_goes_out_before_the_host_checks_the_settings_and_makes_its_services()
    {
        FakeTelegramServer? telegram = null;
        bool? pollingWhenMade = null;

        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)),
            beforeStart: fake => telegram = fake,
            configureServices: services => services.AddHostedService(_ =>
            {
                // The host makes every hosted service before it starts any: only a poll sent before that can be waiting.
                pollingWhenMade = SpinWait.SpinUntil(() => telegram!.WaitingPolls > 0, TimeSpan.FromSeconds(5));
                return new HoldPreparation(() => Task.CompletedTask, () => telegram!.Elapsed);
            }));
        bot.Fake.SendText(Office, "/start " + MessengerBotUnderTest.OfficeCode);

        Assert.True(pollingWhenMade);
        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {MessengerBotUnderTest.OfficeUnit}",
            Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office, 1, MessengerBotUnderTest.Patience)).PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method == "getUpdates" && c.StatusCode != 200);
    }

    [Fact]
    public async Task A_zalo_message_waiting_at_start_is_taken_only_once_the_store_is_ready_and_answered_once()
    {
        FakeZaloServer? zalo = null;
        var pollsBeforeReady = -1;
        var hold = new HoldPreparation(async () =>
        {
            // Zalo's getMe and the webhook's removal go before the store is ready; its getUpdates must not, since an
            // update Zalo hands out is gone from Zalo.
            await zalo!.WaitUntilAsync(() => zalo.Calls.Any(c => c.Method == "deleteWebhook"), MessengerBotUnderTest.Patience, "the Zalo webhook removed");
            await Task.Delay(300);
            pollsBeforeReady = zalo.WaitingPolls + zalo.Calls.Count(c => c.Method == "getUpdates");
        }, () => zalo!.Elapsed);

        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)),
            configureServices: services => services.AddHostedService(_ => hold),
            beforeZaloStart: fake =>
            {
                zalo = fake;
                fake.SendText("zalo-office", "/start " + MessengerBotUnderTest.OfficeCode);
            });
        var replies = await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == "zalo-office", 1, MessengerBotUnderTest.Patience);

        Assert.Equal(0, pollsBeforeReady);
        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {MessengerBotUnderTest.OfficeUnit}", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_cannot_be_prepared_stops_the_start_and_leaves_the_message_taken_meanwhile_with_telegram()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        using var folder = new TempFolder();
        fake.SendText(Office, "/start " + MessengerBotUnderTest.OfficeCode);
        var settings = CliRun.Settings(new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder.Path,
            // A folder is no SQLite file: the migrations fail.
            ["ConnectionStrings:Tdkt"] = $"Data Source={folder.Path}",
            ["Quartz:SchedulerName"] = "e2e-" + Guid.NewGuid().ToString("N"),
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:Timeout"] = "00:00:10",
            ["Invites:OfficeCode"] = MessengerBotUnderTest.OfficeCode,
            ["Logging:LogLevel:Default"] = "None",
        });
        var hold = new HoldPreparation(() => FirstPollAnsweredAsync(fake), () => fake.Elapsed);

        using (var host = new CliApp(settings, TextWriter.Null, TextWriter.Null).BuildHost(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)), services => services.AddHostedService(_ => hold)))
        {
            await Assert.ThrowsAnyAsync<DbException>(() => host.StartAsync());
        }

        // The poll that took the message never confirmed it and nothing was answered: the next start gets it again.
        await Task.Delay(200);
        Assert.Equal(1, fake.PendingUpdateCount);
        Assert.Empty(fake.Sent);

        // And the command line says what is wrong, as it always has.
        var run = CliRun.WithInput(new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder.Path,
            ["ConnectionStrings:Tdkt"] = $"Data Source={folder.Path}",
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:Timeout"] = "00:00:10",
            ["Quartz:SchedulerName"] = "e2e-" + Guid.NewGuid().ToString("N"),
            ["Logging:LogLevel:Default"] = "None",
        }, string.Empty, "run");
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.StartsWith("Lỗi cơ sở dữ liệu:", run.Error, StringComparison.Ordinal);
        Assert.Empty(fake.Sent);
    }

    /// <summary>A getUpdates has been answered: with updates waiting, the bot has them in hand.</summary>
    private static Task FirstPollAnsweredAsync(FakeTelegramServer fake) =>
        fake.WaitUntilAsync(() => fake.Calls.Any(c => c.Method == "getUpdates" && c.StatusCode == 200), MessengerBotUnderTest.Patience, "the first poll answered");

    /// <summary>
    /// Holds the store's preparation back until <paramref name="until"/> completes: the host calls every
    /// <see cref="IHostedLifecycleService.StartingAsync"/> (the receivers begin polling in theirs) before any StartAsync,
    /// and the store is prepared in the first StartAsync.
    /// </summary>
    private sealed class HoldPreparation(Func<Task> until, Func<TimeSpan> clock) : IHostedLifecycleService
    {
        /// <summary>When the preparation was let go, on the fake's clock.</summary>
        public TimeSpan ReleasedAt { get; private set; }

        public async Task StartingAsync(CancellationToken cancellationToken)
        {
            await until();
            ReleasedAt = clock();
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
