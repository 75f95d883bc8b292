using static TdktBot.Core.Tests.Docx.DocxImport;
using static TdktBot.Core.Tests.Docx.DocxParts;

namespace TdktBot.Core.Tests.Docx;

/// <summary>Plan tables laid out in the different ways Word lets people lay them out.</summary>
public class DocxTableLayoutTests
{
    [Fact]
    public void Quarter_rows_spanning_the_table_or_in_a_single_cell_set_the_quarter()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua năm 2026", "UBND xã"),
            Row("QUÝ II"),
            Row("2", "Báo cáo sơ kết công tác thi đua 6 tháng đầu năm", "UBND xã"),
            Row(Cell("Quý III").Span(2)).GridBefore(1),
            Row("3", "Sơ kết phong trào thi đua Cụm thi đua", "UBND xã"),
            Row("QUÝ IV", "", ""),
            Row("4", "Hướng dẫn tổng kết công tác thi đua", "UBND xã")));

        Assert.Equal(["1", "2", "3", "4"], plan.Tasks.Select(t => t.Number));
        Assert.Equal([1, 2, 3, 4], plan.Tasks.Select(t => t.Quarter));
        Assert.Equal(
            [new DateOnly(2026, 3, 31), new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 12, 31)],
            plan.Tasks.Select(t => t.Due));
        Assert.All(plan.Tasks, t => Assert.True(t.DueDerived));
    }

    [Fact]
    public void Month_rows_set_the_quarter_and_the_end_of_that_month_as_due()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("THÁNG 2").Span(3)),
            Row("1", "Tổ chức gặp mặt đầu xuân", "UBND xã"),
            Row(Cell("Tháng 5").Span(3)),
            Row("2", "Tổ chức tháng hành động vì trẻ em", "UBND xã")));

        Assert.Equal([1, 2], plan.Tasks.Select(t => t.Quarter));
        Assert.Equal([new DateOnly(2026, 2, 28), new DateOnly(2026, 5, 31)], plan.Tasks.Select(t => t.Due));
    }

    [Fact]
    public void A_task_row_continued_on_a_row_with_an_empty_TT_is_one_task()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("4", "Tổ chức Hội nghị tổng kết công tác TĐKT", "- UBND xã;"),
            Row("", "năm 2025, triển khai nhiệm vụ năm 2026 trên địa bàn xã", "- HĐ TĐKT xã;"),
            Row("5", "Tham dự Hội nghị tổng kết của tỉnh", "- UBND xã;")));

        Assert.Equal(["4", "5"], plan.Tasks.Select(t => t.Number));
        var task = Task(plan, "4");
        Assert.Equal("Tổ chức Hội nghị tổng kết công tác TĐKT năm 2025, triển khai nhiệm vụ năm 2026 trên địa bàn xã", task.Content);
        Assert.Equal(["UBND xã", "HĐ TĐKT xã"], task.Agencies);
        Assert.Equal(["Ủy ban nhân dân xã Hoa Thám", "Hội đồng Thi đua - Khen thưởng xã"], task.Units);
        Assert.Equal(1, task.Quarter);
    }

    [Fact]
    public void A_continuation_row_that_skips_the_TT_column_with_gridBefore_is_one_task()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row("1", "Xét, trình khen thưởng thành tích năm 2025", "UBND xã"),
            Row("cho các cơ quan, đơn vị", "Phòng Văn hóa - Xã hội").GridBefore(1),
            Row("2", "Tham dự Hội nghị tổng kết", "UBND xã")));

        Assert.Equal(["1", "2"], plan.Tasks.Select(t => t.Number));
        Assert.Equal("Xét, trình khen thưởng thành tích năm 2025 cho các cơ quan, đơn vị", Task(plan, "1").Content);
        Assert.Equal(["UBND xã", "Phòng Văn hóa - Xã hội"], Task(plan, "1").Agencies);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_TT_cell_merged_down_two_rows_is_one_task(bool explicitContinue)
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("3").MergeRestart(), "Xét, trình khen thưởng thành tích năm 2025", "- UBND xã;"),
            Row(Cell("").MergeContinue(explicitContinue), "cho các cơ quan, đơn vị", "- Phòng Văn hóa – Xã hội."),
            Row("4", "Tổ chức Hội nghị tổng kết", "- UBND xã;")));

        Assert.Equal(["3", "4"], plan.Tasks.Select(t => t.Number));
        var task = Task(plan, "3");
        Assert.Equal("Xét, trình khen thưởng thành tích năm 2025 cho các cơ quan, đơn vị", task.Content);
        Assert.Equal(["UBND xã", "Phòng Văn hóa – Xã hội"], task.Agencies);
        Assert.Equal(["UBND xã"], Task(plan, "4").Agencies);
    }

    [Fact]
    public void An_agencies_cell_merged_over_two_tasks_gives_both_tasks_the_agencies()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ II").Span(3)),
            Row("7", "Tham gia bồi dưỡng nghiệp vụ công tác TĐKT năm 2026", Lines("- UBND xã;", "- Phòng Văn hóa - Xã hội.").MergeRestart()),
            Row("8", "Báo cáo sơ kết công tác TĐKT 6 tháng đầu năm 2026", Cell("").MergeContinue()),
            Row("9", "Tổ chức Hội nghị sơ kết", "- HĐ TĐKT xã")));

        Assert.Equal(["7", "8", "9"], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["UBND xã", "Phòng Văn hóa - Xã hội"], Task(plan, "7").Agencies);
        Assert.Equal(["UBND xã", "Phòng Văn hóa - Xã hội"], Task(plan, "8").Agencies);
        Assert.Equal(["Ủy ban nhân dân xã Hoa Thám", "Phòng Văn hóa - Xã hội"], Task(plan, "8").Units);
        Assert.Equal(["HĐ TĐKT xã"], Task(plan, "9").Agencies);
        Assert.Equal("Báo cáo sơ kết công tác TĐKT 6 tháng đầu năm 2026", Task(plan, "8").Content);
    }

    [Fact]
    public void Empty_rows_in_the_middle_of_the_table_are_skipped()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua", "UBND xã"),
            Row("", "", ""),
            Row(" ", "\u00A0", Lines("", "")),
            Row(Cell("").Span(3)),
            Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã"),
            Row("", "", "")));

        Assert.Equal(["1", "2"], plan.Tasks.Select(t => t.Number));
        Assert.Equal("Phát động phong trào thi đua", Task(plan, "1").Content);
        Assert.Equal(["UBND xã"], Task(plan, "1").Agencies);
        Assert.Equal("Báo cáo tổng kết công tác TĐKT", Task(plan, "2").Content);
    }

    [Fact]
    public void Extra_columns_give_agencies_from_both_agency_columns_and_due_from_the_time_column()
    {
        var plan = ImportPlan(NewPlan().Table(
            Row("STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian", "Ghi chú"),
            Row("1", "Xây dựng kế hoạch công tác TĐKT năm 2026", "Phòng Văn hóa - Xã hội", Lines("Các cơ quan, đơn vị", "Trường THCS Hoa Thám"),
                "Trước ngày 15/3/2026", "Theo hướng dẫn của tỉnh"),
            Row("2", "Báo cáo sơ kết công tác TĐKT 6 tháng đầu năm", "UBND xã", "Hội Phụ nữ xã", "Tháng 6", ""),
            Row("3", "Tổng kết phong trào thi đua", "UBND xã", "", "", "Hạn chót ngày 20/11/2026")));

        Assert.Equal(["1", "2", "3"], plan.Tasks.Select(t => t.Number));

        var first = Task(plan, "1");
        Assert.Equal("Xây dựng kế hoạch công tác TĐKT năm 2026", first.Content);
        Assert.Equal(["Phòng Văn hóa - Xã hội", "Các cơ quan, đơn vị", "Trường THCS Hoa Thám"], first.Agencies);
        Assert.Equal(new DateOnly(2026, 3, 15), first.Due);
        Assert.False(first.DueDerived);
        Assert.Equal(1, first.Quarter);

        var second = Task(plan, "2");
        Assert.Equal(["UBND xã", "Hội Phụ nữ xã"], second.Agencies);
        Assert.Equal(["Ủy ban nhân dân xã Hoa Thám", "Hội Liên hiệp Phụ nữ xã"], second.Units);
        Assert.Equal(new DateOnly(2026, 6, 30), second.Due);
        Assert.False(second.DueDerived);
        Assert.Equal(2, second.Quarter);

        // The notes column is neither content nor a due date.
        var third = Task(plan, "3");
        Assert.Equal("Tổng kết phong trào thi đua", third.Content);
        Assert.True(third.DueDerived);
    }

    [Fact]
    public void A_time_column_value_that_reads_like_a_quarter_or_month_heading_stays_part_of_its_task()
    {
        var plan = ImportPlan(NewPlan().Table(
            Row("TT", "Nội dung", "Cơ quan thực hiện", "Thời gian"),
            Row("1", "Phát động phong trào thi đua", "UBND xã", "Tháng 1"),
            Row("2", "Báo cáo sơ kết 6 tháng", "UBND xã", "Quý II"),
            Row("3", "Tổng hợp, thẩm định hồ sơ khen thưởng", "UBND xã", ""),
            Row("", "trình Hội đồng TĐKT xã xét", "", "Tháng 9"),
            Row("4", "Tổng kết phong trào thi đua", "UBND xã", "Tháng 12")));

        Assert.Equal(["1", "2", "3", "4"], plan.Tasks.Select(t => t.Number));
        Assert.Equal(
            [new DateOnly(2026, 1, 31), new DateOnly(2026, 6, 30), new DateOnly(2026, 9, 30), new DateOnly(2026, 12, 31)],
            plan.Tasks.Select(t => t.Due));
        Assert.All(plan.Tasks, t => Assert.False(t.DueDerived));
        Assert.Equal([1, 2, 3, 4], plan.Tasks.Select(t => t.Quarter));
        Assert.Equal("Tổng hợp, thẩm định hồ sơ khen thưởng trình Hội đồng TĐKT xã xét", Task(plan, "3").Content);
    }

    [Fact]
    public void A_task_whose_content_starts_like_a_quarter_heading_is_still_a_task()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua", "UBND xã"),
            Row("2", "Quý II: sơ kết phong trào", "UBND xã"),
            Row("3", "Tổng kết công tác TĐKT", "UBND xã")));

        Assert.Equal(["1", "2", "3"], plan.Tasks.Select(t => t.Number));
        Assert.Equal("Quý II: sơ kết phong trào", Task(plan, "2").Content);
        Assert.All(plan.Tasks, t => Assert.Equal(1, t.Quarter));
    }

    [Fact]
    public void A_two_level_header_with_merged_cells_reads_both_agency_columns()
    {
        var plan = ImportPlan(NewPlan().Table(
            Row(Cell("TT").MergeRestart(), Cell("Nội dung").MergeRestart(), Cell("Cơ quan thực hiện").Span(2), Cell("Thời gian").MergeRestart()),
            Row(Cell("").MergeContinue(), Cell("").MergeContinue(), "Chủ trì", "Phối hợp", Cell("").MergeContinue()),
            Row("1", "Tổ chức Hội nghị tổng kết", "UBND xã", "Các đơn vị liên quan", "Trước ngày 31/01/2026")));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal("Tổ chức Hội nghị tổng kết", task.Content);
        Assert.Equal(["UBND xã", "Các đơn vị liên quan"], task.Agencies);
        Assert.Equal(new DateOnly(2026, 1, 31), task.Due);
    }

    [Fact]
    public void A_header_row_repeated_in_the_middle_of_the_table_is_not_a_task()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header().RepeatOnEachPage(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua", "UBND xã"),
            Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã"),
            Row("TT", "Nội dung", "Cơ quan thực hiện"),
            Row("3", "Xét, trình khen thưởng thành tích", "UBND xã"),
            Row("STT", Lines("Nội dung", "công việc"), Lines("Cơ quan", "thực hiện")),
            Row("4", "Tổ chức Hội nghị tổng kết", "UBND xã")));

        Assert.Equal(["1", "2", "3", "4"], plan.Tasks.Select(t => t.Number));
        Assert.DoesNotContain(plan.Tasks, t => t.Content.Contains("Nội dung", StringComparison.Ordinal));
        Assert.Equal("Báo cáo tổng kết công tác TĐKT", Task(plan, "2").Content);
        Assert.All(plan.Tasks, t => Assert.Equal(1, t.Quarter));
    }

    [Theory]
    [InlineData("1", "2", "3")]
    [InlineData("(1)", "(2)", "(3)")]
    public void A_row_numbering_the_columns_under_the_header_is_not_a_task(string first, string second, string third)
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(first, second, third),
            Row("1", "Phát động phong trào thi đua", "UBND xã"),
            Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã")));

        Assert.Equal(["1", "2"], plan.Tasks.Select(t => t.Number));
        Assert.Equal("Phát động phong trào thi đua", Task(plan, "1").Content);
    }

    [Fact]
    public void Numbers_are_kept_as_printed_with_their_gaps()
    {
        var plan = ImportPlan(NewPlan().Table(
            Header(),
            Row(Cell("QUÝ I").Span(3)),
            Row("1", "Phát động phong trào thi đua", "UBND xã"),
            Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã"),
            Row("5", "Xét, trình khen thưởng thành tích", "UBND xã"),
            Row("12.", "Tổ chức Hội nghị tổng kết", "UBND xã"),
            Row("12a", "Tham dự Hội nghị tổng kết của tỉnh", "UBND xã")));

        Assert.Equal(["1", "2", "5", "12", "12a"], plan.Tasks.Select(t => t.Number));
    }

    [Fact]
    public void A_table_split_into_two_Word_tables_gives_the_tasks_of_both()
    {
        var plan = ImportPlan(NewPlan()
            .Paragraph("II. NỘI DUNG")
            .Table(
                Header(),
                Row(Cell("QUÝ I").Span(3)),
                Row("1", "Phát động phong trào thi đua", "UBND xã"),
                Row("2", "Tổ chức Hội nghị tổng kết công tác TĐKT", "- UBND xã;"))
            .PageBreak()
            .Table(
                Header(),
                Row("", "năm 2025, triển khai nhiệm vụ năm 2026", "- HĐ TĐKT xã;"),
                Row("3", "Tham dự Hội nghị tổng kết của tỉnh", "UBND xã"),
                Row(Cell("QUÝ II").Span(3)),
                Row("4", "Báo cáo sơ kết công tác TĐKT", "Phòng Văn hóa - Xã hội")));

        Assert.Equal(["1", "2", "3", "4"], plan.Tasks.Select(t => t.Number));
        Assert.Equal([1, 1, 1, 2], plan.Tasks.Select(t => t.Quarter));
        Assert.Equal("Tổ chức Hội nghị tổng kết công tác TĐKT năm 2025, triển khai nhiệm vụ năm 2026", Task(plan, "2").Content);
        Assert.Equal(["UBND xã", "HĐ TĐKT xã"], Task(plan, "2").Agencies);
    }

    [Fact]
    public void A_second_Word_table_without_its_own_header_continues_the_first()
    {
        var plan = ImportPlan(NewPlan()
            .Table(
                Header(),
                Row(Cell("QUÝ I").Span(3)),
                Row("1", "Phát động phong trào thi đua", "UBND xã"))
            .Paragraph("")
            .Table(
                Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã"),
                Row(Cell("QUÝ II").Span(3)),
                Row("3", "Báo cáo sơ kết công tác TĐKT", "UBND xã")));

        Assert.Equal(["1", "2", "3"], plan.Tasks.Select(t => t.Number));
        Assert.Equal([1, 1, 2], plan.Tasks.Select(t => t.Quarter));
    }

    [Fact]
    public void A_letterhead_table_before_the_plan_table_does_not_become_tasks()
    {
        var plan = ImportPlan(new DocxBuilder()
            .Table(
                Row("ỦY BAN NHÂN DÂN XÃ X", Lines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")),
                Row("Số: 12/KH-UBND", "Xã X, ngày 05 tháng 01 năm 2026"))
            .Paragraph("KẾ HOẠCH")
            .Paragraph("Công tác thi đua, khen thưởng năm 2026")
            .Table(
                Header(),
                Row(Cell("QUÝ I").Span(3)),
                Row("1", "Phát động phong trào thi đua", "UBND xã"),
                Row("2", "Báo cáo tổng kết công tác TĐKT", "UBND xã")));

        Assert.Equal(["1", "2"], plan.Tasks.Select(t => t.Number));
        Assert.Equal("12/KH-UBND", plan.DocumentNumber);
        Assert.Equal("ỦY BAN NHÂN DÂN XÃ X", plan.Issuer);
        Assert.Equal(2026, plan.Year);
    }

    [Fact]
    public void A_plan_table_inside_a_content_control_is_read()
    {
        var plan = ImportPlan(NewPlan().Element(() => new DocumentFormat.OpenXml.Wordprocessing.SdtBlock(
            new DocumentFormat.OpenXml.Wordprocessing.SdtProperties(),
            new DocumentFormat.OpenXml.Wordprocessing.SdtContentBlock(Table([
                Header(),
                Row(Cell("QUÝ I").Span(3)),
                Row("1", "Phát động phong trào thi đua", "UBND xã"),
            ])))));

        var task = Assert.Single(plan.Tasks);
        Assert.Equal("Phát động phong trào thi đua", task.Content);
    }
}
