namespace TdktBot.Core.Plans;

/// <summary>A commune's yearly TĐKT plan (Kế hoạch công tác thi đua, khen thưởng).</summary>
public sealed record Plan
{
    public required int Year { get; init; }

    /// <summary>Who issued it, e.g. "Ủy ban nhân dân xã Hoa Thám".</summary>
    public string? Issuer { get; init; }

    /// <summary>Document number as printed ("Số: 12/KH-UBND" → "12/KH-UBND"); drafts often leave the number blank.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Document date as printed; drafts often leave the day blank, so it stays text.</summary>
    public string? DocumentDate { get; init; }

    public string? Title { get; init; }

    /// <summary>The file it was imported from, for the office's reference.</summary>
    public string? Source { get; init; }

    public IReadOnlyList<PlanTask> Tasks { get; init; } = [];

    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    public IEnumerable<PlanTask> TasksIn(int quarter) => Tasks.Where(t => t.Quarter == quarter);
}

/// <summary>One row of the plan table.</summary>
public sealed record PlanTask
{
    /// <summary>The number exactly as printed in the TT column; gaps are kept, never renumbered.</summary>
    public required string Number { get; init; }

    public required int Quarter { get; init; }

    public required string Content { get; init; }

    /// <summary>The responsible bodies (Cơ quan thực hiện) as written in the document.</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];

    /// <summary>Names of the directory units those bodies resolve to.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>The due date read from the document, or derived (end of quarter) when it gives none.</summary>
    public required DateOnly Due { get; init; }

    public bool DueDerived { get; init; }

    /// <summary>A due date set by the office in the editable plan file; it wins over <see cref="Due"/>.</summary>
    public DateOnly? DueOverride { get; init; }

    public DateOnly EffectiveDue => DueOverride ?? Due;

    public bool EffectiveDueDerived => DueOverride is null && DueDerived;
}

/// <summary>A hard submission date (hạn nộp) from the plan's implementation section.</summary>
public sealed record Deadline
{
    /// <summary>A short stable key ("D1"), so the schedule survives edits of the wording.</summary>
    public required string Id { get; init; }

    public required DateOnly Due { get; init; }

    public required string Content { get; init; }

    /// <summary>Group ids or unit names the deadline applies to, as the office reads them.</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    /// <summary>Names of the directory units that owe it.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];
}
