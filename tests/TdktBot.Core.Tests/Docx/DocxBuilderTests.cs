using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using static TdktBot.Core.Tests.Docx.DocxParts;

namespace TdktBot.Core.Tests.Docx;

/// <summary>The documents the tests build are real Word files, not shapes only this reader accepts.</summary>
public class DocxBuilderTests
{
    [Fact]
    public void Built_documents_pass_the_Open_XML_schema_validation()
    {
        var bytes = DocxImport.NewPlan()
            .Paragraph("Ngày **30/01**/2026\nxuống dòng")
            .Table(
                Row(Cell("TT").MergeRestart(), "Nội dung", Cell("Cơ quan thực hiện").Span(2)).RepeatOnEachPage(),
                Row(Cell("").MergeContinue(explicitValue: true), "", "Chủ trì", "Phối hợp"),
                Row(Cell("QUÝ I").Span(4)),
                Row("Nội dung", Lines("a", "b"), Cell("").MergeContinue()).GridBefore(1))
            .PageBreak()
            .ToBytes();

        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }
}
