using TdktBot.Core.Importing;
using TdktBot.Core.Plans;
using TdktBot.Core.Units;

namespace TdktBot.Core.Tests.Docx;

/// <summary>Reads a built document the way the bot does: docx reader, then interpreter against the example unit directory.</summary>
internal static class DocxImport
{
    public const string FileName = "ke-hoach-thu.docx";

    private static readonly Lazy<UnitDirectory> LazyDirectory = new(LoadDirectory);

    public static UnitDirectory ExampleDirectory => LazyDirectory.Value;

    /// <summary>A document that starts the way plans do, with the title that gives the year.</summary>
    public static DocxBuilder NewPlan() => new DocxBuilder()
        .Paragraph("KẾ HOẠCH")
        .Paragraph("Công tác thi đua, khen thưởng năm 2026");

    public static PlanResult Import(DocxBuilder builder)
    {
        using var stream = builder.ToStream();
        var source = DocxPlanReader.Read(stream, FileName);
        return PlanInterpreter.Interpret(source, ExampleDirectory);
    }

    /// <summary>Imports a document that must give a plan without errors.</summary>
    public static Plan ImportPlan(DocxBuilder builder)
    {
        var result = Import(builder);
        Assert.False(result.HasErrors, "Unexpected problems:\n" + string.Join('\n', result.Problems));
        return result.Plan!;
    }

    public static PlanTask Task(Plan plan, string number) => Assert.Single(plan.Tasks, t => t.Number == number);

    private static UnitDirectory LoadDirectory()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "don-vi-hoa-tham.yaml");
        using var reader = new StreamReader(path);
        var result = UnitDirectoryFile.Read(reader, Path.GetFileName(path));
        Assert.False(result.HasErrors, string.Join('\n', result.Problems));
        return result.Directory!;
    }
}
