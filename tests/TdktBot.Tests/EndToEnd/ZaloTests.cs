using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Reminders;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// A unit uses the bot entirely from Zalo: joins with an invite, asks, gets reminders as plain text with replies to
/// type, confirms by typing one, and gets broadcasts; a unit with members on both messengers hears on both.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed partial class ZaloTests
{
    private const string OfficeZalo = "z-office-01";
    private const string ClinicZalo = "z-clinic-01";
    private const string SchoolZalo = "z-school-01";
    private const long SchoolTelegram = 3001;
    private const string ClinicUnit = "Trạm Y tế xã";
    private const string SchoolUnit = "Trường THCS Hoa Thám";

    [Fact]
    public async Task The_office_and_a_unit_join_on_Zalo_and_the_member_list_names_the_messenger()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)),
            new Dictionary<string, string?> { ["Zalo:BotLink"] = "https://zalo.me/2174852302957012340" });

        var officeLinked = await bot.SayOnZaloAsync(OfficeZalo, "/start " + MessengerBotUnderTest.OfficeCode);
        var invite = await bot.SayOnZaloAsync(OfficeZalo, "/moi " + ClinicUnit);
        var code = InviteCode().Match(invite.Text).Groups["code"].Value;
        var joined = await bot.SayOnZaloAsync(ClinicZalo, "/start " + code);
        var members = await bot.SayOnZaloAsync(OfficeZalo, "/thanhvien");

        Assert.StartsWith($"✅ Đã liên kết cuộc trò chuyện này với {MessengerBotUnderTest.OfficeUnit}", officeLinked.Text, StringComparison.Ordinal);
        Assert.Contains($"\nZalo: mở https://zalo.me/2174852302957012340 rồi gửi tin nhắn: /start {code}\n", invite.Text, StringComparison.Ordinal);
        Assert.Contains($"Hoặc mở bot trên Zalo hay Telegram và gửi tin nhắn: /start {code}", invite.Text, StringComparison.Ordinal);
        Assert.Equal($"✅ Đã liên kết cuộc trò chuyện này với {ClinicUnit} (thủ trưởng đơn vị).", joined.Text.Split('\n')[0]);
        Assert.Contains($"• {ClinicUnit}: Zalo — User {ClinicZalo} (thủ trưởng đơn vị)", members.Text, StringComparison.Ordinal);
        Assert.Contains($"Zalo — User {OfficeZalo} (Phòng theo dõi kế hoạch)", members.Text, StringComparison.Ordinal);
        Assert.Empty(bot.Zalo.Refused);
        Assert.All(bot.Zalo.Sent, m => Assert.Empty(m.ExtraFields));

        await using var db = bot.OpenStore();
        Assert.Equal([OfficeZalo, ClinicZalo], await db.Chats.Where(c => c.Channel == Messenger.Zalo).OrderBy(c => c.Id).Select(c => c.Address).ToListAsync());

        // On Zalo too a private chat's id is its person's.
        Assert.Equal(
            [(OfficeZalo, ChatRole.Office), (ClinicZalo, ChatRole.Head)],
            (await db.Members.Where(m => m.Channel == Messenger.Zalo).OrderBy(m => m.Id).ToListAsync()).Select(m => (m.PersonId, m.Role)));
    }

    [Fact]
    public async Task This_quarter_in_April_lists_the_second_quarter_tasks_in_plain_text()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 4, 10, 9)));
        await bot.LinkOnZaloAsync(SchoolZalo, SchoolUnit);

        var answer = await bot.SayOnZaloAsync(SchoolZalo, "quý này có việc gì");

        var lines = answer.Text.Split('\n');
        Assert.Equal("Quý II/2026: các việc và hạn nộp", lines[0]);
        Assert.Equal(["7", "8", "9", "10", "12"], lines.Select(l => Item().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value));
        Assert.Equal(5, lines.Count(l => l.Contains("Hạn: Thứ Ba, 30/06/2026", StringComparison.Ordinal)));
        Assert.DoesNotContain("&amp;", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.ExtraFields);
    }

    [Fact]
    public async Task The_whole_plan_is_longer_than_one_Zalo_message_and_comes_in_two_cut_between_lines()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 4, 10, 9)));
        await bot.LinkOnZaloAsync(SchoolZalo, SchoolUnit);
        var before = bot.Zalo.Sent.Count(m => m.ChatId == SchoolZalo);

        bot.Zalo.SendText(SchoolZalo, "/kehoach");
        var parts = (await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == SchoolZalo, before + 2, MessengerBotUnderTest.Patience)).Skip(before).ToList();
        await bot.OutboxSettledAsync();

        Assert.Equal(2, bot.Zalo.Sent.Count(m => m.ChatId == SchoolZalo) - before);
        Assert.InRange(parts.Sum(p => p.Text.Length), 2001, 4000);
        Assert.All(parts, p => Assert.InRange(p.Text.Length, 1, 2000));
        Assert.StartsWith("Kế hoạch thi đua, khen thưởng năm 2026:", parts[0].Text, StringComparison.Ordinal);

        // The cut falls between two items' lines: the second part starts a line of the list.
        Assert.Matches(@"^(• |  Hạn: )", parts[1].Text);
    }

    [Fact]
    public async Task A_reminder_offers_a_reply_to_type_and_typing_it_confirms_and_stops_the_reminders()
    {
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 22, 10));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock);
        await bot.LinkOnZaloAsync(SchoolZalo, SchoolUnit);

        clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 1, 23, 8, 0, 30));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        var reminder = Assert.Single(await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == SchoolZalo && m.Text.StartsWith("Kính gửi", StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience));
        var confirmed = await bot.SayOnZaloAsync(SchoolZalo, "NOP D1");

        Assert.Contains("Hạn: Thứ Sáu, 30/01/2026 (còn 7 ngày).", reminder.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nTrả lời: NOP D1 để xác nhận đã nộp mục D1", reminder.Text, StringComparison.Ordinal);
        Assert.StartsWith("✅ Đã ghi nhận: đơn vị đã nộp hạn nộp D1 (", confirmed.Text, StringComparison.Ordinal);
        Assert.Equal(ObligationStatus.Submitted, await StatusAsync(bot, SchoolUnit, "D1"));

        // Three days before, the school is not reminded again.
        clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 1, 27, 8));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        await bot.OutboxSettledAsync();
        Assert.Single(bot.Zalo.Sent, m => m.ChatId == SchoolZalo && m.Text.StartsWith("Kính gửi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_unit_with_a_Telegram_and_a_Zalo_member_gets_the_reminder_on_both_and_a_429_from_Zalo_only_delays_it()
    {
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 22, 10));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock);
        await bot.LinkAsync(SchoolTelegram, SchoolUnit);
        await bot.LinkOnZaloAsync(SchoolZalo, SchoolUnit, ChatRole.Staff);
        bot.Zalo.FailNext("sendMessage", 429, retryAfter: 1);

        clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 1, 23, 8, 0, 30));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        var onZalo = Assert.Single(await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == SchoolZalo && m.Text.StartsWith("Kính gửi", StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience));
        var onTelegram = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == SchoolTelegram && m.Buttons.Count > 0, timeout: MessengerBotUnderTest.Patience));
        await bot.OutboxSettledAsync();

        Assert.Equal(onTelegram.PlainText, onZalo.Text.Split("\n\nTrả lời:")[0]);
        Assert.Equal([429, 200], bot.Zalo.Calls.Where(c => c.Method == "sendMessage" && c.Body.Contains("Kính gửi", StringComparison.Ordinal)).Select(c => c.StatusCode));
        await using var db = bot.OpenStore();
        var reminders = await db.Deliveries.Where(d => d.Kind == "reminder" && d.Chat.Unit!.Name == SchoolUnit).Select(d => new { d.Chat.Channel, d.Status }).ToListAsync();
        Assert.Equal(
            [(Messenger.Telegram, DeliveryStatus.Sent), (Messenger.Zalo, DeliveryStatus.Sent)],
            reminders.Select(r => (r.Channel, r.Status)).Order());
    }

    [Fact]
    public async Task The_office_broadcasts_from_Zalo_by_typing_the_reply_and_both_messengers_receive_it()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 2, 9)));
        await bot.SayOnZaloAsync(OfficeZalo, "/start " + MessengerBotUnderTest.OfficeCode);
        await bot.LinkAsync(SchoolTelegram, SchoolUnit);
        await bot.LinkOnZaloAsync(SchoolZalo, SchoolUnit);

        var preview = await bot.SayOnZaloAsync(OfficeZalo, "/phatdong các trường: Phát động phong trào thi đua «Dạy tốt, học tốt».");
        var send = SendReply().Match(preview.Text);
        Assert.True(send.Success, preview.Text);
        await bot.SayOnZaloAsync(OfficeZalo, send.Groups["command"].Value);

        var onZalo = await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == SchoolZalo && m.Text.Contains("Dạy tốt, học tốt", StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience);
        var onTelegram = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == SchoolTelegram && m.PlainText.Contains("Dạy tốt, học tốt", StringComparison.Ordinal), timeout: MessengerBotUnderTest.Patience);
        Assert.Single(onZalo);
        Assert.Single(onTelegram);
        Assert.Contains("Trả lời: HUYGUI", preview.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_webhook_mode_a_wrong_secret_is_refused_and_an_update_delivered_twice_confirms_once()
    {
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 22, 10));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock, MessengerBotUnderTest.ZaloWebhookSettings());
        await bot.LinkOnZaloAsync(SchoolZalo, SchoolUnit);
        var confirm = bot.Zalo.NewText(SchoolZalo, "NOP D1");
        var before = bot.Zalo.Sent.Count(m => m.ChatId == SchoolZalo);

        Assert.Equal(403, await bot.Zalo.PostToWebhookAsync(confirm, secretOverride: "not-the-secret-0123456789"));
        Assert.Equal(ObligationStatus.Pending, await StatusAsync(bot, SchoolUnit, "D1"));
        Assert.Equal(200, await bot.Zalo.PostToWebhookAsync(confirm));
        Assert.Equal(200, await bot.Zalo.PostToWebhookAsync(confirm, wrapped: true));
        await bot.Zalo.WaitForMessagesAsync(m => m.ChatId == SchoolZalo, before + 1, MessengerBotUnderTest.Patience);
        var after = await bot.SayOnZaloAsync(SchoolZalo, "/conno");

        Assert.Equal(ObligationStatus.Submitted, await StatusAsync(bot, SchoolUnit, "D1"));
        Assert.Single(bot.Zalo.Sent, m => m.ChatId == SchoolZalo && m.Text.StartsWith("✅ Đã ghi nhận", StringComparison.Ordinal));
        Assert.Equal(before + 2, bot.Zalo.Sent.Count(m => m.ChatId == SchoolZalo));
        Assert.DoesNotContain("Đã ghi nhận", after.Text, StringComparison.Ordinal);
        await using var db = bot.OpenStore();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "obligation.confirm"));
    }

    private static async Task<ObligationStatus> StatusAsync(MessengerBotUnderTest bot, string unit, string number)
    {
        await using var db = bot.OpenStore();
        return await db.Obligations.Where(o => o.Unit.Name == unit && o.Target.Number == number).Select(o => o.Status).SingleAsync();
    }

    [GeneratedRegex(@"^• Nhiệm vụ (\d+): ")]
    private static partial Regex Item();

    [GeneratedRegex(@"Mã mời cho .+?: (?<code>[A-Z0-9]+)")]
    private static partial Regex InviteCode();

    [GeneratedRegex(@"Trả lời: (?<command>GUI \d+) để gửi tin phát động")]
    private static partial Regex SendReply();
}
