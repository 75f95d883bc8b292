using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Reminders;

namespace TdktBot.Tests.EndToEnd;

/// <summary>
/// Reminders reach Telegram with a ✅ button, and the button confirms, but only for the presser's own unit: the
/// callback data comes from the user's client, so the bot checks it like typed text.
/// </summary>
[Collection(OneAtATime.Name)]
public sealed class ConfirmationTests
{
    private const long School = 3001;
    private const long Clinic = 3002;
    private const long Stranger = 7001;
    private const string SchoolUnit = "Trường THCS Hoa Thám";
    private const string ClinicUnit = "Trạm Y tế xã";

    [Fact]
    public async Task A_reminder_comes_with_a_button_that_confirms_and_stops_the_units_reminders_while_others_still_get_theirs()
    {
        // The plan is loaded the day before the first D1 reminder (due Friday 30/01), so that reminder is not a catch-up.
        var clock = MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 22, 10));
        await using var bot = await MessengerBotUnderTest.StartAsync(clock);
        await bot.LinkAsync(School, SchoolUnit);
        await bot.LinkAsync(Clinic, ClinicUnit);

        clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 1, 23, 8, 0, 30));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        var reminder = Assert.Single(await bot.Fake.WaitForMessagesAsync(m => m.ChatId == School && m.Buttons.Count > 0, timeout: MessengerBotUnderTest.Patience));
        var pressed = await bot.PressAsync(School, reminder.MessageId, Assert.Single(Assert.Single(reminder.Buttons)).CallbackData!);

        Assert.StartsWith($"Kính gửi {SchoolUnit},\nXin nhắc việc sắp đến hạn:\nHạn nộp: Các cơ quan, đơn vị", reminder.PlainText, StringComparison.Ordinal);
        Assert.Contains("Hạn: Thứ Sáu, 30/01/2026 (còn 7 ngày).", reminder.PlainText, StringComparison.Ordinal);
        Assert.Equal(new InlineButton("✅ Đã nộp D1", "NOP D1", null), Assert.Single(Assert.Single(reminder.Buttons)));
        Assert.StartsWith("✅ Đã ghi nhận: đơn vị đã nộp hạn nộp D1 (", pressed.Reply.PlainText, StringComparison.Ordinal);
        Assert.True(pressed.Answered, "The button press was not answered, so Telegram keeps showing it as loading.");
        Assert.Equal(
            (ObligationStatus.Submitted, ObligationStatus.Pending),
            (await StatusAsync(bot, SchoolUnit, "D1"), await StatusAsync(bot, ClinicUnit, "D1")));

        // Tuesday 27/01, three days before: the clinic has not confirmed and is reminded again; the school is not.
        clock.SetUtcNow(MessengerBotUnderTest.Vn(2026, 1, 27, 8));
        await bot.Get<ReminderRunner>().SweepAsync(CancellationToken.None);
        var again = await bot.Fake.WaitForMessagesAsync(m => m.ChatId == Clinic && m.Buttons.Count > 0, count: 2, timeout: MessengerBotUnderTest.Patience);
        await bot.OutboxSettledAsync();

        Assert.Contains("Hạn: Thứ Sáu, 30/01/2026 (còn 3 ngày).", again[1].PlainText, StringComparison.Ordinal);
        Assert.Equal(
            [reminder.MessageId, pressed.Reply.MessageId],
            bot.Fake.Sent.Where(m => m.ChatId == School).Select(m => m.MessageId).SkipWhile(id => id != reminder.MessageId));
        await using var db = bot.OpenStore();
        var schoolChat = MessengerBotUnderTest.Address(School);
        Assert.Equal(1, await db.Deliveries.CountAsync(d => d.Chat.Address == schoolChat && d.Kind == "reminder"));
        Assert.Empty(bot.Fake.Refused);
    }

    [Fact]
    public async Task A_forged_press_from_a_stranger_or_for_another_units_deadline_is_refused_and_changes_nothing()
    {
        await using var bot = await MessengerBotUnderTest.StartAsync(MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 1, 23, 9)));
        await bot.LinkAsync(Clinic, ClinicUnit);
        var before = await SnapshotAsync(bot);

        // Neither chat was ever sent a D1 or D2 button: these presses are crafted, as any Telegram client can do.
        var stranger = await bot.PressAsync(Stranger, 1, "NOP D1");
        var otherUnits = await bot.PressAsync(Clinic, 1, "NOP D2");

        Assert.Equal(ReplyTexts.Stranger, stranger.Reply.PlainText);
        Assert.Equal(ReplyTexts.NotOwedByUnit("D2", ClinicUnit), otherUnits.Reply.PlainText);
        Assert.True(stranger.Answered && otherUnits.Answered, "Every press is answered, refused or not.");
        Assert.Single(bot.Fake.Sent, m => m.ChatId == Stranger);
        Assert.Equal(before, await SnapshotAsync(bot));
    }

    private static async Task<ObligationStatus> StatusAsync(MessengerBotUnderTest bot, string unit, string number)
    {
        await using var db = bot.OpenStore();
        return await db.Obligations.Where(o => o.Unit.Name == unit && o.Target.Number == number).Select(o => o.Status).SingleAsync();
    }

    /// <summary>Everything a confirmation or a link could change: statuses, chats, roles, the audit trail, the outbox.</summary>
    private static async Task<string> SnapshotAsync(MessengerBotUnderTest bot)
    {
        await using var db = bot.OpenStore();
        var obligations = await db.Obligations.OrderBy(o => o.Id).Select(o => $"{o.Id} {o.Status} {o.StatusChangedBy}").ToListAsync();
        var chats = await db.Chats.OrderBy(c => c.Id).Select(c => $"{c.Channel} {c.Address} {c.UnitId} {c.Active}").ToListAsync();
        var members = await db.Members.OrderBy(m => m.Id).Select(m => $"{m.Channel} {m.PersonId} {m.UnitId} {m.Role}").ToListAsync();
        return string.Join('\n', [.. obligations, .. chats, .. members, $"audit {await db.Audit.CountAsync()}", $"outbox {await db.Deliveries.CountAsync()}"]);
    }
}
