using TdktBot.Core.Importing;
using TdktBot.Core.Plans;
using TdktBot.Core.Units;

namespace TdktBot.Core.Tests;

/// <summary>The real Hoa Thám plan in both formats, and the bundled example unit directory.</summary>
internal static class Fixture
{
    public const string Docx = "ke-hoach-tdkt-2026-hoa-tham.docx";
    public const string Text = "ke-hoach-tdkt-2026-hoa-tham.txt";

    private static readonly Lazy<UnitDirectory> LazyDirectory = new(() =>
    {
        using var reader = File.OpenText(PathOf("don-vi-hoa-tham.yaml"));
        var result = UnitDirectoryFile.Read(reader, "don-vi-hoa-tham.yaml");
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        return result.Directory!;
    });

    public static UnitDirectory Directory => LazyDirectory.Value;

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static PlanResult ImportDocx()
    {
        using var stream = File.OpenRead(PathOf(Docx));
        return PlanInterpreter.Interpret(DocxPlanReader.Read(stream, Docx), Directory);
    }

    public static PlanResult ImportText(string? content = null)
    {
        using var reader = content is null ? (TextReader)File.OpenText(PathOf(Text)) : new StringReader(content);
        return PlanInterpreter.Interpret(TextPlanReader.Read(reader, Text), Directory);
    }

    public static string TextContent => File.ReadAllText(PathOf(Text));
}
