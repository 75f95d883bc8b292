using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Reminders;
using TdktBot.Core.Reports;
using TdktBot.Data;
using TdktBot.Reports;

namespace TdktBot.Board;

/// <summary>One step in a unit's history: a confirmation, its withdrawal, the office's acceptance or return.</summary>
public sealed record HistoryStep(DateTimeOffset At, string What, string Item, string By, string? Note);

/// <summary>A file the unit sent, as the archive registered it.</summary>
public sealed record UnitFile(long Id, string Item, DateTimeOffset At, bool Late, string Name, long Size);

/// <summary>A unit's page: its items in the year with their states, its history, and the files it sent.</summary>
public sealed record BoardUnitModel(long Id, string Unit, int Year, DateOnly AsOf, IReadOnlyList<ProgressRow> Items, IReadOnlyList<HistoryStep> History,
    IReadOnlyList<UnitFile> Files);

/// <summary>Reads one unit's page from the store, with the report's reading of where it stands.</summary>
public sealed class BoardUnit(TdktDbContext db, ReminderPolicy policy, TimeProvider time)
{
    private static readonly Dictionary<string, string> Steps = new(StringComparer.Ordinal)
    {
        ["obligation.confirm"] = "Xác nhận đã nộp",
        ["obligation.undo"] = "Hủy xác nhận",
        ["obligation.accept"] = "Văn phòng tiếp nhận",
        ["obligation.return"] = "Văn phòng trả lại",
    };

    /// <summary>The page of unit <paramref name="unitId"/>, null when there is no such unit (or no plan yet: <paramref name="problem"/>).</summary>
    public async Task<(BoardUnitModel? Unit, string? Problem)> BuildAsync(long unitId, string? commune, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null)
        {
            return (null, null);
        }

        var (report, problem) = await new ReportService(db, policy, time).BuildAsync(ReportScope.Year, commune, ct);
        if (report is null)
        {
            return (null, problem);
        }

        var items = report.Rows.Where(r => r.Standing.Unit == unit.Name).ToList();
        var obligations = await db.Obligations.AsNoTracking().Where(o => o.UnitId == unitId && o.Target.Plan.Year == report.Year)
            .Select(o => new { o.Id, o.Target.Number, o.Target.Kind }).ToListAsync(ct);
        var subjects = obligations.ToDictionary(o => $"obligation:{o.Id}", o => o.Kind == Data.Entities.TargetKind.Deadline ? o.Number : $"NV {o.Number}", StringComparer.Ordinal);
        var history = (await db.Audit.AsNoTracking().Where(a => a.Subject.StartsWith("obligation:") && a.Action.StartsWith("obligation.")).OrderByDescending(a => a.Id)
                .ToListAsync(ct))
            .Where(a => subjects.ContainsKey(a.Subject) && Steps.ContainsKey(a.Action))
            .Select(a => new HistoryStep(a.At, Steps[a.Action], subjects[a.Subject], a.Actor, Note(a.Details)))
            .ToList();
        var files = await db.ArchivedFiles.AsNoTracking().Where(f => f.UnitId == unitId && f.Target.Plan.Year == report.Year).OrderByDescending(f => f.Id)
            .Select(f => new { f.Id, f.Target.Number, f.Target.Kind, f.ReceivedAt, f.Late, f.Path, f.Size }).ToListAsync(ct);
        return (new BoardUnitModel(unit.Id, unit.Name, report.Year, report.AsOf, items, history,
            [.. files.Select(f => new UnitFile(f.Id, f.Kind == Data.Entities.TargetKind.Deadline ? f.Number : $"NV {f.Number}", f.ReceivedAt, f.Late, f.Path.Split('/')[^1], f.Size))]), null);
    }

    // The audit's details are "<unit> · <item>: <from> → <to>" and then " · <note or reason>" when there was one.
    private static string? Note(string? details) =>
        details?.Split(" · ") is { Length: > 2 } parts ? string.Join(" · ", parts[2..]) : null;
}
