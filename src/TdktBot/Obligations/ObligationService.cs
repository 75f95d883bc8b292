using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Data;

namespace TdktBot.Obligations;

/// <summary>Who asks for a change: a person in a linked chat, the local console, the command line or the bot itself.</summary>
/// <param name="Name">How the audit trail names them ("Telegram Cô Lan (Trường THCS Hoa Thám)").</param>
/// <param name="UnitId">The unit they speak for, if any.</param>
/// <param name="Role">Their role there, which <see cref="AccessPolicy"/> checks.</param>
public sealed record Actor(string Name, long? UnitId, Role Role)
{
    /// <summary>The person's messenger id with the messenger ("telegram:123456"), kept in the audit trail; null when no person acts.</summary>
    public string? Id { get; init; }

    /// <summary>Stops a service from doing <paramref name="act"/> for someone the access policy does not let; callers check first.</summary>
    /// <exception cref="UnauthorizedAccessException">The policy does not allow it.</exception>
    public void Demand(Act act)
    {
        if (!AccessPolicy.Allows(Role, act))
        {
            throw new UnauthorizedAccessException(ReplyTexts.NotAllowed(Role, act));
        }
    }
}

/// <summary>The outcome of a status change: done, or refused with a reason the person can act on.</summary>
public sealed record StatusChange(bool Done, string Message, Obligation? Obligation);

