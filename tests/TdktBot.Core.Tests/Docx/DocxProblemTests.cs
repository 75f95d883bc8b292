using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using TdktBot.Core.Importing;
using TdktBot.Core.Plans;
using static TdktBot.Core.Tests.Docx.DocxImport;
using static TdktBot.Core.Tests.Docx.DocxParts;

namespace TdktBot.Core.Tests.Docx;

/// <summary>Files that are not plans, or plans with mistakes: each must be told to the office in Vietnamese.</summary>
public partial class DocxProblemTests
{
    [Fact]
    public void An_empty_file_is_refused_with_a_Vietnamese_message()
    {
        using var stream = new MemoryStream([]);

        var ex = Assert.Throws<PlanFormatException>(() => DocxPlanReader.Read(stream, "rong.docx"));

        AssertVietnamese(ex.Message);
        Assert.Contains("Word", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_refused_with_a_Vietnamese_message()
    {
        var bytes = new byte[4096];
        new Random(20260130).NextBytes(bytes);
        using var stream = new MemoryStream(bytes);

        var ex = Assert.Throws<PlanFormatException>(() => DocxPlanReader.Read(stream, "ngau-nhien.docx"));

        AssertVietnamese(ex.Message);
    }

    [Fact]
    public void Random_bytes_behind_a_zip_signature_are_refused_with_a_Vietnamese_message()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'P';
        bytes[1] = (byte)'K';
        bytes[2] = 3;
        bytes[3] = 4;
        using var stream = new MemoryStream(bytes);

        var ex = Assert.Throws<PlanFormatException>(() => DocxPlanReader.Read(stream, "gia-zip.docx"));

        AssertVietnamese(ex.Message);
    }

    [Fact]
    public void A_truncated_docx_is_refused_with_a_Vietnamese_message()
    {
        var whole = NewPlan().Table(Header(), Row("1", "Phát động phong trào thi đua", "UBND xã")).ToBytes();
        using var stream = new MemoryStream(whole[..(whole.Length / 2)]);

        var ex = Assert.Throws<PlanFormatException>(() => DocxPlanReader.Read(stream, "cut.docx"));

        AssertVietnamese(ex.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_Word_document_is_refused_with_a_Vietnamese_message()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
            writer.Write("Không phải tài liệu Word");
        }

        stream.Position = 0;

        var ex = Assert.Throws<PlanFormatException>(() => DocxPlanReader.Read(stream, "nen.docx"));

        AssertVietnamese(ex.Message);
    }

    [Fact]
    public void A_Word_package_without_a_body_is_refused_with_a_Vietnamese_message()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document();
        }

        stream.Position = 0;

        var ex = Assert.Throws<PlanFormatException>(() => DocxPlanReader.Read(stream, "khong-than.docx"));

        AssertVietnamese(ex.Message);
    }

    [Fact]
    public void A_Word_document_without_a_plan_table_is_an_error_naming_the_TT_column()
    {
        var result = Import(NewPlan()
            .Paragraph("Căn cứ Luật Thi đua, khen thưởng;")
            .Table(
                Row("Họ và tên", "Chức vụ"),
                Row("Nguyễn Văn A", "Chủ tịch")));

        Assert.True(result.HasErrors);
        Assert.Null(result.Plan);
        var error = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Contains("«TT»", error.Message, StringComparison.Ordinal);
        AssertVietnamese(error.Message);
    }

    [Fact]
    public void A_Word_document_with_only_paragraphs_is_an_error_naming_the_TT_column()
    {
        var result = Import(NewPlan().Paragraph("1. Phát động phong trào thi đua năm 2026 – UBND xã."));

        Assert.True(result.HasErrors);
        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("TT", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_table_with_a_header_but_no_numbered_rows_is_an_error_naming_TT()
    {
        var result = Import(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("", "Phát động phong trào thi đua", "UBND xã")));

        Assert.True(result.HasErrors);
        Assert.Contains(result.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("(TT)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_impossible_date_in_the_time_column_is_an_error_at_its_task_and_cell()
    {
        var result = Import(NewPlan().Table(
            Row("TT", "Nội dung", "Cơ quan thực hiện", "Thời gian"),
            Row("1", "Phát động phong trào thi đua", "UBND xã", "Trước ngày 15/01/2026"),
            Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã", "Trước ngày 31/02/2026")));

        Assert.True(result.HasErrors);
        var error = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Contains("31/02/2026", error.Message, StringComparison.Ordinal);
        AssertVietnamese(error.Message);
        Assert.Equal("2", error.Where.TaskNumber);
        Assert.Equal("Thời gian", error.Where.Cell);
        Assert.Equal(FileName, error.Where.File);
        Assert.Equal(1, error.Where.Table);
        Assert.Equal(3, error.Where.Row);
    }

    [Fact]
    public void A_duplicated_TT_is_an_error_at_the_second_row()
    {
        var result = Import(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua", "UBND xã"),
            Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã"),
            Row("2", "Xét, trình khen thưởng thành tích", "UBND xã")));

        Assert.True(result.HasErrors);
        var error = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Contains("TT 2", error.Message, StringComparison.Ordinal);
        AssertVietnamese(error.Message);
        Assert.Equal("2", error.Where.TaskNumber);
        Assert.Equal("TT", error.Where.Cell);
        Assert.Equal(5, error.Where.Row);
    }

    [Fact]
    public void A_duplicated_TT_across_two_Word_tables_is_an_error()
    {
        var result = Import(NewPlan()
            .Table(Header(), Row("1", "Phát động phong trào thi đua", "UBND xã"))
            .Table(Header(), Row("1", "Báo cáo tổng kết công tác TĐKT", "UBND xã")));

        var error = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Contains("TT 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Where.Table);
    }

    [Fact]
    public void An_agency_not_in_the_directory_is_a_warning_at_its_task_and_cell()
    {
        var result = Import(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua", Lines("UBND xã", "Hợp tác xã Bình Minh"))));

        Assert.False(result.HasErrors);
        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Contains("Hợp tác xã Bình Minh", warning.Message, StringComparison.Ordinal);
        Assert.Equal("1", warning.Where.TaskNumber);
        Assert.Equal("Cơ quan thực hiện", warning.Where.Cell);
        Assert.Equal(["UBND xã", "Hợp tác xã Bình Minh"], Assert.Single(result.Plan!.Tasks).Agencies);
    }

    private static void AssertVietnamese(string message) =>
        Assert.True(VietnameseLetters().IsMatch(message), $"Not a Vietnamese message: {message}");

    [GeneratedRegex("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseLetters();
}
