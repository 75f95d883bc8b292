using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TdktBot.Channels;
using TdktBot.Core.Conversations;
using TdktBot.Core.Plans;
using TdktBot.Core.Reminders;
using TdktBot.Core.Text;
using TdktBot.Core.Units;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Broadcasts;
using TdktBot.Invites;
using TdktBot.Outbox;
using TdktBot.Obligations;
using TdktBot.Plans;
using TdktBot.Messaging;

namespace TdktBot.Conversations;

/// <summary>
/// One conversation engine for every messenger: finds who is writing (the linked chat, its unit and role),
/// reads the intent, and answers from the store. Every action is checked against the writer's own chat on
/// the server; a pressed button is handled exactly like the same text typed.
/// </summary>
public sealed partial class ConversationEngine(
    IDbContextFactory<TdktDbContext> dbFactory,
    PlanStore plans,
    ReminderPolicy policy,
    TimeProvider time,
    InviteOptions inviteOptions,
    DeliverySignal signal,
    IEnumerable<IBotLinks> links,
    StoreSnapshots snapshots,
    ILogger<ConversationEngine> logger) : IConversation
{
    private const int MaxChoices = 6;

    // One message on every messenger (Zalo's limit is 2000 characters), with room for the preview's frame.
    private const int MaxBroadcastLength = 1800;

    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        // A context only for what needs the store itself (links, changes, the office's tools); questions are answered
        // from the snapshot.
        await using var lease = new StoreLease(dbFactory);
        var snapshot = await snapshots.CurrentAsync(ct);
        var chat = await snapshot.ChatAtAsync(message.Channel, message.ChatAddress, ct);
        var intent = IntentParser.Parse(message.Text ?? string.Empty);

        if (intent.Kind == IntentKind.Start && !string.IsNullOrWhiteSpace(intent.Code))
        {
            return [await RedeemAsync(lease.Db, message, intent.Code, ct)];
        }

        if (chat is not { UnitId: not null, Unit: not null })
        {
            return [new Reply(ReplyTexts.Stranger)];
        }

        var unit = chat.Unit;

        if (!chat.Active)
        {
            // Someone writing from a chat we marked blocked has clearly unblocked the bot. Changed on the store's own
            // row, never on the shared snapshot.
            if (await lease.Db.Chats.SingleOrDefaultAsync(x => x.Channel == message.Channel && x.Address == message.ChatAddress, ct) is { } stored)
            {
                stored.Active = true;
                stored.InactiveReason = null;
                await lease.Db.SaveChangesAsync(ct);
                chat = stored;
            }
        }

        if (string.IsNullOrWhiteSpace(message.Text))
        {
            return [new Reply(message.FileName is null ? ReplyTexts.EmptyMessage : ReplyTexts.FileWithoutCaption(message.FileName))];
        }

        var context = new Context(lease, snapshot, await snapshot.ObligationsOfAsync(unit.Id, ct), chat, unit, policy.LocalDate(time.GetUtcNow()), message);
        try
        {
            if (BroadcastDecision().Match(message.Text.Trim()) is { Success: true } decision)
            {
                return [await DecideBroadcastAsync(context, decision.Groups[1].Value.Length > 0, long.Parse(decision.Groups[2].Value, CultureInfo.InvariantCulture), ct)];
            }

            return await AnswerAsync(context, intent, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, message.Channel, chat.Id);
            return [new Reply("Xin lỗi, bot gặp lỗi khi xử lý yêu cầu này. Vui lòng thử lại sau ít phút.")];
        }
    }

    public async Task ChatMovedAsync(string channel, string oldAddress, string newAddress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Chats.SingleOrDefaultAsync(c => c.Channel == channel && c.Address == oldAddress, ct) is { } old)
        {
            await ChatMoves.MoveAsync(db, old, newAddress, "hệ thống", time.GetUtcNow(), ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<IReadOnlyList<Reply>> AnswerAsync(Context c, Intent intent, CancellationToken ct)
    {
        if (intent.IsAmbiguous)
        {
            return [new Reply(ReplyTexts.Ambiguous)
            {
                Buttons = intent.Choices.Take(3).Select(k => new ChatButton(ReplyTexts.ChoiceLabel(k), ChoiceCommand(k))).ToList(),
            }];
        }

        if (intent.BadArgument is { } bad)
        {
            return [new Reply(ReplyTexts.BadArgument(bad))];
        }

        var office = c.Chat.Role == ChatRole.Office || c.Unit.IsOffice;
        return intent.Kind switch
        {
            IntentKind.Greeting or IntentKind.Start => [new Reply(ReplyTexts.Greeting(c.Message.SenderName, c.Unit.Name))],
            IntentKind.Help => [new Reply(ReplyTexts.Help(office))],
            IntentKind.Quarter => [QuarterItems(c, intent)],
            IntentKind.Month => [MonthItems(c, intent)],
            IntentKind.Week => [WeekItems(c, intent)],
            IntentKind.NextDeadlines => [NextItems(c)],
            IntentKind.WholePlan => [WholePlanItems(c)],
            IntentKind.MyPending => [PendingItems(c)],
            IntentKind.Confirm => [await ConfirmAsync(c, intent, ct)],
            IntentKind.Undo => [await UndoAsync(c, intent, ct)],
            IntentKind.WhoHasNotSubmitted when office => [await NotSubmittedAsync(c, intent, ct)],
            IntentKind.Accept or IntentKind.Return when office => [await AcceptOrReturnAsync(c, intent, ct)],
            IntentKind.Invite when office => [await InviteAsync(c, intent, ct)],
            IntentKind.Members when office => [await MembersAsync(c, ct)],
            IntentKind.Broadcast when office => [await DraftBroadcastAsync(c, intent, ct)],
            IntentKind.WhoHasNotSubmitted or IntentKind.Accept or IntentKind.Return or IntentKind.Invite or IntentKind.Members or IntentKind.Broadcast
                => [new Reply(ReplyTexts.OfficeOnly)],
            _ => [new Reply(ReplyTexts.Unknown)],
        };
    }

    private async Task<Reply> RedeemAsync(TdktDbContext db, IncomingMessage message, string code, CancellationToken ct)
    {
        var redemption = await new InviteService(db, time, inviteOptions)
            .RedeemAsync(message.Channel, message.ChatAddress, message.ChatTitle ?? message.SenderName, code, ct);
        if (redemption.Chat is { } linked && linked.IsGroup != message.IsGroup)
        {
            // Groups are paced at 20 messages a minute; the sender needs to know which chats are groups.
            await db.Chats.Where(x => x.Id == linked.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsGroup, message.IsGroup), ct);
            await db.MarkChangedAsync(ct);
        }
        return new Reply(redemption.Status switch
        {
            RedeemStatus.Linked => ReplyTexts.Linked(redemption.Chat!.Unit!.Name, ReplyTexts.RoleName(redemption.Chat.Role.ToString())),
            RedeemStatus.Used => ReplyTexts.UsedCode,
            RedeemStatus.Expired => ReplyTexts.ExpiredCode,
            RedeemStatus.Throttled => ReplyTexts.Throttled,
            _ => ReplyTexts.UnknownCode,
        });
    }

    private static Reply QuarterItems(Context c, Intent intent)
    {
        var (year, quarter) = intent.Quarter is { } q ? (c.Today.Year, q) : Shift(c.Today.Year, Quarter.Of(c.Today) + intent.Offset, 4);
        var items = Items(c, year, t => t.Quarter == quarter || t.Kind == TargetKind.Deadline && Quarter.Of(t.Due) == quarter);
        return new Reply(ReplyTexts.Items(ReplyTexts.QuarterTitle(quarter, year), items, c.Today));
    }

    private static Reply MonthItems(Context c, Intent intent)
    {
        var (year, month) = intent.MonthOfYear is { } m ? (c.Today.Year, m) : Shift(c.Today.Year, c.Today.Month + intent.Offset, 12);
        var items = Items(c, year, t => t.Due.Year == year && t.Due.Month == month);
        return new Reply(ReplyTexts.Items(ReplyTexts.MonthTitle(month, year), items, c.Today, "Không có hạn nào trong tháng này. Gõ /quy để xem các việc của quý."));
    }

    private static Reply WeekItems(Context c, Intent intent)
    {
        var monday = c.Today.AddDays(-(((int)c.Today.DayOfWeek + 6) % 7) + (7 * intent.Offset));
        var items = Items(c, null, t => t.Due >= monday && t.Due <= monday.AddDays(6));
        return new Reply(ReplyTexts.Items(ReplyTexts.WeekTitle(monday), items, c.Today, "Không có hạn nào trong tuần này. Gõ /sapden để xem các hạn sắp tới."));
    }

    private static Reply NextItems(Context c)
    {
        var items = Items(c, null, t => t.Due >= c.Today).Take(5).ToList();
        return new Reply(ReplyTexts.Items(ReplyTexts.NextTitle, items, c.Today, "Không còn hạn nào sắp tới trong kế hoạch."));
    }

    private static Reply WholePlanItems(Context c)
    {
        var year = CurrentYear(c);
        var items = Items(c, year, _ => true);
        return new Reply(ReplyTexts.Items(ReplyTexts.PlanTitle(year ?? c.Today.Year), items, c.Today, ReplyTexts.NoPlan));
    }

    private static Reply PendingItems(Context c)
    {
        var owed = Owed(c);
        if (owed.Count == 0)
        {
            return new Reply(ReplyTexts.NothingPending(c.Unit.Name));
        }

        var items = owed.Select(o => new ItemLine(Subject(o.Target), Status(o))).ToList();
        return new Reply(ReplyTexts.Items(ReplyTexts.PendingTitle(c.Unit.Name), items, c.Today) + "\n" + ReplyTexts.ConfirmHint)
        {
            Buttons = ConfirmButtons(owed),
        };
    }

    private async Task<Reply> ConfirmAsync(Context c, Intent intent, CancellationToken ct)
    {
        if (c.Chat.Role == ChatRole.Staff)
        {
            return new Reply(ReplyTexts.HeadOnly);
        }

        Obligation? chosen;
        if (intent.Target is { } number)
        {
            chosen = ObligationFor(c, number);
            if (chosen is null)
            {
                return new Reply(c.Snapshot.Targets.Any(t => t.Number == number)
                    ? ReplyTexts.NotOwedByUnit(number, c.Unit.Name)
                    : ReplyTexts.NoSuchItem(number));
            }
        }
        else
        {
            var owed = Owed(c);
            var candidates = intent.TargetHint is { } hint ? Matching(owed, hint) : owed;
            if (candidates.Count == 0 && owed.Count == 0)
            {
                return new Reply(ReplyTexts.NothingToConfirm(c.Unit.Name));
            }

            // "đã nộp kế hoạch" in January means the plan due this month, not the one due in October.
            if (candidates.Count > 1 && candidates.Where(o => o.Target.Due <= c.Today.AddDays(14)).ToList() is [var near])
            {
                candidates = [near];
            }

            if (candidates.Count != 1)
            {
                var choices = candidates.Count == 0 ? owed : candidates;
                return new Reply(ReplyTexts.WhichToConfirm) { Buttons = ConfirmButtons(choices) };
            }

            chosen = candidates[0];
        }

        // A repeated "đã nộp" is answered from the snapshot, current as of this message; a change goes to the store.
        var change = ObligationService.RefuseConfirm(chosen, Actor(c), policy.Settings.TimeZone)
            ?? await Service(c).ConfirmAsync(chosen.Id, Actor(c), intent.Text, ct);
        if (change.Done)
        {
            await NotifyOfficeAsync(c, ReplyTexts.OfficeNotice(c.Unit.Name, ReplyTexts.Describe(Subject(chosen.Target)), intent.Text, c.Message.FileName),
                c.Message.FileId, ct);
        }

        return new Reply(change.Message);
    }

    private async Task<Reply> UndoAsync(Context c, Intent intent, CancellationToken ct)
    {
        Obligation? chosen = intent.Target is { } number
            ? ObligationFor(c, number)
            : await c.Db.Obligations.Include(o => o.Target)
                .Where(o => o.UnitId == c.Unit.Id && o.Status == ObligationStatus.Submitted)
                .OrderByDescending(o => o.StatusChangedAt).FirstOrDefaultAsync(ct);
        if (chosen is null)
        {
            return new Reply(intent.Target is { } n ? ReplyTexts.NotOwedByUnit(n, c.Unit.Name) : ReplyTexts.NothingToConfirm(c.Unit.Name));
        }

        return new Reply((await Service(c).UndoAsync(chosen.Id, Actor(c), ct)).Message);
    }

    private static async Task<Reply> NotSubmittedAsync(Context c, Intent intent, CancellationToken ct)
    {
        var year = CurrentYear(c);
        var soon = c.Today.AddDays(7);
        var targets = await c.Db.Targets.Include(t => t.Obligations).ThenInclude(o => o.Unit)
            .Where(t => t.InPlan && (year == null || t.Plan.Year == year))
            .Where(t => intent.Target != null ? t.Number == intent.Target : t.Due <= soon)
            .OrderBy(t => t.Due).ThenBy(t => t.Id)
            .ToListAsync(ct);
        if (intent.Target is { } number && targets.Count == 0)
        {
            return new Reply(ReplyTexts.NoSuchItem(number));
        }

        var sections = targets
            .Select(t => (Target: t, Units: t.Obligations.Where(o => o.Active && o.IsOwed).Select(o => o.Unit.Name).Order(StringComparer.Ordinal).ToList()))
            .Where(x => intent.Target != null || x.Units.Count > 0)
            .Select(x => ReplyTexts.NotSubmittedList(Subject(x.Target), x.Units, c.Today))
            .ToList();
        return new Reply(sections.Count == 0 ? ReplyTexts.EveryoneUpToDate : string.Join("\n\n", sections));
    }

    private async Task<Reply> AcceptOrReturnAsync(Context c, Intent intent, CancellationToken ct)
    {
        var accept = intent.Kind == IntentKind.Accept;
        if (intent.Unit is null || intent.Target is null)
        {
            return new Reply(accept ? ReplyTexts.AcceptUsage : ReplyTexts.ReturnUsage);
        }

        if (await FindUnitAsync(c, intent.Unit, ct) is not { } unit)
        {
            return new Reply(ReplyTexts.UnitNotFound(intent.Unit));
        }

        var obligation = await c.Db.Obligations.Include(o => o.Target)
            .Where(o => o.UnitId == unit.Id && o.Active && o.Target.InPlan && o.Target.Number == intent.Target)
            .OrderByDescending(o => o.Target.Plan.Year).FirstOrDefaultAsync(ct);
        if (obligation is null)
        {
            return new Reply(ReplyTexts.NotOwedByUnit(intent.Target, unit.Name));
        }

        var change = accept
            ? await Service(c).AcceptAsync(obligation.Id, Actor(c), ct)
            : await Service(c).ReturnAsync(obligation.Id, Actor(c), intent.Text, ct);
        return new Reply(change.Message);
    }

    private async Task<Reply> InviteAsync(Context c, Intent intent, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(intent.Unit))
        {
            return new Reply(ReplyTexts.InviteUsage);
        }

        if (await FindUnitAsync(c, intent.Unit, ct) is not { } unit)
        {
            return new Reply(ReplyTexts.UnitNotFound(intent.Unit));
        }

        var role = intent.Role switch
        {
            "office" => ChatRole.Office,
            "staff" => ChatRole.Staff,
            _ => ChatRole.Head,
        };
        var created = await new InviteService(c.Db, time, inviteOptions).CreateAsync(unit.Id, role, Actor(c).Name, ct);
        return new Reply(ReplyTexts.Invite(unit.Name, ReplyTexts.RoleName(role.ToString()), created.Code,
            policy.LocalDate(created.Invite.ExpiresAt), links.On("telegram", created.Code), links.On("zalo", created.Code)));
    }

    private async Task<Reply> DraftBroadcastAsync(Context c, Intent intent, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(intent.Text))
        {
            return new Reply(ReplyTexts.BroadcastUsage);
        }

        if (intent.Text.Length > MaxBroadcastLength)
        {
            return new Reply(ReplyTexts.BroadcastTooLong(intent.Text.Length, MaxBroadcastLength));
        }

        var directory = plans.Directory;
        var group = intent.Group is { } written ? directory?.FindGroupAsWritten(written) : null;
        if (intent.Group is not null && group is null)
        {
            return new Reply(ReplyTexts.BroadcastGroupNotFound(intent.Group, directory?.Groups.Select(g => g.Name) ?? []));
        }

        var names = group is null || group.IncludesAll
            ? directory?.Units.Select(u => u.Name).ToList() ?? []
            : directory!.MembersOf(group).Select(u => u.Name).ToList();
        var unitIds = await c.Db.Units.Where(u => u.InDirectory && names.Contains(u.Name)).Select(u => u.Id).ToListAsync(ct);
        var preview = await new BroadcastService(c.Db, time).DraftAsync(c.Chat.Id, Actor(c).Name, intent.Text,
            group is { IncludesAll: false } ? group.Id : null, unitIds, ct);
        var audience = group is { IncludesAll: false } ? InSentence(group.Name) : "tất cả đơn vị";
        return new Reply(ReplyTexts.BroadcastPreview(intent.Text, audience, preview.Chats, preview.Units))
        {
            Buttons = preview.Chats == 0 ? [] :
            [
                new ChatButton("📣 Gửi", string.Create(CultureInfo.InvariantCulture, $"GUI {preview.BroadcastId}")),
                new ChatButton("Hủy", string.Create(CultureInfo.InvariantCulture, $"HUYGUI {preview.BroadcastId}")),
            ],
        };
    }

    private async Task<Reply> DecideBroadcastAsync(Context c, bool cancel, long id, CancellationToken ct)
    {
        if (c.Chat.Role != ChatRole.Office && !c.Unit.IsOffice)
        {
            return new Reply(ReplyTexts.OfficeOnly);
        }

        var service = new BroadcastService(c.Db, time);
        var step = cancel ? await service.CancelAsync(id, c.Chat.Id, ct) : await service.ConfirmAsync(id, c.Chat.Id, ct);
        if (step == BroadcastStep.Confirmed)
        {
            signal.Notify();
            var chats = await c.Db.Deliveries.CountAsync(d => d.BroadcastId == id, ct);
            return new Reply(ReplyTexts.BroadcastConfirmed(chats));
        }

        return new Reply(step switch
        {
            BroadcastStep.Cancelled => ReplyTexts.BroadcastCancelled,
            BroadcastStep.AlreadyConfirmed => ReplyTexts.BroadcastAlreadyConfirmed,
            BroadcastStep.NotYours => ReplyTexts.BroadcastNotYours,
            _ => ReplyTexts.BroadcastNotFound,
        });
    }

    private static async Task<Reply> MembersAsync(Context c, CancellationToken ct)
    {
        var units = await c.Db.Units.Where(u => u.InDirectory).OrderBy(u => u.Name).ToListAsync(ct);
        var chats = await c.Db.Chats.Where(x => x.UnitId != null && x.Channel != "console").ToListAsync(ct);
        var lines = units.Select(u => (u.Name, (IReadOnlyList<string>)chats.Where(x => x.UnitId == u.Id)
                .Select(x => $"{ChannelName(x.Channel)} — {x.DisplayName ?? x.Address} ({ReplyTexts.RoleName(x.Role.ToString())}){(x.Active ? string.Empty : ", đã ngừng")}")
                .ToList()))
            .ToList();
        return new Reply(ReplyTexts.Members(lines));
    }

    /// <param name="fileId">An attached file; forwarded to office chats on the same messenger (a file id means nothing elsewhere).</param>
    private async Task NotifyOfficeAsync(Context c, string text, string? fileId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var office = await c.Db.OfficeChats().Where(x => x.Id != c.Chat.Id).ToListAsync(ct);
        var key = Guid.NewGuid().ToString("N");
        foreach (var o in office)
        {
            var notice = Delivery.Pending($"notice:{key}>{o.Id}", "notice", o.Id, text, now);
            notice.Attachment = o.Channel == c.Message.Channel ? fileId : null;
            c.Db.Deliveries.Add(notice);
        }

        await c.Db.SaveChangesAsync(ct);
        signal.Notify();
    }

    /// <summary>The items of a plan year (or every loaded year), each with the writer's unit's status.</summary>
    private static List<ItemLine> Items(Context c, int? year, Func<PlanTarget, bool> filter) =>
        c.Snapshot.Targets.Where(t => year == null || t.Plan.Year == year).Where(filter)
            .OrderBy(t => t.Due).ThenBy(t => t.Kind).ThenBy(t => t.Number.Length).ThenBy(t => t.Number, StringComparer.Ordinal)
            .Select(t => new ItemLine(Subject(t), c.UnitObligations.GetValueOrDefault(t.Id) is { } o ? Status(o) : ItemStatus.NotOwed))
            .ToList();

    private static int? CurrentYear(Context c) =>
        c.Snapshot.Years.Contains(c.Today.Year) ? c.Today.Year : c.Snapshot.Years.Count > 0 ? c.Snapshot.Years.Max() : null;

    /// <summary>What the writer's unit still has to do (pending, or returned by the office), soonest first.</summary>
    private static List<Obligation> Owed(Context c) =>
        c.UnitObligations.Values
            .Where(o => o.Status is ObligationStatus.Pending or ObligationStatus.Returned)
            .OrderBy(o => o.Target.Due).ThenBy(o => o.Target.Id)
            .ToList();

    /// <summary>The writer's unit's obligation for item <paramref name="number"/>, this year's plan first, then the latest.</summary>
    private static Obligation? ObligationFor(Context c, string number) =>
        c.UnitObligations.Values
            .Where(o => o.Target.Number == number)
            .OrderByDescending(o => o.Target.Plan.Year == c.Today.Year).ThenByDescending(o => o.Target.Plan.Year)
            .FirstOrDefault();

    private async Task<UnitRecord?> FindUnitAsync(Context c, string written, CancellationToken ct)
    {
        var name = plans.Directory?.FindUnit(written)?.Name;

        return name is null ? null : await c.Db.Units.SingleOrDefaultAsync(u => u.Name == name, ct);
    }

    /// <summary>Owed items whose content shares the hint's words ("kế hoạch" finds the plan deadline).</summary>
    private static List<Obligation> Matching(List<Obligation> owed, string hint)
    {
        var words = VietnameseText.Fold(hint).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1).ToList();
        if (words.Count == 0)
        {
            return owed;
        }

        var scored = owed.Select(o => (o, Score: words.Count(w => VietnameseText.Fold(o.Target.Content).Contains(w, StringComparison.Ordinal)))).ToList();
        var best = scored.Max(x => x.Score);
        return best == 0 ? [] : scored.Where(x => x.Score == best).Select(x => x.o).ToList();
    }

    private static IReadOnlyList<ChatButton> ConfirmButtons(IEnumerable<Obligation> owed) =>
        owed.Take(MaxChoices).Select(o => new ChatButton($"✅ Đã nộp {o.Target.Number}", $"NOP {o.Target.Number}")).ToList();

    private static string ChoiceCommand(IntentKind kind) => ConversationCommands.All.FirstOrDefault(x => x.Kind == kind) is { } cmd ? "/" + cmd.Command : "/help";

    private static (int Year, int Index) Shift(int year, int index, int perYear)
    {
        var zeroBased = index - 1;
        var y = year + (int)Math.Floor(zeroBased / (double)perYear);
        return (y, ((zeroBased % perYear) + perYear) % perYear + 1);
    }

    private ObligationService Service(Context c) => new(c.Db, time, policy.Settings.TimeZone);

    private static Actor Actor(Context c) =>
        new($"{ChannelName(c.Chat.Channel)} {c.Message.SenderName ?? c.Chat.DisplayName ?? c.Chat.Address} ({c.Unit.Name})", c.Unit.Id, c.Chat.Role);

    private static ReminderSubject Subject(PlanTarget t) =>
        new(t.Kind == TargetKind.Deadline ? ReminderSubject.DeadlineKind : ReminderSubject.TaskKind, t.Number, t.Content, t.Due);

    private static ItemStatus Status(Obligation o) => o.Status switch
    {
        ObligationStatus.Submitted => ItemStatus.Submitted,
        ObligationStatus.Accepted => ItemStatus.Accepted,
        ObligationStatus.Returned => ItemStatus.Returned,
        _ => ItemStatus.Pending,
    };

    // "Các đơn vị sự nghiệp…" reads "các đơn vị sự nghiệp…" mid-sentence; proper names ("Mặt trận Tổ quốc…") keep their capitals.
    private static string InSentence(string name) =>
        name.StartsWith("Các ", StringComparison.Ordinal) || name.StartsWith("Tất cả ", StringComparison.Ordinal) ? char.ToLowerInvariant(name[0]) + name[1..] : name;

    private static string ChannelName(string channel) => channel switch
    {
        "telegram" => "Telegram",
        "zalo" => "Zalo",
        _ => "Máy tính",
    };

    private sealed record Context(StoreLease Lease, StoreSnapshot Snapshot, IReadOnlyDictionary<long, Obligation> UnitObligations, Chat Chat, UnitRecord Unit, DateOnly Today, IncomingMessage Message)
    {
        public TdktDbContext Db => Lease.Db;
    }

    /// <summary>A context from the pool, taken the first time a message needs one and given back when it is answered.</summary>
    private sealed class StoreLease(IDbContextFactory<TdktDbContext> factory) : IAsyncDisposable
    {
        private TdktDbContext? _db;

        public TdktDbContext Db => _db ??= factory.CreateDbContext();

        public ValueTask DisposeAsync() => _db?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    // [0-9], not \d: \d also matches other scripts' digits ("GUI ١٢"), which long.Parse refuses.
    [GeneratedRegex(@"^/?(HUY)?\s*GUI\s+([0-9]{1,18})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BroadcastDecision();

    [LoggerMessage(Level = LogLevel.Error, Message = "Lỗi khi xử lý tin nhắn ({Channel}, chat {ChatId}).")]
    private static partial void LogFailed(ILogger logger, Exception ex, string channel, long chatId);
}
