using System.Text;

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

    public override string ToString()
    {
        var parts = new List<string>(5);
        if (!string.IsNullOrEmpty(File))
        {
            parts.Add(File);
        }

        if (Line is { } line)
        {
            parts.Add($"dòng {line}");
        }

        if (Paragraph is { } paragraph)
        {
            parts.Add($"đoạn {paragraph}");
        }

        if (Table is { } table)
        {
            parts.Add($"bảng {table}");
        }

        if (Row is { } row)
        {
            parts.Add($"hàng {row}");
        }

        if (!string.IsNullOrEmpty(TaskNumber))
        {
            parts.Add($"TT {TaskNumber}");
        }

        if (!string.IsNullOrEmpty(Cell))
        {
            parts.Add($"cột «{Cell}»");
        }

        return string.Join(", ", parts);
    }
}

/// <summary>Something wrong with a plan or its source, said in Vietnamese for the office.</summary>
public sealed record PlanProblem(ProblemSeverity Severity, string Message, SourceLocation Where)
{
    public static PlanProblem Error(string message, SourceLocation where) => new(ProblemSeverity.Error, message, where);

    public static PlanProblem Warning(string message, SourceLocation where) => new(ProblemSeverity.Warning, message, where);

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Severity == ProblemSeverity.Error ? "Lỗi" : "Cảnh báo");
        var where = Where.ToString();
        if (where.Length > 0)
        {
            sb.Append(" (").Append(where).Append(')');
        }

        return sb.Append(": ").Append(Message).ToString();
    }
}

/// <summary>A plan, if one could be built, with everything noticed along the way.</summary>
public sealed record PlanResult(Plan? Plan, IReadOnlyList<PlanProblem> Problems)
{
    public bool HasErrors => Plan is null || Problems.Any(p => p.Severity == ProblemSeverity.Error);
}
