using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;
using static TdktBot.Core.Tests.Docx.DocxImport;
using static TdktBot.Core.Tests.Docx.DocxParts;

namespace TdktBot.Core.Tests.Docx;

/// <summary>Cell text split over paragraphs, line breaks and differently formatted runs.</summary>
public class DocxCellTextTests
{
    private static DocxBuilder OneTask(DocxCell content, DocxCell agencies) => NewPlan().Table(
        Header(),
        Row(Cell("QUÝ I").Span(3)),
        Row("1", content, agencies));

    [Fact]
    public void Agencies_written_one_per_paragraph_are_separate_bodies()
    {
        var plan = ImportPlan(OneTask(
            "Phát động phong trào thi đua năm 2026",
            Lines("- UBND xã;", "- HĐ TĐKT xã;", "- Phòng Văn hóa – Xã hội.")));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(["UBND xã", "HĐ TĐKT xã", "Phòng Văn hóa – Xã hội"], task.Agencies);
        Assert.Equal(["Ủy ban nhân dân xã Hoa Thám", "Hội đồng Thi đua - Khen thưởng xã", "Phòng Văn hóa - Xã hội"], task.Units);
    }

    [Fact]
    public void Agencies_without_bullets_one_per_paragraph_are_separate_bodies()
    {
        var plan = ImportPlan(OneTask(
            "Phát động phong trào thi đua năm 2026",
            Lines("UBND xã", "Hội Nông dân xã", "Trạm Y tế xã")));

        Assert.Equal(["UBND xã", "Hội Nông dân xã", "Trạm Y tế xã"], Assert.Single(plan.Tasks).Agencies);
    }

    [Fact]
    public void Agencies_separated_by_soft_line_breaks_are_separate_bodies()
    {
        var plan = ImportPlan(OneTask(
            "Phát động phong trào thi đua năm 2026",
            Cell("UBND xã\nCông an xã\nBan Chỉ huy Quân sự xã")));

        Assert.Equal(["UBND xã", "Công an xã", "Ban Chỉ huy Quân sự xã"], Assert.Single(plan.Tasks).Agencies);
    }

    [Theory]
    [InlineData("Tổ chức **Hội nghị** tổng kết")]
    [InlineData("**Tổ chức** Hội nghị **tổng kết**")]
    [InlineData("Tổ chức Hội ngh**ị** tổng kết")]
    [InlineData("T**ổ** ch**ức** **Hội** **nghị** tổng **kết**")]
    [InlineData("**Tổ chức Hội nghị tổng kết**")]
    public void Bold_runs_inside_content_come_out_as_whole_text(string markup)
    {
        var plan = ImportPlan(OneTask(Cell(markup), "UBND xã"));

        Assert.Equal("Tổ chức Hội nghị tổng kết", Assert.Single(plan.Tasks).Content);
    }

    [Fact]
    public void Content_in_several_paragraphs_is_joined_with_a_space()
    {
        var plan = ImportPlan(OneTask(
            Lines("Tổ chức Hội nghị tổng kết công tác TĐKT", "năm 2025,", "triển khai nhiệm vụ năm 2026"),
            "UBND xã"));

        Assert.Equal("Tổ chức Hội nghị tổng kết công tác TĐKT năm 2025, triển khai nhiệm vụ năm 2026", Assert.Single(plan.Tasks).Content);
    }

    [Fact]
    public void Tabs_and_repeated_spaces_in_content_collapse_to_one_space()
    {
        var plan = ImportPlan(OneTask(
            DocxCell.Of(() => new Paragraph(
                new Run(new WordText("Tổ chức  ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                new Run(new TabChar(), new WordText("Hội nghị\u00A0tổng kết ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))),
            "UBND xã"));

        Assert.Equal("Tổ chức Hội nghị tổng kết", Assert.Single(plan.Tasks).Content);
    }

    [Fact]
    public void Tracked_changes_read_as_accepted_inserted_text_kept_deleted_text_dropped()
    {
        var plan = ImportPlan(OneTask(
            DocxCell.Of(() => new Paragraph(
                new Run(new WordText("Tổ chức ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
                new DeletedRun(new Run(new DeletedText("Hội thảo"))) { Id = "1", Author = "VT" },
                new InsertedRun(new Run(new WordText("Hội nghị"))) { Id = "2", Author = "VT" },
                new Run(new WordText(" tổng kết") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }))),
            "UBND xã"));

        Assert.Equal("Tổ chức Hội nghị tổng kết", Assert.Single(plan.Tasks).Content);
    }

    [Fact]
    public void A_non_breaking_hyphen_in_an_agency_name_reads_as_a_hyphen()
    {
        var plan = ImportPlan(OneTask(
            "Phát động phong trào thi đua năm 2026",
            DocxCell.Of(() => new Paragraph(new Run(new WordText("Phòng VH"), new NoBreakHyphen(), new WordText("XH"))))));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(["Phòng VH-XH"], task.Agencies);
        Assert.Equal(["Phòng Văn hóa - Xã hội"], task.Units);
    }

    [Fact]
    public void Bold_runs_inside_an_agency_name_do_not_split_it()
    {
        var plan = ImportPlan(OneTask(
            "Phát động phong trào thi đua năm 2026",
            Lines("- **UBND** xã;", "- Phòng **Văn hóa** – Xã hội.")));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal(["UBND xã", "Phòng Văn hóa – Xã hội"], task.Agencies);
        Assert.Equal(["Ủy ban nhân dân xã Hoa Thám", "Phòng Văn hóa - Xã hội"], task.Units);
    }
}
