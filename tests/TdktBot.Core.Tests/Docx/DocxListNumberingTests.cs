using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using TdktBot.Core.Importing;

namespace TdktBot.Core.Tests.Docx;

/// <summary>Plans whose TT column is numbered by Word's list numbering, so the numbers are not in the text.</summary>
public sealed class DocxListNumberingTests
{
    [Fact]
    public void Numbers_tasks_as_Word_prints_them()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(new Level(new StartNumberingValue { Val = 3 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 7 },
                new NumberingInstance(new AbstractNumId { Val = 7 }) { NumberID = 1 });
            main.Document = new Document(new Body(
                Text("KẾ HOẠCH"),
                Text("Công tác thi đua, khen thưởng năm 2026"),
                new Table(
                    Row(Text("TT"), Text("Nội dung"), Text("Cơ quan thực hiện")),
                    Row(Text("QUÝ I"), Text(string.Empty), Text(string.Empty)),
                    Row(Numbered(), Text("Tổng kết công tác năm"), Text("UBND xã")),
                    Row(Numbered(), Text("Xét khen thưởng cuối năm"), Text("Công an xã")),
                    Row(Text("QUÝ II"), Text(string.Empty), Text(string.Empty)),
                    Row(Numbered(), Text("Sơ kết 6 tháng đầu năm"), Text("Phòng VH-XH")))));
        }

        stream.Position = 0;
        var result = PlanInterpreter.Interpret(DocxPlanReader.Read(stream, "tu-dong-danh-so.docx"), Fixture.Directory);

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        Assert.Equal(["3", "4", "5"], result.Plan!.Tasks.Select(t => t.Number));
        Assert.Equal([1, 1, 2], result.Plan.Tasks.Select(t => t.Quarter));
    }

    private static Paragraph Text(string text) => new(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(text)));

    private static Paragraph Numbered() =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })));

    private static TableRow Row(params Paragraph[] cells) => new(cells.Select(p => (OpenXmlElement)new TableCell(p)));
}
