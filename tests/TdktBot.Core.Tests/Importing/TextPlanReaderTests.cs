using TdktBot.Core.Plans;

namespace TdktBot.Core.Tests.Importing;

public sealed class TextPlanReaderTests
{
    private const string Head = """
        KẾ HOẠCH
        Công tác thi đua, khen thưởng năm 2027

        II. NỘI DUNG

        """;

    private static PlanResult Import(string body) => Fixture.ImportText(Head + body);

    [Fact]
    public void Reads_a_pipe_table_with_a_time_column_and_explicit_dates()
    {
        var result = Import("""
            | STT | Nội dung | Đơn vị chủ trì | Thời gian |
            |-----|----------|----------------|-----------|
            | 1 | Gửi **báo cáo** tổng kết | Công an xã | Trước ngày 15/3/2027 |
            | 2 | Tổ chức hội nghị ngày 20 tháng 12 năm 2027 | UBND xã | |
            | 3 | Tập huấn nghiệp vụ | Phòng VH-XH | Trong tháng 6/2027 |
            """);

        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        var tasks = result.Plan!.Tasks;
        Assert.Equal(["1", "2", "3"], tasks.Select(t => t.Number));
        Assert.Equal("Gửi báo cáo tổng kết", tasks[0].Content);
        Assert.Equal([new DateOnly(2027, 3, 15), new DateOnly(2027, 12, 20), new DateOnly(2027, 6, 30)], tasks.Select(t => t.Due));
        Assert.All(tasks, t => Assert.False(t.DueDerived));
        Assert.Equal([1, 4, 2], tasks.Select(t => t.Quarter));
    }

    [Fact]
    public void Month_rows_set_the_quarter_and_the_derived_due_date()
    {
        var result = Import("TT\tNội dung\tCơ quan thực hiện\nTHÁNG 5\t\t\n1\tRà soát hồ sơ khen thưởng\tCông an xã\n");

        var task = Assert.Single(result.Plan!.Tasks);
        Assert.Equal(2, task.Quarter);
        Assert.Equal(new DateOnly(2027, 5, 31), task.Due);
        Assert.True(task.DueDerived);
    }

    [Fact]
    public void Reports_an_impossible_date_with_its_line_task_and_column()
    {
        var result = Import("TT\tNội dung\tCơ quan thực hiện\nQUÝ I\t\t\n1\tNộp báo cáo trước ngày 31/02/2027\tCông an xã\n");

        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(7, problem.Where.Line);
        Assert.Equal("1", problem.Where.TaskNumber);
        Assert.Equal("Nội dung", problem.Where.Cell);
        Assert.Contains("31/02/2027", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_duplicated_task_number_with_both_places()
    {
        var result = Import("TT\tNội dung\tCơ quan thực hiện\nQUÝ I\t\t\n1\tViệc một\tCông an xã\n1\tViệc hai\tCông an xã\n");

        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(8, problem.Where.Line);
        Assert.Contains("TT 1", problem.Message, StringComparison.Ordinal);
        Assert.Contains("dòng 7", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unknown_body_with_its_row_and_keeps_it()
    {
        var result = Import("TT\tNội dung\tCơ quan thực hiện\nQUÝ II\t\t\n7\tHọp cụm thi đua\t- Sở Nội vụ; - UBND xã\n");

        Assert.False(result.HasErrors);
        var task = Assert.Single(result.Plan!.Tasks);
        Assert.Equal(["Sở Nội vụ", "UBND xã"], task.Agencies);
        Assert.Equal(["Ủy ban nhân dân xã Hoa Thám"], task.Units);
        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(7, warning.Where.Line);
        Assert.Equal("7", warning.Where.TaskNumber);
        Assert.Contains("Sở Nội vụ", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_without_a_plan_table_is_refused()
    {
        var result = Fixture.ImportText("Thông báo\nKính gửi các đơn vị.\n");

        Assert.True(result.HasErrors);
        Assert.Null(result.Plan);
        Assert.Contains("TT", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_en_dash_and_the_hyphen_are_read_alike()
    {
        var withHyphens = Fixture.ImportText(Fixture.TextContent.Replace('–', '-')).Plan!;
        var original = Fixture.ImportText().Plan!;

        Assert.Equal(original.Tasks.Select(t => string.Join(";", t.Units)), withHyphens.Tasks.Select(t => string.Join(";", t.Units)));
    }
}
