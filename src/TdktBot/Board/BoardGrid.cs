using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Reminders;
using TdktBot.Core.Reports;
using TdktBot.Core.Text;
using TdktBot.Core.Units;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Reports;

namespace TdktBot.Board;

/// <summary>What the grid shows: a quarter (null: the whole year), a group's units (null: all), only what is overdue.</summary>
public sealed record BoardFilter(int? Quarter, string? Group, bool LateOnly);

/// <summary>A cell's state: the report's four, or the item is not the unit's.</summary>
public enum CellState
{
    NotOwed,
    DoneOnTime,
    DoneLate,
    OpenInTime,
    OpenOverdue,
}

/// <summary>One unit × item: its state, the office's last review (accepted, returned), and working days late.</summary>
public sealed record BoardCell(CellState State, ReviewKind? Review, int WorkingDaysLate)
{
    /// <summary>A report row as a cell: its state, and the office's review while it still holds.</summary>
    public static BoardCell Of(ProgressRow row)
    {
        var state = row.State switch
        {
            ProgressState.DoneOnTime => CellState.DoneOnTime,
            ProgressState.DoneLate => CellState.DoneLate,
            ProgressState.OpenInTime => CellState.OpenInTime,
            _ => CellState.OpenOverdue,
        };

        // An acceptance counts while the submission stands; a return, while the unit has not sent it again.
        var review = row.Standing.Review?.Kind switch
        {
            ReviewKind.Accepted when row.Standing.Done => ReviewKind.Accepted,
            ReviewKind.Returned when !row.Standing.Done => ReviewKind.Returned,
            _ => (ReviewKind?)null,
        };
        return new BoardCell(state, review, row.WorkingDaysLate);
    }
}

public sealed record BoardColumn(string Number, bool IsDeadline, string Content, DateOnly Due)
{
    public string Label => IsDeadline ? Number : $"NV {Number}";
}

public sealed record BoardRow(long UnitId, string Unit, IReadOnlyList<BoardCell> Cells);

/// <summary>The grid for one viewer and filter, with each state's count over the cells shown.</summary>
public sealed record BoardGridModel(int Year, DateOnly AsOf, BoardFilter Filter, IReadOnlyList<BoardColumn> Columns, IReadOnlyList<BoardRow> Rows)
{
    public int Count(CellState state) => Rows.Sum(r => r.Cells.Count(c => c.State == state));

    public int Count(ReviewKind review) => Rows.Sum(r => r.Cells.Count(c => c.Review == review));
}

/// <summary>
/// Builds the board's grid from the same reading of the store as the Excel report (<see cref="ReportService"/>, Core's
/// <see cref="Progress"/>), so the board and the report never disagree: a row per unit the viewer may see (the office
/// every unit, a head their own), a column per task or deadline of the quarter or year.
/// </summary>
public sealed class BoardGrid(TdktDbContext db, ReminderPolicy policy, TimeProvider time)
{
    public async Task<(BoardGridModel? Grid, string? Problem)> BuildAsync(BoardViewer viewer, BoardFilter filter, UnitDirectory? directory, CancellationToken ct)
    {
        var (report, problem) = await new ReportService(db, policy, time).BuildAsync(new ReportScope(filter.Quarter, null), directory?.Commune, ct);
        if (report is null)
        {
            return (null, problem);
        }

        var group = filter.Group is { Length: > 0 } id ? directory?.FindGroup(id) : null;
        var units = (await db.Units.AsNoTracking().Where(u => u.InDirectory).ToListAsync(ct))
            .Where(u => viewer.SeesAllUnits || u.Id == viewer.UnitId)
            .Where(u => group is null || group.IncludesAll || u.Groups.Split(',').Contains(group.Id, StringComparer.OrdinalIgnoreCase))
            .OrderBy(u => u.Name, VietnameseOrder.Names)
            .ToList();
        var rows = report.Rows.ToLookup(r => r.Standing.Unit, StringComparer.Ordinal);
        var columns = report.Rows.Select(r => r.Standing).DistinctBy(s => s.Number)
            .OrderBy(s => s.IsDeadline ? 0 : 1).ThenBy(s => s.Number.Length).ThenBy(s => s.Number, StringComparer.Ordinal)
            .Select(s => new BoardColumn(s.Number, s.IsDeadline, s.Content, s.Due))
            .ToList();

        var grid = units.Select(u =>
        {
            var mine = rows[u.Name].ToDictionary(r => r.Standing.Number, StringComparer.Ordinal);
            return new BoardRow(u.Id, u.Name, [.. columns.Select(c => mine.TryGetValue(c.Number, out var row) ? BoardCell.Of(row) : new BoardCell(CellState.NotOwed, null, 0))]);
        }).ToList();

        if (filter.LateOnly)
        {
            var late = Enumerable.Range(0, columns.Count).Where(i => grid.Any(r => r.Cells[i].State == CellState.OpenOverdue)).ToList();
            columns = [.. late.Select(i => columns[i])];
            grid = [.. grid.Where(r => r.Cells.Any(c => c.State == CellState.OpenOverdue)).Select(r => r with { Cells = [.. late.Select(i => r.Cells[i])] })];
        }

        return (new BoardGridModel(report.Year, report.AsOf, filter, columns, grid), null);
    }
}
