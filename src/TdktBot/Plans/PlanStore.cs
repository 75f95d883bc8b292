using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Core.Units;
using TdktBot.Core.Conversations;
using TdktBot.Invites;
using TdktBot.Outbox;

namespace TdktBot.Plans;

/// <summary>
/// The outcome of loading the plan files into the store, in words for a log line or the console; <paramref name="Years"/>
/// are the plan years in the store after it.
/// </summary>
public sealed record PlanLoadOutcome(bool Loaded, IReadOnlyList<string> Messages, IReadOnlyList<int>? Years = null)
{
    /// <summary>The files read well but would drop too much of a plan (<see cref="PlanShrink"/>): nothing was written.</summary>
    public bool Held { get; init; }
}

/// <summary>Loads the configured plan files and unit directory into the store; shared by the worker and <c>plan reload</c>.</summary>
public sealed class PlanStore(IDbContextFactory<TdktDbContext> dbFactory, IOptions<PlanOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // The reloads held last time, by year; replaced whole under the gate, read without it.
    private IReadOnlyDictionary<int, PlanShrink> _held = new Dictionary<int, PlanShrink>();

    public void Dispose() => _gate.Dispose();

    /// <summary>The unit directory of the last successful load: the conversation matches unit and group names with it.</summary>
    public UnitDirectory? Directory { get; private set; }

    /// <summary>Whether the last reload was held because it would drop too much; <see cref="LoadAsync(bool, CancellationToken)"/> with acceptance applies it.</summary>
    public bool HasHeld => _held.Count > 0;

    /// <summary>
    /// Reads every plan file and the unit directory and brings the store in line with them (idempotent: statuses survive).
    /// </summary>
    public Task<PlanLoadOutcome> LoadAsync(CancellationToken ct) => LoadAsync(acceptShrink: false, ct);

    /// <summary>
    /// As <see cref="LoadAsync(CancellationToken)"/>, but a load that would drop more than a third of a plan's items, or every
    /// task of a quarter, is held unless <paramref name="acceptShrink"/>: nothing is written and the office is told.
    /// </summary>
    public async Task<PlanLoadOutcome> LoadAsync(bool acceptShrink, CancellationToken ct)
    {
        var loaded = PlanLoader.Load(options.Value);
        if (loaded.HasErrors)
        {
            return new PlanLoadOutcome(false,
                [.. loaded.Errors, "Chưa nạp lại kế hoạch: bot tiếp tục dùng lịch đã nạp trước đó. Hãy sửa các lỗi trên rồi lưu lại tệp."]);
        }

        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);

            // Instances sharing a PostgreSQL store reload the same saved file together: one at a time, the later finds it done.
            await using var exclusive = await db.BeginExclusiveAsync("plan", ct);
            var shrinks = new Dictionary<int, PlanShrink>();
            foreach (var plan in loaded.Plans)
            {
                shrinks[plan.Plan.Year] = await PlanShrink.MeasureAsync(db, plan.Plan, Path.GetFileName(plan.File), ct);
            }

            var tooMuch = shrinks.Values.Where(s => s.TooMuch).ToList();
            if (tooMuch.Count > 0 && !acceptShrink)
            {
                await NotifyOfficeAsync(db, tooMuch, ct);
                await exclusive.CommitAsync(ct);
                _held = tooMuch.ToDictionary(s => s.Year);

                // The store keeps its units; a process that had none loaded yet still needs the directory to match names.
                Directory ??= loaded.Directory;
                return new PlanLoadOutcome(false, tooMuch.Select(s => s.HeldMessage).ToList()) { Held = true };
            }

            Directory = loaded.Directory;
            var messages = new List<string>();
            foreach (var plan in loaded.Plans)
            {
                var shrink = shrinks[plan.Plan.Year];
                if (shrink.TooMuch)
                {
                    messages.Add(shrink.AppliedMessage);
                }

                var result = await new PlanSync(db).LoadAsync(plan.Plan, loaded.Directory!, Path.GetFileName(plan.File), time.GetUtcNow(), ct);
                messages.Add(result.ChangedAnything ? result.Summary : $"Kế hoạch năm {plan.Plan.Year}: không có gì thay đổi.");

                // Held against the same store state and now not too much: the file was put right, the held change is gone.
                if (!shrink.TooMuch && _held.TryGetValue(plan.Plan.Year, out var held) && held.LoadedAt == shrink.LoadedAt)
                {
                    messages.Add(held.DroppedMessage);
                }
            }

            _held = new Dictionary<int, PlanShrink>();
            var years = loaded.Plans.Select(p => p.Plan.Year).ToList();
            var retired = await new PlanSync(db).RetireOtherYearsAsync(years, time.GetUtcNow(), ct);
            await exclusive.CommitAsync(ct);
            messages.AddRange(retired.Select(year => $"Kế hoạch năm {year} không còn trong cấu hình Plan: bot ngừng nhắc các việc của năm đó."));

            return new PlanLoadOutcome(true, messages, years);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The console chat of one unit, for <c>chat --as</c> and the interactive terminal: found by any name the
    /// directory understands, created if missing, with the role asked for (the office's role for the office).
    /// </summary>
    public async Task<Chat?> EnsureConsoleChatAsync(string unitName, ChatRole? role, CancellationToken ct)
    {
        var name = Directory?.FindUnit(unitName)?.Name;

        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var unit = name is null ? null : await db.Units.SingleOrDefaultAsync(u => u.Name == name, ct);
        if (unit is null)
        {
            return null;
        }

        var chat = await db.Chats.SingleOrDefaultAsync(c => c.Channel == Messenger.Console && c.Address == unit.Name, ct);
        if (chat is null)
        {
            chat = new Chat { Channel = Messenger.Console, Address = unit.Name, DisplayName = unit.Name, CreatedAt = time.GetUtcNow() };
            db.Chats.Add(chat);
        }

        chat.UnitId = unit.Id;
        chat.Active = true;

        // The terminal is one person, its chat, with the role it was given.
        await MemberRoles.GrantAsync(db, chat.Channel, chat.Address, unit.Id, role ?? (unit.IsOffice ? ChatRole.Office : ChatRole.Head),
            chat.DisplayName, null, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return chat;
    }

    /// <summary>
    /// With no messenger configured, every unit has a local console chat, so reminders show in the terminal
    /// exactly as a unit would receive them. With a messenger, the console chats rest: people get their
    /// reminders there instead, not twice.
    /// </summary>
    public async Task EnsureConsoleChatsAsync(bool messengerConfigured, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (messengerConfigured)
        {
            await db.Chats.Where(c => c.Channel == Messenger.Console && c.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false).SetProperty(c => c.InactiveReason, "Đã cấu hình Telegram/Zalo"), ct);
            await db.MarkChangedAsync(ct);
            return;
        }

        await db.Chats.Where(c => c.Channel == Messenger.Console && !c.Active).ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, true).SetProperty(c => c.InactiveReason, (string?)null), ct);
        await db.MarkChangedAsync(ct);
        var existing = await db.Chats.Where(c => c.Channel == Messenger.Console).Select(c => c.Address).ToListAsync(ct);
        var missing = await db.Units.Where(u => u.InDirectory && !existing.Contains(u.Name)).ToListAsync(ct);
        foreach (var unit in missing)
        {
            db.Chats.Add(new Chat
            {
                Channel = Messenger.Console,
                Address = unit.Name,
                DisplayName = unit.Name,
                UnitId = unit.Id,
                CreatedAt = time.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task NotifyOfficeAsync(TdktDbContext db, IReadOnlyList<PlanShrink> held, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var offices = await db.OfficeChats().Select(c => c.Id).ToListAsync(ct);
        var button = DeliveryButtons.Format([new ChatButton("Áp dụng", DeliveryTexts.ApplyPlanCommand)]);
        foreach (var shrink in held)
        {
            var keys = offices.Select(id => (Key: shrink.NoticeKey(id), ChatId: id)).ToList();
            var wanted = keys.Select(k => k.Key).ToList();
            var told = await db.Deliveries.Where(d => wanted.Contains(d.Key)).Select(d => d.Key).ToListAsync(ct);
            foreach (var (key, chatId) in keys.Where(k => !told.Contains(k.Key)))
            {
                var notice = Delivery.Pending(key, "notice", chatId, DeliveryTexts.PlanHeld(shrink.Year, shrink.Counts), now);
                notice.Buttons = button;
                db.Deliveries.Add(notice);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
