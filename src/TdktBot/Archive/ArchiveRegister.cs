using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Text;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Reports;

namespace TdktBot.Archive;

/// <summary>One file in the register, as the office reads it.</summary>
public sealed record RegisteredFile(string Unit, string SentBy, DateTimeOffset ReceivedAt, bool Late, string? OriginalName, long Size, string Sha256, string Path);

/// <summary>What came in for one item of the plan, and which of the units it concerns have sent nothing.</summary>
public sealed record ItemFiles(int Year, string Number, bool IsDeadline, string Content, DateOnly Due, IReadOnlyList<RegisteredFile> Files, IReadOnlyList<string> Missing)
{
    /// <summary>"hạn nộp D1" or "nhiệm vụ số 3".</summary>
    public string Subject => IsDeadline ? $"hạn nộp {Number}" : $"nhiệm vụ số {Number}";
}

/// <summary>
/// Reads the archive's register for one item of the plan (the current year's, else the latest loaded): every file
/// registered for it, oldest first, and the units it concerns that have sent none, in Vietnamese alphabetical order.
/// </summary>
public sealed class ArchiveRegister(TdktDbContext db, TimeProvider time, TimeZoneInfo zone)
{
    /// <summary>The item's files, or why there are none to show (no plan, no such item) in Vietnamese.</summary>
    public async Task<(ItemFiles? Files, string? Problem)> ForItemAsync(string item, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        if (await ReportService.PlanYearAsync(db, today, ct) is not { } year)
        {
            return (null, ReportService.NoPlan + ".");
        }

        var targets = await db.Targets.AsNoTracking().Where(t => t.InPlan && t.Plan.Year == year).ToListAsync(ct);
        if (targets.FirstOrDefault(t => string.Equals(t.Number, item.Trim(), StringComparison.OrdinalIgnoreCase)) is not { } target)
        {
            var numbers = targets.OrderBy(t => t.Kind == TargetKind.Deadline ? 0 : 1).ThenBy(t => t.Number.Length).ThenBy(t => t.Number, StringComparer.Ordinal)
                .Select(t => t.Number);
            return (null, $"Kế hoạch năm {year} không có mục «{item.Trim()}». Các mục: {string.Join(", ", numbers)}.");
        }

        var files = await db.ArchivedFiles.AsNoTracking().Where(f => f.TargetId == target.Id).OrderBy(f => f.Id)
            .Select(f => new RegisteredFile(f.Unit.Name, f.SentBy, f.ReceivedAt, f.Late, f.OriginalName, f.Size, f.Sha256, f.Path))
            .ToListAsync(ct);
        var sent = files.Select(f => f.Unit).ToHashSet(StringComparer.Ordinal);
        var missing = (await db.Obligations.AsNoTracking().Where(o => o.TargetId == target.Id && o.Active).Select(o => o.Unit.Name).ToListAsync(ct))
            .Where(u => !sent.Contains(u)).Distinct().Order(VietnameseOrder.Names).ToList();
        return (new ItemFiles(year, target.Number, target.Kind == TargetKind.Deadline, target.Content, target.Due, files, missing), null);
    }
}