/// <summary>
/// The only way an obligation's status changes. It guards the transitions (a submission cannot be
/// confirmed twice; an accepted one cannot silently go back) and who may make them (<see cref="AccessPolicy"/>, and
/// a unit's own submissions only by that unit), and records each change in the audit trail.
/// </summary>
public sealed class ObligationService(TdktDbContext db, TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The unit says it has submitted (đã nộp).</summary>
    /// <param name="at">When the message was handled; every item one message confirms is stamped with it, so an undo of
    /// "the last confirmation" can tell which went together. Now when null.</param>
    public async Task<StatusChange> ConfirmAsync(long obligationId, Actor actor, string? note = null, DateTimeOffset? at = null, CancellationToken ct = default)
    {
        if (await LoadAsync(obligationId, ct) is not { } o)
        {
            return Refused(StatusTexts.NotFound);
        }

        return RefuseConfirm(o, actor, zone)
            ?? await ChangeAsync(o, ObligationStatus.Submitted, actor, "obligation.confirm", note, StatusTexts.Confirmed(Subject(o)), ct, at);
    }

    /// <summary>
    /// Why <see cref="ConfirmAsync"/> would refuse <paramref name="o"/> (read with its target; its unit is needed
    /// only when the actor speaks for another), or null when it would record the confirmation. Reads nothing, so a
    /// caller holding a current copy of the obligation can answer a repeated "đã nộp" without the store.
    /// </summary>
    public static StatusChange? RefuseConfirm(Obligation o, Actor actor, TimeZoneInfo zone) =>
        RefuseActor(o, actor, Act.Confirm, ownUnitOnly: true) ?? o switch
        {
            { Active: false } or { Target.InPlan: false } => Refused(StatusTexts.NoLongerOwed(Subject(o))),
            { Status: ObligationStatus.Submitted } => Refused(StatusTexts.AlreadySubmitted(Subject(o), LocalDate(o.StatusChangedAt, zone))),
            { Status: ObligationStatus.Accepted } => Refused(StatusTexts.AlreadyAccepted(Subject(o))),
            _ => null,
        };

    /// <summary>Takes back a confirmation made by mistake, on the same day and before the office accepts it.</summary>
    public async Task<StatusChange> UndoAsync(long obligationId, Actor actor, CancellationToken ct = default)
    {
        if (await LoadAsync(obligationId, ct) is not { } o)
        {
            return Refused(StatusTexts.NotFound);
        }

        var refusal = RefuseActor(o, actor, Act.Undo, ownUnitOnly: true) ?? o.Status switch
        {
            ObligationStatus.Accepted => Refused(StatusTexts.AlreadyAccepted(Subject(o))),
            not ObligationStatus.Submitted => Refused(StatusTexts.NothingToUndo(Subject(o))),
            _ when LocalDate(o.StatusChangedAt, zone) != LocalDate(time.GetUtcNow(), zone) => Refused(StatusTexts.UndoOnlySameDay(Subject(o))),
            _ => null,
        };
        return refusal ?? await ChangeAsync(o, ObligationStatus.Pending, actor, "obligation.undo", null, StatusTexts.Undone(Subject(o)), ct);
    }

    /// <summary>The office accepts a submission (tiếp nhận); from then on it is final.</summary>
    public Task<StatusChange> AcceptAsync(long obligationId, Actor actor, CancellationToken ct = default) =>
        ReviewAsync(obligationId, actor, Act.Accept, ObligationStatus.Accepted, "obligation.accept", null, StatusTexts.Accepted, ct);

    /// <summary>The office sends a submission back (trả lại) with a reason; the unit owes it again.</summary>
    public Task<StatusChange> ReturnAsync(long obligationId, Actor actor, string? reason, CancellationToken ct = default) =>
        ReviewAsync(obligationId, actor, Act.Return, ObligationStatus.Returned, "obligation.return", reason, StatusTexts.Returned, ct);

    // Accepting and returning are the office's review of a submission: same guards, different outcome.
    private async Task<StatusChange> ReviewAsync(long obligationId, Actor actor, Act act, ObligationStatus to, string action, string? note,
        Func<string, string, string> done, CancellationToken ct)
    {
        if (await LoadAsync(obligationId, ct) is not { } o)
        {
            return Refused(StatusTexts.NotFound);
        }

        return RefuseActor(o, actor, act, ownUnitOnly: false)
            ?? (o.Status == ObligationStatus.Submitted
                ? await ChangeAsync(o, to, actor, action, note, done(Subject(o), o.Unit.Name), ct)
                : Refused(StatusTexts.NotSubmitted(Subject(o), o.Unit.Name)));
    }

    private async Task<StatusChange> ChangeAsync(Obligation o, ObligationStatus to, Actor actor, string action, string? note, string message, CancellationToken ct, DateTimeOffset? at = null)
    {
        var now = at ?? time.GetUtcNow();
        var from = o.Status;

        // The status in the WHERE clause makes two people acting at once safe: only one update wins.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Obligations
            .Where(x => x.Id == o.Id && x.Status == from)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, to)
                .SetProperty(x => x.StatusChangedAt, now)
                .SetProperty(x => x.StatusChangedBy, actor.Name)
                .SetProperty(x => x.Note, note), ct);
        if (changed == 0)
        {
            return Refused(StatusTexts.ChangedMeanwhile);
        }

        await db.MarkChangedAsync(ct);
        db.Audit.Record(now, actor, action, $"obligation:{o.Id}",
            $"{o.Unit.Name} · {Subject(o)}: {from} → {to}" + (string.IsNullOrWhiteSpace(note) ? string.Empty : $" · {note}"));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        await db.Entry(o).ReloadAsync(ct);
        return new StatusChange(true, message, o);
    }

    private Task<Obligation?> LoadAsync(long id, CancellationToken ct) =>
        db.Obligations.Include(o => o.Unit).Include(o => o.Target).SingleOrDefaultAsync(o => o.Id == id, ct);

    // The access policy decides who may act; a unit's own acts (confirming, taking back) are for that unit alone.
    private static StatusChange? RefuseActor(Obligation o, Actor actor, Act act, bool ownUnitOnly) =>
        !AccessPolicy.Allows(actor.Role, act) ? Refused(ReplyTexts.NotAllowed(actor.Role, act))
        : ownUnitOnly && actor.UnitId != o.UnitId ? Refused(StatusTexts.NotYourUnit(o.Unit.Name))
        : null;

    private static DateOnly? LocalDate(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } i ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i, zone).DateTime) : null;

    private static string Subject(Obligation o) => StatusTexts.Subject(o.Target.ToSubject());

    private static StatusChange Refused(string message) => new(false, message, null);
}
