using System.IO.Compression;
using System.Text.Json;

namespace TdktBot.Tests.Cli;

public sealed class PlanCommandTests
{
    private const string Docx = "ke-hoach-tdkt-2026-hoa-tham.docx";
    private const string Text = "ke-hoach-tdkt-2026-hoa-tham.txt";

    [Fact]
    public void Import_writes_the_editable_plan_file()
    {
        using var temp = new TempFolder();
        var target = temp.File("plan.yaml");

        var run = CliRun.Of("plan", "import", CliRun.Fixture(Docx), "-o", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("19 nhiệm vụ, 2 hạn nộp", run.Output, StringComparison.Ordinal);
        var yaml = File.ReadAllText(target);
        Assert.Contains("number: \"21\"", yaml, StringComparison.Ordinal);
        Assert.Contains("Phòng Văn hóa – Xã hội", yaml, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.Of("plan", "check", target).ExitCode);
    }

    [Theory]
    [InlineData(Docx)]
    [InlineData(Text)]
    public void Import_as_json_has_the_documented_shape(string fixture)
    {
        var run = CliRun.Of("plan", "import", CliRun.Fixture(fixture), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(19, tasks.Count);
        var task4 = tasks.Single(t => t.GetProperty("number").GetString() == "4");
        Assert.Equal(1, task4.GetProperty("quarter").GetInt32());
        Assert.EndsWith("trên địa bàn xã Hoa Thám", task4.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(["UBND xã", "HĐ TĐKT xã", "Các đơn vị liên quan"], task4.GetProperty("agencies").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("Ủy ban nhân dân xã Hoa Thám", task4.GetProperty("units").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2026-03-31", task4.GetProperty("due").GetString());
        Assert.True(task4.GetProperty("dueDerived").GetBoolean());
        var deadlines = root.GetProperty("deadlines").EnumerateArray().ToList();
        Assert.Equal(["2026-01-30", "2026-10-15"], deadlines.Select(d => d.GetProperty("due").GetString()));
        Assert.Equal(["giao-duc"], deadlines[1].GetProperty("appliesTo").EnumerateArray().Select(a => a.GetString()));
        Assert.NotEmpty(deadlines[1].GetProperty("content").GetString()!);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("problems").ValueKind);
    }

    [Fact]
    public void Show_prints_one_quarter_as_a_table()
    {
        var run = CliRun.Of("plan", "show", CliRun.Fixture(Text), "--quarter", "II");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("QUÝ II (5 nhiệm vụ)", run.Output, StringComparison.Ordinal);
        Assert.Contains("30/06/2026", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("QUÝ I ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Phát động phong trào", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_without_a_file_uses_the_bundled_example_plan()
    {
        var run = CliRun.Of("plan", "show");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Kế hoạch công tác thi đua, khen thưởng năm 2026", run.Output, StringComparison.Ordinal);
        Assert.Contains("Thứ Sáu, 30/01/2026", run.Output, StringComparison.Ordinal);
        Assert.Contains("Thứ Năm, 15/10/2026", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_example_plan_is_the_import_of_the_real_document()
    {
        var bundled = CliRun.Of("plan", "show", "--format", "json");
        var imported = CliRun.Of("plan", "import", CliRun.Fixture(Docx), "--format", "json");

        Assert.Equal(imported.Output.Trim(), bundled.Output.Trim());
    }

    [Fact]
    public void A_missing_file_is_named_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var target = temp.File("plan.yaml");

        var run = CliRun.Of("plan", "import", temp.File("khong-co.docx"), "-o", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Không tìm thấy tệp", run.Error, StringComparison.Ordinal);
        Assert.Contains("khong-co.docx", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void An_empty_docx_is_refused()
    {
        using var temp = new TempFolder();
        var source = temp.Write("trong.docx", string.Empty);

        AssertRefused(temp, source, "trong.docx", "trống");
    }

    [Fact]
    public void A_corrupt_docx_is_refused_without_a_stack_trace()
    {
        using var temp = new TempFolder();
        var source = temp.File("hong.docx");
        File.WriteAllBytes(source, File.ReadAllBytes(CliRun.Fixture(Docx))[..3000]);

        AssertRefused(temp, source, "hong.docx", "bị hỏng");
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_is_refused()
    {
        using var temp = new TempFolder();
        var source = temp.File("khac.docx");
        using (var zip = ZipFile.Open(source, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("note.txt").Open());
            writer.Write("không phải Word");
        }

        var run = CliRun.Of("plan", "import", source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("khac.docx", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void A_document_without_a_plan_table_is_refused()
    {
        using var temp = new TempFolder();
        var source = temp.Write("thong-bao.txt", "THÔNG BÁO\nV/v họp giao ban tháng 3 năm 2026\nKính gửi các đơn vị.\n");

        AssertRefused(temp, source, "thong-bao.txt", "bảng nhiệm vụ");
    }

    [Fact]
    public void An_impossible_date_is_named_with_file_line_and_task()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(CliRun.Fixture(Text)).Replace("Ban hành Kế hoạch công tác TĐKT năm 2027", "Ban hành Kế hoạch năm 2027 trước ngày 31/02/2026", StringComparison.Ordinal);
        var source = temp.Write("ke-hoach.txt", text);
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("31/02/2026", StringComparison.Ordinal)) + 1;

        AssertRefused(temp, source, $"ke-hoach.txt, dòng {line}, TT 21, cột «Nội dung»", "31/02/2026");
    }

    [Fact]
    public void A_duplicated_task_number_is_refused()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(CliRun.Fixture(Text)).Replace("\n17\tBáo cáo", "\n16\tBáo cáo", StringComparison.Ordinal);
        var source = temp.Write("ke-hoach.txt", text);

        AssertRefused(temp, source, "TT 16 bị trùng");
    }

    [Fact]
    public void Check_lists_a_typo_in_the_plan_file_with_its_line_and_exits_non_zero()
    {
        using var temp = new TempFolder();
        var target = temp.File("plan.yaml");
        Assert.Equal(0, CliRun.Of("plan", "import", CliRun.Fixture(Docx), "-o", target).ExitCode);
        var lines = File.ReadAllLines(target);
        var index = Array.FindIndex(lines, l => l.Contains("quarter: 2", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("quarter: 2", "quater: 2", StringComparison.Ordinal);
        File.WriteAllLines(target, lines);

        var run = CliRun.Of("plan", "check", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"plan.yaml, dòng {index + 1}", run.Output, StringComparison.Ordinal);
        Assert.Contains("«quater»", run.Output, StringComparison.Ordinal);
        Assert.Contains("Có phải ý bạn là «quarter»?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_reimport_leaves_the_previous_plan_file_untouched()
    {
        using var temp = new TempFolder();
        var target = temp.File("plan.yaml");
        Assert.Equal(0, CliRun.Of("plan", "import", CliRun.Fixture(Docx), "-o", target).ExitCode);
        var before = File.ReadAllText(target);
        var broken = temp.Write("hong.docx", "không phải docx");

        var run = CliRun.Of("plan", "import", broken, "-o", target);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(before, File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(temp.Path, "*plan*"));
    }

    [Fact]
    public void Reimport_keeps_due_dates_the_office_overrode()
    {
        using var temp = new TempFolder();
        var target = temp.File("plan.yaml");
        Assert.Equal(0, CliRun.Of("plan", "import", CliRun.Fixture(Docx), "-o", target).ExitCode);
        var lines = File.ReadAllLines(target).ToList();
        var task8 = lines.FindIndex(l => l.Contains("number: \"8\"", StringComparison.Ordinal));
        lines.Insert(lines.FindIndex(task8, l => l.Contains("dueDerived", StringComparison.Ordinal)) + 1, "    dueOverride: 2026-06-12");
        File.WriteAllLines(target, lines);

        Assert.Equal(0, CliRun.Of("plan", "import", CliRun.Fixture(Text), "-o", target).ExitCode);
        var json = CliRun.Of("plan", "show", target, "--format", "json");

        using var doc = JsonDocument.Parse(json.Output);
        var task = doc.RootElement.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("number").GetString() == "8");
        Assert.Equal("2026-06-12", task.GetProperty("due").GetString());
        Assert.False(task.GetProperty("dueDerived").GetBoolean());
    }

    /// <summary>Importing <paramref name="source"/> fails with exit code 1, says each of <paramref name="said"/>, shows no stack trace, and writes no plan file.</summary>
    private static void AssertRefused(TempFolder temp, string source, params string[] said)
    {
        var target = temp.File("plan.yaml");

        var run = CliRun.Of("plan", "import", source, "-o", target);

        Assert.Equal(1, run.ExitCode);
        Assert.All(said, text => Assert.Contains(text, run.Error, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void An_unknown_option_is_a_usage_error_in_Vietnamese()
    {
        var run = CliRun.Of("plan", "show", "--quy", "2");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Không hiểu tùy chọn «--quy»", run.Error, StringComparison.Ordinal);
        Assert.Contains("plan show", run.Error, StringComparison.Ordinal);
    }
}
