using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TdktBot.Broadcasts;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Obligations;

namespace TdktBot.Tests.Conversations;

/// <summary>
/// Who may do what, through the real engine on a real store made by the migrations: every kind of writer, every thing
/// they may ask for, typed or pressed, in a private chat or in a group. Each row checks the reply and what the store
/// holds afterwards: a refusal changes nothing, an allowed act changes what it should.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string School = "Trường THCS Hoa Thám";
    private const string OfficeUnit = "Phòng Văn hóa - Xã hội";
    private const string Clinic = "Trạm Y tế xã";
    private static readonly DateTimeOffset Now = new(2026, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>Someone writing to the bot. Staff come two ways: a staff invite, or (in a group) no invite at all.</summary>
    public enum Writer
    {
        /// <summary>From a chat no invite linked.</summary>
        Stranger,

        /// <summary>Of the school: a staff invite in private; in the school's group, a member who redeemed nothing.</summary>
        Staff,

        /// <summary>Of the office's own unit, the same two ways: staff there is still staff, not the office.</summary>
        OfficeUnitStaff,

        /// <summary>The school's head, from a head invite redeemed in private, or in the school's group.</summary>
        Head,

        /// <summary>From an office invite redeemed in private, or in the office's group.</summary>
        Office,
    }

    public enum Place
    {
        Private,
        Group,
    }

    public enum Way
    {
        Typed,
        Pressed,
    }

    /// <summary>Each thing a message can ask for, with the store set up so that it could happen.</summary>
    public enum Action
    {
        Join,
        Ask,
        Confirm,
        Undo,
        AskOthers,
        Accept,
        Return,
        DraftBroadcast,
        SendBroadcast,
        CancelBroadcast,
        Invite,
        ListMembers,
    }

    // The table: what each writer may do. Everything else is refused.
    private static readonly Dictionary<Writer, Action[]> MayDo = new()
    {
        [Writer.Stranger] = [Action.Join],
        [Writer.Staff] = [Action.Join, Action.Ask],
        [Writer.OfficeUnitStaff] = [Action.Join, Action.Ask],
        [Writer.Head] = [Action.Join, Action.Ask, Action.Confirm, Action.Undo],
        [Writer.Office] = Enum.GetValues<Action>(),
    };

    public static TheoryData<Writer, Action, Place, Way, bool> Rows()
    {
        var rows = new TheoryData<Writer, Action, Place, Way, bool>();
        foreach (var writer in Enum.GetValues<Writer>())
        {
            foreach (var action in Enum.GetValues<Action>())
            {
                foreach (var place in Enum.GetValues<Place>())
                {
                    foreach (var way in Enum.GetValues<Way>())
                    {
                        rows.Add(writer, action, place, way, MayDo[writer].Contains(action));
                    }
                }
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_writer_may_do_what_the_table_says_and_a_refusal_changes_nothing(Writer writer, Action action, Place place, Way way, bool allowed)
    {
        await using var bot = await EngineUnderTest.StartAsync(Now);
        var world = await World.MakeAsync(bot);
        var (chat, person) = World.Where(writer, place);
        var unit = writer is Writer.OfficeUnitStaff or Writer.Office ? OfficeUnit : School;
        var before = await world.PrepareAsync(action, chat, unit);

        var reply = await bot.SayAsync(chat, person, place == Place.Group, before.Text, fromButton: way == Way.Pressed);

        if (allowed)
        {
            Assert.StartsWith(Done(action), reply.Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(Refusal(writer, action), reply.Text);
        }

        await using var db = bot.Store();
        var status = await db.Obligations.Where(o => o.Unit.Name == before.Unit && o.Target.Number == "D1").Select(o => o.Status).SingleAsync();
        Assert.Equal(allowed ? before.StatusIfDone : before.Status, status);
        Assert.Equal(before.OtherStatuses, await World.OtherStatusesAsync(db, before.Unit));

        var broadcast = before.Broadcast is { } id ? await db.Broadcasts.SingleAsync(b => b.Id == id) : null;
        var deliveries = await db.Deliveries.CountAsync(d => d.BroadcastId != null);
        Assert.Equal(allowed && action == Action.SendBroadcast, deliveries > 0);
        Assert.Equal(allowed && action == Action.SendBroadcast, broadcast?.ConfirmedAt is not null);
        Assert.Equal(allowed && action == Action.CancelBroadcast, broadcast?.CancelledAt is not null);
        Assert.Equal(before.Broadcasts + (allowed && action == Action.DraftBroadcast ? 1 : 0), await db.Broadcasts.CountAsync());
        Assert.Equal(before.Invites + (allowed && action == Action.Invite ? 1 : 0), await db.Invites.CountAsync());
        Assert.Equal(allowed && action == Action.Join, await db.Members.AnyAsync(m => m.PersonId == person && m.Unit.Name == Clinic));
    }

    /// <summary>How an allowed act's reply begins.</summary>
    private static string Done(Action action) => action switch
    {
        Action.Join => $"✅ Đã liên kết cuộc trò chuyện này với {Clinic}",
        Action.Ask => "Quý I/2026",
        Action.Confirm => "✅ Đã ghi nhận: đơn vị đã nộp hạn nộp D1",
        Action.Undo => "Đã hủy xác nhận nộp hạn nộp D1",
        Action.AskOthers => "Hạn nộp D1",
        Action.Accept => "Đã tiếp nhận hạn nộp D1",
        Action.Return => "Đã trả lại hạn nộp D1",
        Action.DraftBroadcast => "Xem trước tin phát động gửi tất cả đơn vị",
        Action.SendBroadcast => "Đang gửi tới",
        Action.CancelBroadcast => ReplyTexts.BroadcastCancelled,
        Action.Invite => $"Mã mời cho {Clinic} (Phòng theo dõi kế hoạch)",
        _ => "Thành viên dùng bot:",
    };

    /// <summary>What a refused writer is told: how to join, or what they may do instead.</summary>
    private static string Refusal(Writer writer, Action action) => (writer, action) switch
    {
        (Writer.Stranger, _) => ReplyTexts.Stranger,
        (_, Action.Confirm) => ReplyTexts.HeadOnly,
        (_, Action.Undo) => ReplyTexts.HeadOnlyUndo,
        _ => ReplyTexts.OfficeOnly,
    };

    /// <summary>
    /// The chats and people of one store. Private chats: the person is the chat. Groups: the school's and the office's,
    /// each with a member who redeemed nothing and one who redeemed a role there; and a group no invite linked.
    /// </summary>
    private sealed class World(EngineUnderTest bot)
    {
        private static readonly Dictionary<(Writer, Place), (string Chat, string Person)> Places = new()
        {
            [(Writer.Stranger, Place.Private)] = ("7001", "7001"),
            [(Writer.Stranger, Place.Group)] = ("-7000", "7001"),
            [(Writer.Staff, Place.Private)] = ("3001", "3001"),
            [(Writer.Staff, Place.Group)] = ("-3000", "3101"),
            [(Writer.OfficeUnitStaff, Place.Private)] = ("3002", "3002"),
            [(Writer.OfficeUnitStaff, Place.Group)] = ("-9000", "3102"),
            [(Writer.Head, Place.Private)] = ("2001", "2001"),
            [(Writer.Head, Place.Group)] = ("-3000", "2101"),
            [(Writer.Office, Place.Private)] = ("9001", "9001"),
            [(Writer.Office, Place.Group)] = ("-9000", "9101"),
        };

        private static readonly Actor OfficeActor = new("Phòng VH-XH", null, Role.Office) { Id = "telegram:9001" };

        public static async Task<World> MakeAsync(EngineUnderTest bot)
        {
            await bot.LinkAsync(School, ChatRole.Staff, "3001");
            await bot.LinkAsync(OfficeUnit, ChatRole.Staff, "3002");
            await bot.LinkAsync(School, ChatRole.Head, "2001");
            await bot.LinkAsync(OfficeUnit, ChatRole.Office, "9001");
            await bot.LinkGroupAsync(School, "-3000");
            await bot.LinkGroupAsync(OfficeUnit, "-9000");
            await bot.GrantAsync("2101", School, ChatRole.Head);
            await bot.GrantAsync("9101", OfficeUnit, ChatRole.Office);
            return new World(bot);
        }

        public static (string Chat, string Person) Where(Writer writer, Place place) => Places[(writer, place)];

        /// <summary>Sets the store up for <paramref name="action"/> from <paramref name="chat"/> and says what it holds before.</summary>
        public async Task<Before> PrepareAsync(Action action, string chat, string writersUnit)
        {
            await using var db = bot.Store();

            // Confirming and taking back concern the writer's own unit (a stranger's, none: the school's stays as it was);
            // the office's review concerns the school's submission.
            var unit = action is Action.Confirm or Action.Undo ? writersUnit : School;
            var submitted = action is Action.Undo or Action.Accept or Action.Return;
            if (submitted)
            {
                var d1 = await db.Obligations.SingleAsync(o => o.Unit.Name == unit && o.Target.Number == "D1");
                (d1.Status, d1.StatusChangedAt) = (ObligationStatus.Submitted, Now.AddHours(-1));
                await db.SaveChangesAsync();
            }

            long? broadcast = null;
            string? code = null;
            if (action is Action.SendBroadcast or Action.CancelBroadcast)
            {
                // Drafted from this very chat, so only the writer's role can stop it; a stranger's chat is the office's.
                var from = await db.Chats.Where(c => c.Address == chat || c.Address == "9001").OrderBy(c => c.Address == chat ? 0 : 1).Select(c => c.Id).FirstAsync();
                var school = await db.Units.Where(u => u.Name == School).Select(u => u.Id).SingleAsync();
                broadcast = (await new BroadcastService(db, bot.Clock).DraftAsync(from, OfficeActor, "Họp giao ban lúc 8:00", null, [school])).BroadcastId;
            }
            else if (action == Action.Join)
            {
                var clinic = await db.Units.Where(u => u.Name == Clinic).Select(u => u.Id).SingleAsync();
                code = (await new InviteService(db, bot.Clock, new InviteOptions()).CreateAsync(clinic, ChatRole.Head, OfficeActor)).Code;
            }

            var id = broadcast?.ToString(CultureInfo.InvariantCulture);
            var text = action switch
            {
                Action.Join => "/start " + code,
                Action.Ask => "quý này có việc gì",
                Action.Confirm => "NOP D1",
                Action.Undo => "/huy D1",
                Action.AskOthers => "/chuanop D1",
                Action.Accept => $"/tiepnhan {School} D1",
                Action.Return => $"/tralai {School} D1 thiếu chữ ký",
                Action.DraftBroadcast => "/phatdong Họp giao ban lúc 8:00 thứ Hai",
                Action.SendBroadcast => "GUI " + id,
                Action.CancelBroadcast => "HUYGUI " + id,
                Action.Invite => $"/moi {Clinic} office",
                _ => "/thanhvien",
            };
            var status = submitted ? ObligationStatus.Submitted : ObligationStatus.Pending;
            var ifDone = action switch
            {
                Action.Confirm => ObligationStatus.Submitted,
                Action.Undo => ObligationStatus.Pending,
                Action.Accept => ObligationStatus.Accepted,
                Action.Return => ObligationStatus.Returned,
                _ => status,
            };
            return new Before(text, unit, status, ifDone, await OtherStatusesAsync(db, unit), broadcast,
                await db.Broadcasts.CountAsync(), await db.Invites.CountAsync());
        }

        /// <summary>Every obligation's status but the one the row is about, which no act may touch.</summary>
        public static async Task<List<string>> OtherStatusesAsync(TdktDbContext db, string unit) =>
            await db.Obligations.Where(o => !(o.Unit.Name == unit && o.Target.Number == "D1")).OrderBy(o => o.Id)
                .Select(o => o.Id + " " + o.Status).ToListAsync();
    }

    /// <param name="Text">What the writer sends.</param>
    /// <param name="Unit">The unit whose D1 the act is about.</param>
    /// <param name="Status">D1's status before.</param>
    /// <param name="StatusIfDone">D1's status after the act, if allowed.</param>
    /// <param name="OtherStatuses">Every other obligation, which must stay as it is.</param>
    /// <param name="Broadcast">The draft a decision is about.</param>
    private sealed record Before(string Text, string Unit, ObligationStatus Status, ObligationStatus StatusIfDone, List<string> OtherStatuses,
        long? Broadcast, int Broadcasts, int Invites);
}
