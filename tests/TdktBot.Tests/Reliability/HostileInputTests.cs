using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Testing;
using TdktBot.Tests.EndToEnd;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// Hostile and broken input from Telegram, through the whole bot: random Unicode (surrogate pairs, emoji, RTL and
/// zero-width marks, control characters, digits of other scripts), 10,000-character texts, HTML and SQL fragments,
/// commands with junk arguments, forged button presses and messages from chats nobody linked. Telegram is the
/// messenger where escaping matters: every reply is parsed as Telegram HTML by the fake.
/// </summary>
/// <remarks>
/// <para>
/// The items come from a seeded <see cref="Random"/>, so a failure can be replayed. <c>dotnet test</c> sends
/// 1,000 of them, and 100,000 under <c>TDKT_STRESS=1</c> (the stress command in docs/benchmarks.md), or as many as
/// <c>TDKT_STRESS_HOSTILE</c> says; the seed is the same, so a longer run starts with the same items.
/// </para>
/// <para>
/// "Answered" means: every update that carries text or button data (every item here does; the fake cannot send an
/// empty text and Telegram sends no empty callback data) gets at least one message from the bot in its chat, sent
/// before the bot confirms the update to Telegram. The bot deliberately ignores only updates with neither text nor a
/// file (stickers, service messages), and the test sends none, so nothing here may go unanswered. Items go out in
/// rounds of one per chat; a round ends when the bot has confirmed every update (the fake's queue is empty), which in
/// polling mode happens only after the updates were handled and their replies sent, so each chat's new messages in a
/// round are the replies to its one item.
/// </para>
/// </remarks>
[Collection(OneAtATime.Name)]
public sealed class HostileInputTests
{
    private const int Seed = 20_261_124;
    private const int LongText = 10_000;

    private const string OfficeZalo = "z-office-hostile";
    private const long OfficeTelegram = 7501;
    private const long School = 7101;
    private const long ClinicStaff = 7102;
    private const string SchoolUnit = "Trường THCS Hoa Thám";
    private const string ClinicUnit = "Trạm Y tế xã";
    private static readonly long[] Strangers = [7001, 7002, 7003, -7004];

    private static readonly string[] Fragments =
    [
        "<b>", "</i>", "&amp;", "'; DROP TABLE Units;--", "<a href=\"tg://user?id=1\">x</a>", "&#64;", "&lt;", "<", ">", "&",
        "\"", "'", "<pre><code class=\"language-x\">", "<tg-spoiler>", "]]>", "{0}", "%s%n", "\\", "`", "*_~", "<script>alert(1)</script>",
        "1; DELETE FROM Obligations", "NULL", "\u0000", "..", "@", "#",
    ];

    private static readonly string[] Invisible = ["\u200F", "\u202E", "\u200B", "\uFEFF", "\u200D", "\u2066", "\u202C", "\u00AD", "\u061C"];

    private static readonly string[] Junk =
    [
        ";;;", "\u0000", "x y z", "-1", "0", "999", "99999999999999999999", "١٢", "３", "D", "D0", "D-1", "D1 D2", "1.5", "1e9",
        "<b>3</b>", "'; DROP TABLE Units;--", "&amp;", "quý 5", "tháng 13", "head", "office", "staff", ":", "các trường:", "\u202E3",
    ];

