namespace TdktBot.Core.Plans;

public enum ProblemSeverity
{
    /// <summary>The plan cannot be used until it is fixed.</summary>
    Error,

    /// <summary>The plan is usable, but someone should look (e.g. a body that matches no unit).</summary>
    Warning,
}

/// <summary>Where in a source file something was found: enough for a person to open the file and find it.</summary>
public sealed record SourceLocation(string? File = null, int? Line = null, int? Row = null, string? Cell = null, string? TaskNumber = null)
{
    /// <summary>Table number in a Word document, counted from 1 in reading order.</summary>
    public int? Table { get; init; }

    /// <summary>Paragraph number in a Word document, counted from 1 over the body's paragraphs.</summary>
    public int? Paragraph { get; init; }

    public override string ToString() => string.Join(", ", new[]
    {
        File,
        Line is { } line ? $"dòng {line}" : null,
        Paragraph is { } paragraph ? $"đoạn {paragraph}" : null,
        Table is { } table ? $"bảng {table}" : null,
        Row is { } row ? $"hàng {row}" : null,
        string.IsNullOrEmpty(TaskNumber) ? null : $"TT {TaskNumber}",
        string.IsNullOrEmpty(Cell) ? null : $"cột «{Cell}»",
    }.Where(part => !string.IsNullOrEmpty(part)));
}

/// <summary>Something wrong with a plan or its source, said in Vietnamese for the office.</summary>
public sealed record PlanProblem(ProblemSeverity Severity, string Message, SourceLocation Where)
{
    public static PlanProblem Error(string message, SourceLocation where) => new(ProblemSeverity.Error, message, where);

    public static PlanProblem Warning(string message, SourceLocation where) => new(ProblemSeverity.Warning, message, where);

    public override string ToString()
    {
        var severity = Severity == ProblemSeverity.Error ? "Lỗi" : "Cảnh báo";
        var where = Where.ToString();
        return where.Length > 0 ? $"{severity} ({where}): {Message}" : $"{severity}: {Message}";
    }
}

/// <summary>A plan, if one could be built, with everything noticed along the way.</summary>
public sealed record PlanResult(Plan? Plan, IReadOnlyList<PlanProblem> Problems)
{
    public bool HasErrors => Plan is null || Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
