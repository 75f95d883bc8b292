using TdktBot.Testing;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TdktBot.Messaging;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Tests.Cli;
using TdktBot.Core.Conversations;

namespace TdktBot.Tests.Worker;

/// <summary>The first office account: a code printed once on first start, or one set in the configuration.</summary>
public sealed partial class OfficeBootstrapTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_first_start_with_a_messenger_prints_an_office_code_once_and_it_links_an_office_chat()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 3, 2, 9));
        var log = new RecordingLog();
        await using (var first = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock, Messenger.Telegram)))
        {
            first.Get<ILoggerFactory>().AddProvider(log);
            await first.StartAsync();
            var printed = await log.WaitForAsync(e => e.Message.StartsWith("Mã mời đầu tiên cho Phòng Văn hóa - Xã hội", StringComparison.Ordinal), "the first office code");
            var code = Code().Match(printed.Message).Groups[1].Value;

            var reply = Assert.Single(await first.Get<IConversation>().HandleAsync(
                new IncomingMessage { Channel = Messenger.Telegram, ChatAddress = "4242", SenderId = "4242", Text = "/start " + code }, CancellationToken.None));
            Assert.Contains("Phòng Văn hóa - Xã hội (Phòng theo dõi kế hoạch)", reply.Text, StringComparison.Ordinal);
        }

        var again = new RecordingLog();
        await using (var second = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock, Messenger.Telegram)))
        {
            second.Get<ILoggerFactory>().AddProvider(again);
            await second.StartAsync();
        }

        Assert.DoesNotContain(again.Entries, e => e.Message.Contains("Mã mời đầu tiên", StringComparison.Ordinal));
        await using var db = new TdktDbContext(TdktStore.Options($"Data Source={Path.Combine(_folder.Path, "tdkt.db")}"));
        Assert.Equal(ChatRole.Office, await db.Members.Where(m => m.PersonId == "4242").Select(m => m.Role).SingleAsync());
    }

    [Fact]
    public async Task A_code_set_in_the_configuration_is_an_office_invite_and_is_never_logged()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 3, 2, 9));
        var log = new RecordingLog();
        await using var bot = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock, Messenger.Telegram),
            new Dictionary<string, string?> { ["Invites:OfficeCode"] = "VANPHONG2026XA" });
        bot.Get<ILoggerFactory>().AddProvider(log);
        await bot.StartAsync();

        var reply = Assert.Single(await bot.Get<IConversation>().HandleAsync(
            new IncomingMessage { Channel = Messenger.Telegram, ChatAddress = "4242", SenderId = "4242", Text = "/start vanphong2026xa" }, CancellationToken.None));

        Assert.StartsWith("✅ Đã liên kết cuộc trò chuyện này với Phòng Văn hóa - Xã hội", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(log.Entries, e => e.Message.Contains("VANPHONG2026XA", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_configured_code_is_stored_once_however_often_the_bot_restarts_and_no_more_once_the_office_is_linked()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 3, 2, 9));
        Dictionary<string, string?> Setting(string code) => new() { ["Invites:OfficeCode"] = code };
        for (var start = 0; start < 3; start++)
        {
            await using var bot = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock, Messenger.Telegram), Setting("VANPHONG2026XA"));
            await bot.StartAsync();
        }

        Assert.Equal(1, await InvitesAsync("VANPHONG2026XA"));

        await using (var bot = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock, Messenger.Telegram), Setting("VANPHONG2026XA")))
        {
            await bot.StartAsync();
            await bot.Get<IConversation>().HandleAsync(
                new IncomingMessage { Channel = Messenger.Telegram, ChatAddress = "4242", SenderId = "4242", Text = "/start VANPHONG2026XA" }, CancellationToken.None);
        }

        // Linked: a new code in the configuration is no longer an invite, and a short one is no longer reported.
        var log = new RecordingLog();
        await using (var bot = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock, Messenger.Telegram), Setting("MAMOI2027XAHOATHAM")))
        {
            bot.Get<ILoggerFactory>().AddProvider(log);
            await bot.StartAsync();
        }

        Assert.Equal(0, await InvitesAsync("MAMOI2027XAHOATHAM"));
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning && e.Message.Contains("OfficeCode", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_configured_code_too_short_to_be_safe_is_refused_with_the_reason_at_every_start()
    {
        var clock = BotUnderTest.Clock(BotUnderTest.Vn(2026, 3, 2, 9));
        for (var start = 0; start < 2; start++)
        {
            var log = new RecordingLog();
            await using var bot = BotUnderTest.Create(_folder.Path, clock, new RecordingChannel(clock, Messenger.Telegram),
                new Dictionary<string, string?> { ["Invites:OfficeCode"] = "XA-2026" });
            bot.Get<ILoggerFactory>().AddProvider(log);
            await bot.StartAsync();

            Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.StartsWith("Invites:OfficeCode quá ngắn", StringComparison.Ordinal));
        }

        Assert.Equal(0, await InvitesAsync("XA-2026"));
    }

    private async Task<int> InvitesAsync(string code)
    {
        await using var db = new TdktDbContext(TdktStore.Options($"Data Source={Path.Combine(_folder.Path, "tdkt.db")}"));
        var hash = InviteService.Hash(code);
        return await db.Invites.CountAsync(i => i.CodeHash == hash);
    }

    [GeneratedRegex(@"/start ([A-Z0-9]{10})")]
    private static partial Regex Code();
}
