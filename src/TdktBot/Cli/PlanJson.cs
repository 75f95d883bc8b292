using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TdktBot.Core.Plans;

namespace TdktBot.Cli;

/// <summary>The documented JSON shape of a plan (README.md, "JSON output").</summary>
public static class PlanJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Plan? plan, IReadOnlyList<PlanProblem> problems)
    {
        var document = new PlanDocument(
            plan?.Year,
            plan?.Issuer,
            plan?.DocumentNumber,
            plan?.DocumentDate,
            plan?.Title,
            plan?.Source,
            plan?.Tasks.Select(t => new TaskDocument(t.Number, t.Quarter, t.Content, t.Agencies, t.Units, Iso(t.EffectiveDue),
                t.EffectiveDueDerived, t.DueOverride is null ? null : Iso(t.Due))).ToList() ?? [],
            plan?.Deadlines.Select(d => new DeadlineDocument(d.Id, Iso(d.Due), d.Content, d.AppliesTo, d.Units)).ToList() ?? [],
            problems.Select(p => new ProblemDocument(
                p.Severity == ProblemSeverity.Error ? "error" : "warning", p.Message, p.Where.File, p.Where.Line, p.Where.Table,
                p.Where.Row, p.Where.Paragraph, p.Where.TaskNumber, p.Where.Cell)).ToList());
        return JsonSerializer.Serialize(document, Options);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record PlanDocument(int? Year, string? Issuer, string? Number, string? Date, string? Title, string? Source,
        IReadOnlyList<TaskDocument> Tasks, IReadOnlyList<DeadlineDocument> Deadlines, IReadOnlyList<ProblemDocument> Problems);

    private sealed record TaskDocument(string Number, int Quarter, string Content, IReadOnlyList<string> Agencies, IReadOnlyList<string> Units,
        string Due, bool DueDerived, string? DueFromDocument);

    private sealed record DeadlineDocument(string Id, string Due, string Content, IReadOnlyList<string> AppliesTo, IReadOnlyList<string> Units);

    private sealed record ProblemDocument(string Severity, string Message, string? File, int? Line, int? Table, int? Row, int? Paragraph,
        string? Task, string? Cell);
}
