using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TdktBot.Cli;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Tests.Cli;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// The bot starts in plain order: the store is migrated, the plan loaded and the first office code made, and only then
/// do the receivers take updates. What people wrote while the bot was down is answered once each and in order; a start
/// that fails takes nothing from either messenger, so nothing is lost.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class StartUpTests
{
    private const long Office = 5101;

    [Fact]
    public async Task Messages_waiting_at_start_are_answered_once_in_order_once_the_store_is_ready()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)),
            beforeStart: fake =>
            {
                fake.SendText(Office, "/start " + MessengerBotUnderTest.OfficeCode);
                fake.SendText(Office, "/start " + MessengerBotUnderTest.OfficeCode);
            });
        var replies = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Office, 2, MessengerBotUnderTest.Patience);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.PendingUpdateCount == 0, MessengerBotUnderTest.Patience, "the updates confirmed");

        // The first links the office (the store knows its unit and the installer's code), the second finds it already linked.
        Assert.Equal(2, bot.Fake.Sent.Count(m => m.ChatId == Office));
        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {MessengerBotUnderTest.OfficeUnit}", replies[0].PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("✅ Đã liên kết", replies[1].PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.Calls, c => c.Method == "getUpdates" && c.StatusCode != 200);
        await using var db = bot.OpenStore();
        Assert.Equal(1, await db.Chats.CountAsync(c => c.Channel == Messenger.Telegram));
        Assert.Equal(1, await db.Members.CountAsync(m => m.Channel == Messenger.Telegram && m.Role == ChatRole.Office));
    }

    [Fact]
    public async Task A_zalo_message_waiting_at_start_is_answered_once()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)),
            beforeZaloStart: fake => fake.SendText("zalo-office", "/start " + MessengerBotUnderTest.OfficeCode));
        var replies = await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == "zalo-office", 1, MessengerBotUnderTest.Patience);

        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {MessengerBotUnderTest.OfficeUnit}", Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_cannot_be_prepared_stops_the_start_and_takes_nothing_from_either_messenger()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await using var zalo = await FakeZaloServer.StartAsync();
        using var folder = new TempFolder();
        telegram.SendText(Office, "/start " + MessengerBotUnderTest.OfficeCode);
        zalo.SendText("zalo-office", "/start " + MessengerBotUnderTest.OfficeCode);
        var settings = new Dictionary<string, string?>
        {
            ["Data:Folder"] = folder.Path,
            // A folder is no SQLite file: the migrations fail.
            ["ConnectionStrings:Tdkt"] = $"Data Source={folder.Path}",
            ["Quartz:SchedulerName"] = "e2e-" + Guid.NewGuid().ToString("N"),
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Timeout"] = "00:00:10",
            ["Zalo:BotToken"] = zalo.Token,
            ["Zalo:ApiBaseUrl"] = zalo.BaseUrl,
            ["Zalo:Timeout"] = "00:00:10",
            ["Invites:OfficeCode"] = MessengerBotUnderTest.OfficeCode,
            ["Logging:LogLevel:Default"] = "None",
        };

        using (var host = new CliApp(CliRun.Settings(settings), TextWriter.Null, TextWriter.Null).BuildHost(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9))))
        {
            await Assert.ThrowsAnyAsync<DbException>(() => host.StartAsync());
        }

        // No receiver asked for updates: the next start gets both messages.
        await Task.Delay(200);
        Assert.DoesNotContain(telegram.Calls, c => c.Method == "getUpdates");
        Assert.DoesNotContain(zalo.Calls, c => c.Method == "getUpdates");
        Assert.Equal(1, telegram.PendingUpdateCount);
        Assert.Equal(1, zalo.PendingUpdateCount);
        Assert.Empty(telegram.Sent);

        // And the command line says what is wrong, as it always has.
        var run = CliRun.WithInput(settings, string.Empty, "run");
        Assert.Equal(CliApp.InputError, run.ExitCode);
        Assert.StartsWith("Lỗi cơ sở dữ liệu:", run.Error, StringComparison.Ordinal);
        Assert.Empty(telegram.Sent);
        Assert.Equal(1, zalo.PendingUpdateCount);
    }
}
