using TdktBot.Core.Plans;

namespace TdktBot.Core.Tests.Importing;

/// <summary>The real 2026 Hoa Thám plan, read from Word and from its text export, gives one plan.</summary>
public sealed class HoaThamPlanTests
{
    public static TheoryData<string> Formats => new() { Fixture.Docx, Fixture.Text };

    private static Plan Import(string format)
    {
        var result = format == Fixture.Docx ? Fixture.ImportDocx() : Fixture.ImportText();
        Assert.False(result.HasErrors, string.Join("\n", result.Problems));
        return result.Plan!;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Reads_the_year_and_heading(string format)
    {
        var plan = Import(format);

        Assert.Equal(2026, plan.Year);
        Assert.Equal("Ủy ban nhân dân xã Hoa Thám", plan.Issuer);
        Assert.Equal("Kế hoạch công tác thi đua, khen thưởng năm 2026", plan.Title);
        Assert.Equal("/KH-UBND", plan.DocumentNumber);
        Assert.Equal("ngày tháng 01 năm 2026", plan.DocumentDate);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Keeps_task_numbers_exactly_as_printed_with_their_gaps(string format)
    {
        var plan = Import(format);

        string[] expected = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "12", "13", "15", "16", "17", "18", "19", "20", "21"];
        Assert.Equal(expected, plan.Tasks.Select(t => t.Number));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Places_each_task_in_its_quarter(string format)
    {
        var plan = Import(format);

        Assert.Equal(["1", "2", "3", "4", "5", "6"], plan.TasksIn(1).Select(t => t.Number));
        Assert.Equal(["7", "8", "9", "10", "12"], plan.TasksIn(2).Select(t => t.Number));
        Assert.Equal(["13", "15"], plan.TasksIn(3).Select(t => t.Number));
        Assert.Equal(["16", "17", "18", "19", "20", "21"], plan.TasksIn(4).Select(t => t.Number));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Keeps_row_four_whole_across_the_page_break(string format)
    {
        var task = Import(format).Tasks.Single(t => t.Number == "4");

        Assert.Equal("Tổ chức Hội nghị tổng kết công tác TĐKT năm 2025, triển khai nhiệm vụ năm 2026 trên địa bàn xã Hoa Thám", task.Content);
        Assert.Equal(["UBND xã", "HĐ TĐKT xã", "Các đơn vị liên quan"], task.Agencies);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Derives_end_of_quarter_due_dates_when_the_rows_give_none(string format)
    {
        var plan = Import(format);

        Assert.All(plan.Tasks, t => Assert.True(t.DueDerived));
        Assert.Equal(new DateOnly(2026, 3, 31), plan.Tasks.Single(t => t.Number == "1").Due);
        Assert.Equal(new DateOnly(2026, 6, 30), plan.Tasks.Single(t => t.Number == "12").Due);
        Assert.Equal(new DateOnly(2026, 9, 30), plan.Tasks.Single(t => t.Number == "15").Due);
        Assert.Equal(new DateOnly(2026, 12, 31), plan.Tasks.Single(t => t.Number == "21").Due);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Resolves_every_body_of_every_row(string format)
    {
        var result = format == Fixture.Docx ? Fixture.ImportDocx() : Fixture.ImportText();

        Assert.Empty(result.Problems);
        Assert.All(result.Plan!.Tasks, t => Assert.NotEmpty(t.Units));
        var task15 = result.Plan.Tasks.Single(t => t.Number == "15");
        Assert.Equal(["UBND xã", "Phòng VHXXH"], task15.Agencies);
        Assert.Equal(["Ủy ban nhân dân xã Hoa Thám", "Phòng Văn hóa - Xã hội"], task15.Units);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Separates_bodies_written_without_a_separator(string format)
    {
        var task3 = Import(format).Tasks.Single(t => t.Number == "3");

        Assert.Equal(["UBND xã", "HĐ TĐKT xã", "Phòng Văn hóa – Xã hội", "Các đơn vị liên quan"], task3.Agencies);
        Assert.Contains("Trường THCS Hoa Thám", task3.Units);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Expands_the_education_units_phrase_to_the_schools(string format)
    {
        var task12 = Import(format).Tasks.Single(t => t.Number == "12");

        Assert.Equal(
            ["Hội đồng Thi đua - Khen thưởng xã", "Phòng Văn hóa - Xã hội", "Trường Mầm non Hoa Thám", "Trường Tiểu học Hoa Thám", "Trường THCS Hoa Thám"],
            task12.Units);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Finds_the_two_hard_deadlines(string format)
    {
        var plan = Import(format);

        Assert.Collection(plan.Deadlines,
            all =>
            {
                Assert.Equal(new DateOnly(2026, 1, 30), all.Due);
                Assert.Equal(["tat-ca"], all.AppliesTo);
                Assert.Equal(Fixture.Directory.Units.Count, all.Units.Count);
                Assert.StartsWith("Các cơ quan, đơn vị trên địa bàn xã", all.Content, StringComparison.Ordinal);
            },
            schools =>
            {
                Assert.Equal(new DateOnly(2026, 10, 15), schools.Due);
                Assert.Equal(["giao-duc"], schools.AppliesTo);
                Assert.Equal(["Trường Mầm non Hoa Thám", "Trường Tiểu học Hoa Thám", "Trường THCS Hoa Thám"], schools.Units);
            });
    }

    [Fact]
    public void Word_and_text_give_the_same_plan()
    {
        var fromWord = Import(Fixture.Docx);
        var fromText = Import(Fixture.Text);

        Assert.Equal(fromWord.Year, fromText.Year);
        Assert.Equal(fromWord.Tasks, fromText.Tasks, PlanEquality.Task);
        Assert.Equal(fromWord.Deadlines, fromText.Deadlines, PlanEquality.Deadline);
    }
}
