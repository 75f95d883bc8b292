using TdktBot.Core.Importing;
using TdktBot.Core.Plans;

namespace TdktBot.Core.Tests.Importing;

public sealed class YamlPlanFileTests
{
    private static Plan HoaTham() => Fixture.ImportDocx().Plan!;

    private static PlanResult Read(string yaml) => YamlPlanFile.Read(new StringReader(yaml), "plan.yaml", Fixture.Directory);

    [Fact]
    public void Round_trips_the_plan_without_loss()
    {
        var plan = HoaTham() with { };
        plan = plan with { Tasks = plan.Tasks.Select(t => t.Number == "8" ? t with { DueOverride = new DateOnly(2026, 6, 15) } : t).ToList() };

        var yaml = YamlPlanFile.Write(plan);
        var back = Read(yaml);

        Assert.False(back.HasErrors, string.Join("\n", back.Problems));
        Assert.Equal(plan.Year, back.Plan!.Year);
        Assert.Equal(plan.Issuer, back.Plan.Issuer);
        Assert.Equal(plan.Title, back.Plan.Title);
        Assert.Equal(plan.DocumentNumber, back.Plan.DocumentNumber);
        Assert.Equal(plan.DocumentDate, back.Plan.DocumentDate);
        Assert.Equal(plan.Tasks, back.Plan.Tasks, PlanEquality.Task);
        Assert.Equal(plan.Deadlines, back.Plan.Deadlines, PlanEquality.Deadline);
        Assert.Equal(yaml, YamlPlanFile.Write(back.Plan));
    }

    [Fact]
    public void Keeps_Vietnamese_readable_in_the_file()
    {
        var yaml = YamlPlanFile.Write(HoaTham());

        Assert.Contains("Phòng Văn hóa – Xã hội", yaml, StringComparison.Ordinal);
        Assert.Contains("Tổ chức Hội nghị tổng kết công tác TĐKT", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("\\x", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_wins_over_the_due_date()
    {
        var lines = YamlPlanFile.Write(HoaTham()).Split('\n').ToList();
        var task7 = lines.FindIndex(l => l.Contains("number: \"7\"", StringComparison.Ordinal));
        var derived = lines.FindIndex(task7, l => l.Contains("dueDerived:", StringComparison.Ordinal));
        lines.Insert(derived + 1, "    dueOverride: 20/06/2026");

        var plan = Read(string.Join('\n', lines)).Plan!;

        var task = plan.Tasks.Single(t => t.Number == "7");
        Assert.Equal(new DateOnly(2026, 6, 30), task.Due);
        Assert.Equal(new DateOnly(2026, 6, 20), task.EffectiveDue);
        Assert.False(task.EffectiveDueDerived);
        Assert.Equal(new DateOnly(2026, 6, 30), plan.Tasks.Single(t => t.Number == "8").EffectiveDue);
    }

    [Fact]
    public void A_mistyped_key_is_reported_with_its_line_and_a_suggestion()
    {
        var yaml = YamlPlanFile.Write(HoaTham());
        var lines = yaml.Split('\n').ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith("content:", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("content:", "conten:", StringComparison.Ordinal);

        var result = Read(string.Join('\n', lines));

        Assert.True(result.HasErrors);
        Assert.Null(result.Plan);
        Assert.Contains(result.Problems, p => p.Where.Line == index + 1 && p.Message.Contains("«conten»", StringComparison.Ordinal)
                                              && p.Message.Contains("«content»", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("due: 2026-02-31", "2026-02-31")]
    [InlineData("quarter: 5", "quarter")]
    [InlineData("units: [Phòng Không Tồn Tại]", "Phòng Không Tồn Tại")]
    public void A_bad_value_is_reported_with_its_line(string line, string mentioned)
    {
        var yaml = string.Join('\n',
            "year: 2026",
            "tasks:",
            "  - number: \"1\"",
            "    quarter: 1",
            "    content: Việc một",
            "    due: 2026-03-31",
            "  - number: \"2\"",
            "    quarter: 2",
            "    content: Việc hai",
            "    due: 2026-06-30",
            "    " + line);
        var key = line[..line.IndexOf(':', StringComparison.Ordinal)];
        yaml = yaml.Replace($"    {key}: " + (key == "due" ? "2026-06-30" : "2") + "\n", string.Empty, StringComparison.Ordinal);

        var lineNumber = yaml.Split('\n').ToList().FindIndex(l => l.EndsWith(line, StringComparison.Ordinal)) + 1;

        var result = Read(yaml);

        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems);
        Assert.Contains(mentioned, problem.Message, StringComparison.Ordinal);
        Assert.Equal(lineNumber, problem.Where.Line);
        Assert.Equal("2", problem.Where.TaskNumber);
    }

    [Fact]
    public void Broken_indentation_is_a_syntax_error_with_its_line()
    {
        const string yaml = "year: 2026\ntasks:\n  - number: \"1\"\n   quarter: 1\n";

        var result = Read(yaml);

        Assert.True(result.HasErrors);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("YAML", problem.Message, StringComparison.Ordinal);
        Assert.Equal(4, problem.Where.Line);
    }

    [Fact]
    public void Duplicated_task_numbers_are_refused()
    {
        const string yaml = """
            year: 2026
            tasks:
              - number: "1"
                quarter: 1
                content: Việc một
                due: 2026-03-31
              - number: "1"
                quarter: 2
                content: Việc hai
                due: 2026-06-30
            """;

        var result = Read(yaml);

        Assert.True(result.HasErrors);
        Assert.Contains("TT 1", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }
}
