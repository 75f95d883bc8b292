using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Reminders;
using TdktBot.Core.Reports;
using TdktBot.Core.Text;
using TdktBot.Data;
using TdktBot.Data.Entities;

namespace TdktBot.Reports;

/// <summary>What a report covers: a quarter, one item, or the whole year (both null).</summary>
public sealed record ReportScope(int? Quarter, string? Item)
{
    public static readonly ReportScope Year = new(null, null);

    /// <summary>How the report's title says it.</summary>
    public string Label => Item is not null ? $"mục {Item}" : Quarter is { } q ? $"quý {q}" : "cả năm";
}

/// <summary>The report's contents: the plan's year, the commune, the day it stands on, and one row per unit × item.</summary>
public sealed record ProgressReport(int Year, string? Commune, DateOnly AsOf, ReportScope Scope, IReadOnlyList<ProgressRow> Rows)
{
    public IReadOnlyList<UnitProgress> Units => Progress.ByUnit(Rows);
}

/// <summary>
/// Reads where every unit stands from the store: the plan of the year (the current one, else the latest loaded), the
/// obligations it still holds, and from the audit trail each one's latest confirmation and the office's latest review.
/// Units in Vietnamese alphabetical order, then items in plan order (deadlines first, then tasks by number).
/// </summary>
public sealed class ReportService(TdktDbContext db, ReminderPolicy policy, TimeProvider time)
{
    private const string Confirm = "obligation.confirm";
    private const string Accept = "obligation.accept";
    private const string Return = "obligation.return";

    /// <summary>The report for <paramref name="scope"/>, or why there is none (no plan, an unknown item or quarter) in Vietnamese.</summary>
    public async Task<(ProgressReport? Report, string? Problem)> BuildAsync(ReportScope scope, string? commune, CancellationToken ct = default)
    {
        if (scope.Quarter is < 1 or > 4)
        {
            return (null, $"Không có quý {scope.Quarter}: chỉ có quý 1 đến quý 4.");
        }

        var zone = policy.Settings.TimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        if (await PlanYearAsync(db, today, ct) is not { } year)
        {
            return (null, NoPlan + " rồi lập báo cáo.");
        }

        var obligations = await db.Obligations.AsNoTracking()
            .Include(o => o.Target).Include(o => o.Unit)
            .Where(o => o.Active && o.Target.InPlan && o.Target.Plan.Year == year)
            .ToListAsync(ct);
        if (scope.Item is { } item && !obligations.Any(o => string.Equals(o.Target.Number, item, StringComparison.OrdinalIgnoreCase)))
        {
            var numbers = obligations.Select(o => o.Target).DistinctBy(t => t.Id).OrderBy(t => t.Kind == TargetKind.Deadline ? 0 : 1).ThenBy(t => t.Number.Length).ThenBy(t => t.Number, StringComparer.Ordinal)
                .Select(t => t.Number);
            return (null, $"Kế hoạch năm {year} không có mục «{item}». Các mục: {string.Join(", ", numbers)}.");
        }

        obligations = [.. obligations.Where(o => InScope(o.Target, scope))];
        var subjects = obligations.Select(o => $"obligation:{o.Id}").ToHashSet(StringComparer.Ordinal);
        var history = (await db.Audit.AsNoTracking()
                .Where(a => (a.Action == Confirm || a.Action == Accept || a.Action == Return) && a.Subject.StartsWith("obligation:"))
                .OrderBy(a => a.Id)
                .ToListAsync(ct))
            .Where(a => subjects.Contains(a.Subject))
            .GroupBy(a => a.Subject)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var targets = obligations.Select(o => o.TargetId).Distinct().ToList();
        var files = (await db.ArchivedFiles.AsNoTracking().Where(f => targets.Contains(f.TargetId)).OrderBy(f => f.Id)
                .Select(f => new { f.TargetId, f.UnitId, f.Path }).ToListAsync(ct))
            .GroupBy(f => (f.TargetId, f.UnitId)).ToDictionary(g => g.Key, g => g.Last().Path);
        var standings = obligations
            .OrderBy(o => o.Unit.Name, VietnameseOrder.Names)
            .ThenBy(o => o.Target.Kind == TargetKind.Deadline ? 0 : 1)
            .ThenBy(o => o.Target.Number.Length).ThenBy(o => o.Target.Number, StringComparer.Ordinal)
            .Select(o => Standing(o, history.GetValueOrDefault($"obligation:{o.Id}") ?? []) with
            {
                File = files.GetValueOrDefault((o.TargetId, o.UnitId)),
            });
        return (new ProgressReport(year, commune, today, scope, Progress.Of(standings, today, policy.Calendar, zone)), null);
    }

    /// <summary>Said when the store holds no plan; the caller ends the sentence.</summary>
    public const string NoPlan = "Chưa có kế hoạch nào trong cơ sở dữ liệu: hãy nạp kế hoạch («plan reload»)";

    /// <summary>The plan a report or a register is about: the one of <paramref name="today"/>'s year, else the latest loaded; null when none is.</summary>
    public static async Task<int?> PlanYearAsync(TdktDbContext db, DateOnly today, CancellationToken ct)
    {
        var years = await db.Plans.Select(p => p.Year).ToListAsync(ct);
        return years.Count == 0 ? null : years.Contains(today.Year) ? today.Year : years.Max();
    }

    private static bool InScope(PlanTarget target, ReportScope scope) =>
        (scope.Item is null || string.Equals(target.Number, scope.Item, StringComparison.OrdinalIgnoreCase))
        && (scope.Quarter is null || (target.Quarter ?? ((target.Due.Month - 1) / 3) + 1) == scope.Quarter);

    private static Standing Standing(Obligation o, List<AuditEntry> history)
    {
        var confirmed = history.LastOrDefault(a => a.Action == Confirm);
        var reviewed = history.LastOrDefault(a => a.Action is Accept or Return && (confirmed is null || a.Id > confirmed.Id))
            ?? history.LastOrDefault(a => a.Action is Return);
        var review = reviewed is null ? null : new Review(
            reviewed.Action == Accept ? ReviewKind.Accepted : ReviewKind.Returned, reviewed.Actor, reviewed.At,
            reviewed.Action == Return ? Reason(reviewed.Details) : null);
        var done = o.Status is ObligationStatus.Submitted or ObligationStatus.Accepted;
        return new Standing(o.Unit.Name, o.Target.Number, o.Target.Kind == TargetKind.Deadline, o.Target.Content, o.Target.Due, done,
            confirmed?.At ?? (done ? o.StatusChangedAt : null), review, o.Status == ObligationStatus.Returned ? null : o.Note);
    }

    // The audit's details end with " · <reason>" when the office gave one.
    private static string? Reason(string? details) =>
        details?.Split(" · ") is { Length: > 2 } parts ? parts[^1] : null;
}
