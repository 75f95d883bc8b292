using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Plans;
using TdktBot.Core.Units;
using TdktBot.Data.Entities;
using TdktBot.Data;

namespace TdktBot.Plans;

/// <summary>What a plan load changed; loading the same plan twice changes nothing.</summary>
public sealed record PlanSyncResult(int Year, int TargetsAdded, int TargetsRemoved, int DueDatesMoved, int ObligationsAdded, int ObligationsDropped)
{
    public bool ChangedAnything => TargetsAdded + TargetsRemoved + DueDatesMoved + ObligationsAdded + ObligationsDropped > 0;

    public string Summary =>
        $"Kế hoạch năm {Year}: thêm {TargetsAdded} mục, bỏ {TargetsRemoved} mục, đổi hạn {DueDatesMoved} mục; " +
        $"thêm {ObligationsAdded} nghĩa vụ của đơn vị, bỏ {ObligationsDropped}.";
}

/// <summary>
/// Brings the store in line with a plan file and the unit directory. Keyed by plan year and the printed
/// task number (or deadline id), so statuses survive reloads; a moved due date restarts its reminder
/// schedule from now, while the unique reminder keys stop any step already sent from going out again.
/// </summary>
public sealed class PlanSync(TdktDbContext db)
{
    public async Task<PlanSyncResult> LoadAsync(Plan plan, UnitDirectory directory, string? sourceFile, DateTimeOffset now, CancellationToken ct = default)
    {
        var units = await SyncUnitsAsync(directory, ct);

        var record = await db.Plans.Include(p => p.Targets).ThenInclude(t => t.Obligations).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Year == plan.Year, ct);
        if (record is null)
        {
            record = new PlanRecord { Year = plan.Year };
            db.Plans.Add(record);
        }

        record.Title = plan.Title;
        record.SourceFile = sourceFile;
        record.LoadedAt = now;

        var wanted = plan.Tasks
            .Select(t => new Wanted(TargetKind.Task, t.Number, t.Quarter, t.Content, t.EffectiveDue, t.EffectiveDueDerived, t.Units))
            .Concat(plan.Deadlines.Select(d => new Wanted(TargetKind.Deadline, d.Id, null, d.Content, d.Due, false, d.Units)))
            .ToList();

        int added = 0, moved = 0, obligationsAdded = 0, obligationsDropped = 0;
        var existing = record.Targets.ToDictionary(t => (t.Kind, t.Number));
        foreach (var w in wanted)
        {
            if (!existing.Remove((w.Kind, w.Number), out var target))
            {
                target = new PlanTarget { Kind = w.Kind, Number = w.Number, Content = w.Content, Due = w.Due };
                record.Targets.Add(target);
                added++;
            }
            else if (target.Due != w.Due || !target.InPlan)
            {
                moved += target.Due != w.Due ? 1 : 0;
                foreach (var obligation in target.Obligations)
                {
                    obligation.ScheduleFrom = now;
                }
            }

            target.Content = w.Content;
            target.Quarter = w.Quarter;
            target.Due = w.Due;
            target.DueDerived = w.DueDerived;
            target.InPlan = true;

            var owing = w.Units.Select(name => units[name]).Distinct().ToList();
            foreach (var unit in owing)
            {
                var obligation = target.Obligations.SingleOrDefault(o => o.Unit == unit);
                if (obligation is null)
                {
                    target.Obligations.Add(new Obligation { Unit = unit, Status = ObligationStatus.Pending, ScheduleFrom = now });
                    obligationsAdded++;
                }
                else if (!obligation.Active)
                {
                    obligation.Active = true;
                    obligation.ScheduleFrom = now;
                    obligationsAdded++;
                }
            }

            foreach (var obligation in target.Obligations.Where(o => o.Active && !owing.Contains(o.Unit)))
            {
                obligation.Active = false;
                obligationsDropped++;
            }
        }

        var removed = 0;
        foreach (var gone in existing.Values.Where(t => t.InPlan))
        {
            gone.InPlan = false;
            removed++;
        }

        var result = new PlanSyncResult(plan.Year, added, removed, moved, obligationsAdded, obligationsDropped);
        if (result.ChangedAnything)
        {
            db.Audit.Add(new AuditEntry { At = now, Actor = "hệ thống", Action = "plan.load", Subject = $"plan:{plan.Year}", Details = result.Summary });
        }

        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>Takes plans whose file is no longer configured out of the schedule (their history stays); returns their years.</summary>
    public async Task<IReadOnlyList<int>> RetireOtherYearsAsync(IReadOnlyCollection<int> configuredYears, DateTimeOffset now, CancellationToken ct = default)
    {
        var stale = await db.Plans.Where(p => !configuredYears.Contains(p.Year) && p.Targets.Any(t => t.InPlan)).Select(p => p.Year).ToListAsync(ct);
        if (stale.Count == 0)
        {
            return stale;
        }

        await db.Targets.Where(t => stale.Contains(t.Plan.Year)).ExecuteUpdateAsync(s => s.SetProperty(t => t.InPlan, false), ct);
        await db.MarkChangedAsync(ct);
        db.Audit.AddRange(stale.Select(year => new AuditEntry { At = now, Actor = "hệ thống", Action = "plan.retire", Subject = $"plan:{year}" }));
        await db.SaveChangesAsync(ct);
        return stale;
    }

    private async Task<Dictionary<string, UnitRecord>> SyncUnitsAsync(UnitDirectory directory, CancellationToken ct)
    {
        var stored = await db.Units.ToDictionaryAsync(u => u.Name, StringComparer.Ordinal, ct);
        foreach (var unit in directory.Units)
        {
            if (!stored.TryGetValue(unit.Name, out var record))
            {
                record = new UnitRecord { Name = unit.Name };
                db.Units.Add(record);
                stored[unit.Name] = record;
            }

            record.IsOffice = unit.IsOffice;
            record.Groups = string.Join(',', unit.Groups);
            record.InDirectory = true;
        }

        var names = directory.Units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var record in stored.Values.Where(r => !names.Contains(r.Name)))
        {
            record.InDirectory = false;
        }

        return stored;
    }

    private sealed record Wanted(TargetKind Kind, string Number, int? Quarter, string Content, DateOnly Due, bool DueDerived, IReadOnlyList<string> Units);
}