    [Fact]
    public async Task Hostile_messages_and_forged_presses_are_answered_escaped_and_change_nothing_the_sender_may_not()
    {
        var count = Stress.Size("HOSTILE", reduced: 1_000, full: 100_000);
        var log = new RecordingLog();

        // A clock that stands still on a Sunday: no reminder falls due, so whatever reaches these chats is a reply.
        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9)),
            configureServices: s => s.AddSingleton<ILoggerProvider>(log));
        await bot.LinkAsync(School, SchoolUnit);
        await bot.LinkAsync(ClinicStaff, ClinicUnit, ChatRole.Staff);

        // The office is on Zalo, out of the way of the counts here; its draft broadcast is what forged GUI presses aim at.
        await bot.SayOnZaloAsync(OfficeZalo, "/start " + MessengerBotUnderTest.OfficeCode);
        var preview = await bot.SayOnZaloAsync(OfficeZalo, "/phatdong Thông báo thử nghiệm");
        Assert.Contains("3 cuộc trò chuyện", preview.Text, StringComparison.Ordinal);
        long draft;
        long deliveriesBefore;
        await using (var db = bot.OpenStore())
        {
            draft = await db.Broadcasts.MaxAsync(b => b.Id);
            deliveriesBefore = await db.Deliveries.MaxAsync(d => (long?)d.Id) ?? 0;
        }

        var before = await SnapshotAsync(bot);
        var sentBefore = bot.Fake.SentCount;
        var refusedBefore = bot.Fake.Refused.Count;

        // Probes with a known answer first, then random items up to the count.
        var probes = Probes(draft);
        var random = new Random(Seed);
        var chats = new List<long>([.. Strangers, School, ClinicStaff]);
        var lastMessage = new Dictionary<long, long>();
        var presses = new List<string>();
        var replies = 0;
        var longest = TimeSpan.Zero;
        var sent = 0;
        while (sent < count)
        {
            var round = new List<(long Chat, Item Item, int Index)>();
            var probe = sent < probes.Count ? probes[sent] : null;
            if (probe is not null)
            {
                round.Add((probe.Chat, probe.Item, sent));
            }
            else
            {
                foreach (var chat in chats.OrderBy(_ => random.Next()).Take(Math.Min(chats.Count, count - sent)))
                {
                    round.Add((chat, Generate(random, chat, draft), sent + round.Count));
                }
            }

            var seen = bot.Fake.SentCount;
            var started = DateTime.UtcNow;
            foreach (var (chat, item, _) in round)
            {
                if (item.Press)
                {
                    var messageId = random.Next(3) == 0 ? random.Next(1, 1_000_000) : lastMessage.GetValueOrDefault(chat, 1);
                    presses.Add(bot.Fake.PressButton(chat, messageId, item.Text).CallbackQueryId!);
                }
                else if (item.FileName is { } fileName)
                {
                    bot.Fake.SendDocument(chat, fileName, "PK"u8.ToArray(), item.Text.Length == 0 ? null : item.Text, chatType: chat < 0 ? "group" : "private");
                }
                else
                {
                    bot.Fake.SendText(chat, item.Text, chatType: chat < 0 ? "group" : "private");
                }
            }

            await bot.Fake.WaitUntilAsync(() => bot.Fake.PendingUpdateCount == 0, MessengerBotUnderTest.Patience,
                $"the bot to handle items {round[0].Index}–{round[^1].Index}: {string.Join(" | ", round.Select(r => Show(r.Item)))}");
            var took = DateTime.UtcNow - started;
            longest = took > longest ? took : longest;

            var answers = bot.Fake.SentSince(seen);
            foreach (var (chat, item, index) in round)
            {
                var mine = answers.Where(m => m.ChatId == chat).ToList();
                if (item.ForAnotherBot)
                {
                    // Deliberately ignored: a command for another bot in the group.
                    Assert.True(mine.Count == 0, $"Item {index} from chat {chat} is for another bot but got a reply: {Show(item)}");
                    continue;
                }

                Assert.True(mine.Count > 0, $"Item {index} from chat {chat} got no reply: {Show(item)}");
                lastMessage[chat] = mine[^1].MessageId;
                replies += mine.Count;
                if (probe is not null)
                {
                    probe.Check(mine[0].PlainText);
                }
            }

            sent += round.Count;
        }

        // Every press was answered (the spinner stopped), every reply was taken by Telegram as valid HTML and showed
        // exactly the characters the bot meant: plain text, no formatting from anything a user wrote.
        var answered = bot.Fake.CallbackAnswers.Select(a => a.CallbackQueryId).ToHashSet(StringComparer.Ordinal);
        Assert.All(presses, id => Assert.Contains(id, answered));
        Assert.Empty(bot.Fake.Refused.Skip(refusedBefore));
        var all = bot.Fake.SentSince(sentBefore);
        Assert.Equal(replies, all.Count);
        Assert.All(all, m => Assert.Empty(m.Entities));
        Assert.All(all, m => Assert.Equal("HTML", m.ParseMode));

        await AssertNothingForbiddenAsync(bot, log, before, deliveriesBefore, (Messenger.Zalo, OfficeZalo));

        Assert.True(longest < MessengerBotUnderTest.Patience, $"The slowest round took {longest.TotalSeconds:0.0} s.");
    }

    /// <summary>
    /// The same kind of items on Zalo, fewer (300, and 20,000 under TDKT_STRESS=1 or as many as TDKT_STRESS_HOSTILE_ZALO says),
    /// since Zalo has no HTML: what matters there is that replies are plain, within 2000 characters a part, accepted
    /// by the fake, and show what the user wrote as written. Presses become typed commands (Zalo has no buttons) and
    /// files their captions. Zalo has no update confirmation, so "answered" is weaker here: a round ends once every
    /// chat in it got at least one message and no more came for a moment (the rest of a reply in parts), and each
    /// chat's messages in the round count as replies to its item.
    /// </summary>
    [Fact]
    public async Task Hostile_messages_on_Zalo_are_answered_in_plain_parts_and_change_nothing_the_sender_may_not()
    {
        var count = Stress.Size("HOSTILE_ZALO", reduced: 300, full: 20_000);
        var log = new RecordingLog();
        await using var bot = await MessengerBotUnderTest.StartAsync(
            MessengerBotUnderTest.Clock(MessengerBotUnderTest.Vn(2026, 3, 1, 9)),
            configureServices: s => s.AddSingleton<ILoggerProvider>(log));
        const string school = "z-hostile-school";
        const string staff = "z-hostile-staff";
        await bot.LinkOnZaloAsync(school, SchoolUnit);
        await bot.LinkOnZaloAsync(staff, ClinicUnit, ChatRole.Staff);
        await bot.LinkOfficeAsync(OfficeTelegram);
        await bot.SayAsync(OfficeTelegram, "/phatdong Thông báo thử nghiệm");
        long draft;
        long deliveriesBefore;
        await using (var db = bot.OpenStore())
        {
            draft = await db.Broadcasts.MaxAsync(b => b.Id);
            deliveriesBefore = await db.Deliveries.MaxAsync(d => (long?)d.Id) ?? 0;
        }

        var before = await SnapshotAsync(bot);
        var sentBefore = bot.Zalo.Sent.Count;
        var refusedBefore = bot.Zalo.Refused.Count;
        const string Html = "<b>&amp;</i> '; DROP TABLE Units;--";
        var echo = await bot.SayOnZaloAsync(school, "/quy " + Html);
        Assert.Contains("«" + Html + "»", echo.Text, StringComparison.Ordinal);
        Assert.Equal(ReplyTexts.OfficeOnly, (await bot.SayOnZaloAsync(school, string.Create(CultureInfo.InvariantCulture, $"GUI {draft}"))).Text);
        Assert.Equal(ReplyTexts.Stranger, (await bot.SayOnZaloAsync("z-hostile-1", string.Create(CultureInfo.InvariantCulture, $"GUI {draft}"))).Text);

        var random = new Random(Seed);
        string[] chats = ["z-hostile-1", "z-hostile-2", "z-hostile-3", school, staff];
        var sent = 0;
        while (sent < count)
        {
            var round = chats.OrderBy(_ => random.Next()).Take(Math.Min(chats.Length, count - sent))
                .Select(chat => (Chat: chat, Item: Generate(random, 0, draft)))
                .ToList();
            var seen = bot.Zalo.SentCount;
            foreach (var (chat, item) in round)
            {
                var text = item.FileName is null ? item.Text : item.Text.Length > 0 ? item.Text : " ";
                bot.Zalo.SendText(chat, text);
            }

            await bot.Zalo.WaitUntilAsync(
                () => bot.Zalo.PendingUpdateCount == 0 && bot.Zalo.SentSince(seen).Select(m => m.ChatId).Distinct().Count(round.Select(r => r.Chat).Contains) == round.Count,
                MessengerBotUnderTest.Patience,
                $"replies to items {sent}–{sent + round.Count - 1}: {string.Join(" | ", round.Select(r => Show(r.Item)))}");

            // The rest of a reply in parts follows at once; a moment without a new message ends the round.
            for (var quiet = bot.Zalo.SentCount; ; quiet = bot.Zalo.SentCount)
            {
                await Task.Delay(40);
                if (bot.Zalo.SentCount == quiet)
                {
                    break;
                }
            }

            sent += round.Count;
        }

        Assert.Empty(bot.Zalo.Refused.Skip(refusedBefore));
        Assert.All(bot.Zalo.Sent.Skip(sentBefore), m =>
        {
            Assert.InRange(m.Text.Length, 1, 2000);
            Assert.Empty(m.ExtraFields);
        });
        await AssertNothingForbiddenAsync(bot, log, before, deliveriesBefore, (Messenger.Telegram, MessengerBotUnderTest.Address(OfficeTelegram)));
    }

    /// <summary>
    /// No handler failed: nothing was logged at Error level or above, from any part of the bot. Nobody did what they may
    /// not: strangers and the unit chats changed no chat, invite or broadcast; the staff member changed nothing; the
    /// school changed only its own obligations, and only as far as a unit can (submitted or back). The outbox got only
    /// notices of the school's confirmations, to the office on the other messenger (<paramref name="office"/>).
    /// </summary>
    private static async Task AssertNothingForbiddenAsync(MessengerBotUnderTest bot, RecordingLog log, Snapshot before, long deliveriesBefore, (Messenger Channel, string Address) office)
    {
        Assert.True(!log.Entries.Any(e => e.Level >= LogLevel.Error),
            "Logged at Error level:\n" + string.Join('\n', log.Entries.Where(e => e.Level >= LogLevel.Error).Take(5).Select(e => $"{e.Category}: {e.Message} {e.Exception}")));

        var after = await SnapshotAsync(bot);
        Assert.Equal(before.Chats, after.Chats);
        Assert.Equal(before.Members, after.Members);
        Assert.Equal(before.Invites, after.Invites);
        Assert.Equal(before.Broadcasts, after.Broadcasts);
        var school = await UnitIdAsync(bot, SchoolUnit);
        Assert.Equal(before.Obligations.Where(o => o.UnitId != school), after.Obligations.Where(o => o.UnitId != school));
        Assert.All(after.Obligations.Where(o => o.UnitId == school),
            o => Assert.Contains(o.Status, new[] { ObligationStatus.Pending, ObligationStatus.Submitted }));
        await using var db = bot.OpenStore();
        var queued = await db.Deliveries.Where(d => d.Id > deliveriesBefore).Select(d => new { d.Kind, d.Chat.Channel, d.Chat.Address }).ToListAsync();
        Assert.All(queued, d => Assert.Equal(("notice", office.Channel, office.Address), (d.Kind, d.Channel, d.Address)));
    }

    /// <summary>Items whose answer is known, sent first, one per round.</summary>
    private static List<Probe> Probes(long draft)
    {
        var gui = string.Create(CultureInfo.InvariantCulture, $"GUI {draft}");
        var huygui = string.Create(CultureInfo.InvariantCulture, $"HUYGUI {draft}");
        const string Html = "<b>&amp;</i> '; DROP TABLE Units;-- <a href=\"x\">";
        const string FileName = "<b>bảng kê &amp; hồ sơ</b>\u202E.docx";
        return
        [
            // A unit may not send or cancel the office's broadcast, by button or by typing.
            new(School, new Item(gui, Press: true), r => Assert.Equal(ReplyTexts.OfficeOnly, r)),
            new(School, new Item(huygui, Press: false), r => Assert.Equal(ReplyTexts.OfficeOnly, r)),
            new(ClinicStaff, new Item(gui, Press: true), r => Assert.Equal(ReplyTexts.OfficeOnly, r)),
            new(Strangers[0], new Item(gui, Press: true), r => Assert.Equal(ReplyTexts.Stranger, r)),
            new(Strangers[3], new Item(huygui, Press: false), r => Assert.Equal(ReplyTexts.Stranger, r)),

            // What a user wrote comes back exactly as written: escaped on the way out, shown as typed.
            new(School, new Item("/quy " + Html, Press: false), r => Assert.Contains("«" + Html + "»", r, StringComparison.Ordinal)),

            new(School, new Item("", Press: false, FileName: FileName), r => Assert.Equal(ReplyTexts.FileWithoutCaption(FileName), r)),

            // Staff cannot confirm; nobody confirms an item the plan does not have.
            new(ClinicStaff, new Item("NOP D1", Press: true), r => Assert.Equal(ReplyTexts.HeadOnly, r)),
            new(School, new Item("NOP 999", Press: true), r => Assert.Equal(ReplyTexts.NoSuchItem("999"), r)),

            // Office commands from a unit, and invites or broadcasts from strangers.
            new(School, new Item("/moi " + ClinicUnit + " office", Press: false), r => Assert.Equal(ReplyTexts.OfficeOnly, r)),
            new(School, new Item("/tiepnhan " + SchoolUnit + " D1", Press: true), r => Assert.Equal(ReplyTexts.OfficeOnly, r)),
            new(Strangers[1], new Item("/phatdong Tin giả", Press: false), r => Assert.Equal(ReplyTexts.Stranger, r)),
            new(Strangers[2], new Item("NOP D1", Press: true), r => Assert.Equal(ReplyTexts.Stranger, r)),

            // Digits of other scripts: \d in .NET matches them, long.Parse does not.
            new(School, new Item("GUI ١٢", Press: true), r => Assert.DoesNotContain("bot gặp lỗi", r, StringComparison.Ordinal)),
            new(School, new Item("HUYGUI ３", Press: false), r => Assert.DoesNotContain("bot gặp lỗi", r, StringComparison.Ordinal)),
            new(School, new Item("NOP ٣", Press: true), r => Assert.DoesNotContain("bot gặp lỗi", r, StringComparison.Ordinal)),
            new(School, new Item("/quy ٢", Press: false), r => Assert.DoesNotContain("bot gặp lỗi", r, StringComparison.Ordinal)),
        ];
    }

    /// <summary>One random item for <paramref name="chat"/>: a message or a forged button press.</summary>
    private static Item Generate(Random r, long chat, long draft)
    {
        var roll = r.Next(100);
        string text;
        if (roll < 35)
        {
            text = Press(r, draft);
            return new Item(text, Press: true);
        }

        if (roll < 40)
        {
            // 10,000 characters: random, or fragments over and over.
            text = r.Next(2) == 0 ? RandomText(r, LongText) : Repeat(Fragments[r.Next(Fragments.Length)] + " ", LongText);
        }
        else if (roll < 60)
        {
            var command = ConversationCommands.All[r.Next(ConversationCommands.All.Count)].Command;
            // Addressed to this bot (the fake's name, in any case, to no one, or to what cannot be a Telegram username), or to
            // another bot; a name is followed by a space, else the arguments would lengthen it into another name.
            var suffix = r.Next(4) == 0 ? "@" + Pick(r, "otherbot", "tdkt_test_bot", "TDKT_Test_Bot", "", "bot\u200B") : "";
            text = "/" + command + suffix + (suffix.Length > 0 ? Pick(r, " ", "  ", "\n", "\t") : Pick(r, " ", "  ", "\n", "\t", "")) + JunkArguments(r);
            return new Item(text, Press: false, ForAnotherBot: suffix is "@otherbot");
        }
        else if (roll < 70)
        {
            text = Pick(r, "đã nộp ", "nộp rồi ", "chưa nộp gì ", "ai chưa nộp ", "hủy ", "quý ", "tháng ", "/start ") + JunkArguments(r);
        }
        else if (roll < 73)
        {
            // A file with a name of any characters, with or without a caption.
            var name = RandomText(r, r.Next(1, 60)) + Pick(r, ".docx", ".pdf", "", ".<b>", "\u202Excod.exe");
            return new Item(r.Next(2) == 0 ? "" : Pick(r, "NOP ", "nộp ", "", "/nop ") + JunkArguments(r), Press: false, FileName: name);
        }
        else if (roll < 75)
        {
            text = string.Concat(Enumerable.Range(0, r.Next(1, 6)).Select(_ => Pick(r, [.. Invisible, " ", "\n", "\t", "\r\n"])));
        }
        else
        {
            text = RandomText(r, r.Next(1, 300));
        }

        // The fake, like a Telegram client, sends no empty text.
        return new Item(text.Length == 0 ? " " : text, Press: false);
    }

    /// <summary>Callback data as a forger would send it: real commands at the wrong chat or number, or up to 64 random bytes of UTF-8.</summary>
    private static string Press(Random r, long draft)
    {
        var id = draft.ToString(CultureInfo.InvariantCulture);
        var data = r.Next(10) switch
        {
            0 => "NOP " + Pick(r, "999", "3", "D1", "-1", "0", "١", "3 4", "D99", "<b>"),
            1 => "GUI " + Pick(r, id, "1", "0", "99999999999999999999", "-1", "١", "３", id + " " + id),
            2 => "HUYGUI " + Pick(r, id, "-1", "1", "999999999999999999", "x"),
            3 => Pick(r, "/moi " + ClinicUnit, "/phatdong tin giả", "/tiepnhan " + SchoolUnit + " D1", "/tralai " + SchoolUnit + " D1 sai", "/huy D1", "/start ABC"),
            4 => Pick(r, "/quy", "/conno", "/chuanop", "/thanhvien", "/kehoach", "/help"),
            _ => RandomText(r, r.Next(1, 64)),
        };
        return Utf8Prefix(data, 64) is { Length: > 0 } fit ? fit : "x";
    }

    private static string JunkArguments(Random r) =>
        string.Join(Pick(r, " ", "  ", "\t", "\n"), Enumerable.Range(0, r.Next(0, 4)).Select(_ => r.Next(3) == 0 ? RandomText(r, r.Next(1, 20)) : Pick(r, Junk)));

    /// <summary>Random text of about <paramref name="length"/> UTF-16 units, every surrogate in a pair.</summary>
    private static string RandomText(Random r, int length)
    {
        var text = new StringBuilder(length + 40);
        while (text.Length < length)
        {
            switch (r.Next(12))
            {
                case 0:
                    text.Append(char.ConvertFromUtf32(r.Next(0x1F300, 0x1FAFF))); // emoji: a surrogate pair
                    break;
                case 1:
                    text.Append(char.ConvertFromUtf32(r.Next(0x10000, 0x10FFFF + 1))); // anywhere beyond the BMP
                    break;
                case 2:
                    text.Append(Pick(r, Invisible));
                    break;
                case 3:
                    text.Append((char)(r.Next(8) == 0 ? 0x7F : r.Next(0, 32))); // control characters, NUL and line breaks included
                    break;
                case 4:
                    text.Append("aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐ"[r.Next(89)]);
                    break;
                case 5:
                    text.Append((char)r.Next(0x20, 0x7F));
                    break;
                case 6:
                    text.Append((char)(Pick(r, '\u0660', '\u06F0', '\u0966', '\uFF10', '0') + r.Next(10))); // digits of several scripts
                    break;
                case 7:
                    text.Append(Pick(r, Fragments));
                    break;
                case 8:
                    text.Append((char)r.Next(0x0300, 0x0370)); // combining marks
                    break;
                case 9:
                    text.Append(Pick(r, ' ', '\n', '\u00A0', '\u3000', '\u2028'));
                    break;
                default:
                    text.Append((char)r.Next(0x20, 0xD800)); // anywhere in the BMP before the surrogates
                    break;
            }
        }

        return text.ToString();
    }

    private static string Repeat(string piece, int length)
    {
        var text = new StringBuilder(length + piece.Length);
        while (text.Length < length)
        {
            text.Append(piece);
        }

        return text.ToString();
    }

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="bytes"/> bytes of UTF-8, never half a pair.</summary>
    private static string Utf8Prefix(string text, int bytes)
    {
        var end = 0;
        var used = 0;
        while (end < text.Length)
        {
            var width = char.IsSurrogatePair(text, end) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(text.AsSpan(end, width));
            if (used + size > bytes)
            {
                break;
            }

            used += size;
            end += width;
        }

        return text[..end];
    }

    private static T Pick<T>(Random r, params T[] choices) => choices[r.Next(choices.Length)];

    private static string Show(Item item)
    {
        var text = item.Text.Length > 80 ? item.Text[..80] + $"… ({item.Text.Length} characters)" : item.Text;
        var escaped = string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > 0x2000 ? $"\\u{(int)c:X4}" : c.ToString()));
        return (item.Press ? "press " : item.FileName is null ? "text " : $"file {item.FileName.Length} characters, caption ") + escaped;
    }

    private static async Task<long> UnitIdAsync(MessengerBotUnderTest bot, string unit)
    {
        await using var db = bot.OpenStore();
        return await db.Units.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Snapshot> SnapshotAsync(MessengerBotUnderTest bot)
    {
        await using var db = bot.OpenStore();
        var obligations = await db.Obligations.AsNoTracking().OrderBy(o => o.Id).Select(o => new ObligationState(o.Id, o.UnitId, o.Status)).ToListAsync();
        var chats = (await db.Chats.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => $"{c.Id} {c.Channel} {c.Address} unit={c.UnitId} active={c.Active} group={c.IsGroup} {c.DisplayName}").ToList();
        var members = (await db.Members.AsNoTracking().OrderBy(m => m.Id).ToListAsync())
            .Select(m => $"{m.Id} {m.Channel} {m.PersonId} unit={m.UnitId} {m.Role} invite={m.InviteId}").ToList();
        var invites = (await db.Invites.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
            .Select(i => $"{i.Id} {i.UnitId} {i.Role} used={i.UsedAt} by={i.UsedByChatId}").ToList();
        var broadcasts = (await db.Broadcasts.AsNoTracking().OrderBy(b => b.Id).ToListAsync())
            .Select(b => $"{b.Id} {b.CreatedByChatId} confirmed={b.ConfirmedAt} cancelled={b.CancelledAt} {b.Text}").ToList();
        return new Snapshot(obligations, chats, members, invites, broadcasts);
    }

    /// <summary>A text, a button press (<see cref="Text"/> is the callback data) or a file (<see cref="Text"/> is the caption, "" for none).</summary>
    /// <summary>One message or press. <paramref name="ForAnotherBot"/>: a command naming another bot, which the bot leaves alone on Telegram.</summary>
    private sealed record Item(string Text, bool Press, string? FileName = null, bool ForAnotherBot = false);

    private sealed record Probe(long Chat, Item Item, Action<string> Check);

    private sealed record ObligationState(long Id, long UnitId, ObligationStatus Status);

    private sealed record Snapshot(List<ObligationState> Obligations, List<string> Chats, List<string> Members, List<string> Invites, List<string> Broadcasts);
}
