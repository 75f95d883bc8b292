using System.Text.RegularExpressions;

namespace TdktBot.Tests.Cli;

/// <summary>The command line itself: Vietnamese help for every verb, and a wrong command line told in Vietnamese with exit code 2.</summary>
public sealed partial class CommandLineTests
{
    public static TheoryData<string> Verbs =>
    [
        string.Empty, "run", "plan", "plan import", "plan show", "plan check", "plan reload",
        "reminders", "reminders preview", "chat", "invite", "invite create", "invite list",
    ];

    [Fact]
    public void Help_describes_the_program_and_its_verbs_in_Vietnamese()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.StartsWith("TdktBot: nhắc việc kế hoạch thi đua, khen thưởng của xã.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Cách dùng:\n  TdktBot [lệnh] [tùy chọn]\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  plan +Tệp kế hoạch: nhập từ văn bản, xem, kiểm tra, nạp lại vào bot, ghi lịch \.ics\.\n", run.Output);
        Assert.Matches(@"\n  reminders +Lời nhắc: xem trước những gì bot sẽ gửi\.\n", run.Output);
        Assert.Matches(@"\n  --now <ngày giờ> +chạy trên đồng hồ giả lập từ thời điểm này \(giờ Việt Nam\)", run.Output);
    }

    [Fact]
    public void Plan_help_lists_its_verbs_in_Vietnamese()
    {
        var run = CliRun.Of("plan", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.StartsWith("Tệp kế hoạch: nhập từ văn bản, xem, kiểm tra, nạp lại vào bot, ghi lịch .ics.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Cách dùng:\n  TdktBot plan <lệnh> [tùy chọn]\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\n  import <kế-hoạch\.docx\|\.txt> +Đọc văn bản kế hoạch, ghi ra tệp lịch có thể chỉnh sửa", run.Output);
        Assert.Matches(@"\n  show \[<plan\.yaml>\] +In kế hoạch thành bảng dễ đọc\.\n", run.Output);
        Assert.Matches(@"\n  check \[<plan\.yaml>\] +Kiểm tra tệp kế hoạch, liệt kê mọi lỗi kèm tệp, dòng và cột\.\n", run.Output);
        Assert.Matches(@"\n  reload +Nạp lại tệp kế hoạch và danh sách đơn vị vào cơ sở dữ liệu", run.Output);
    }

    [Fact]
    public void Plan_import_help_describes_its_argument_and_options_in_Vietnamese()
    {
        var run = CliRun.Of("plan", "import", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.Error);
        Assert.StartsWith("Đọc văn bản kế hoạch, ghi ra tệp lịch có thể chỉnh sửa (hoặc in ra màn hình).", run.Output, StringComparison.Ordinal);
        Assert.Contains("Cách dùng:\n  TdktBot plan import <kế-hoạch.docx|.txt> [tùy chọn]\n", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"Tham số:\n  <kế-hoạch\.docx\|\.txt> +văn bản kế hoạch của xã, tệp Word \(\.docx\) hoặc văn bản \(\.txt\)\n", run.Output);
        Assert.Matches(@"\n  -o, --output <plan\.yaml> +tệp kế hoạch sẽ ghi; không ghi tùy chọn này thì in ra màn hình", run.Output);
        Assert.Matches(@"\n  -f, --format <yaml\|json> +định dạng: yaml \(mặc định\) hoặc json", run.Output);
        Assert.Matches(@"\n  --units <don-vi\.yaml> +danh sách đơn vị \(mặc định theo cấu hình Plan:UnitsFile\)\n", run.Output);
        Assert.Matches(@"\n  -\?, -h, --help +hiện trợ giúp này\n", run.Output);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_has_its_help_with_a_Vietnamese_description_for_each_line(string verb)
    {
        foreach (var help in new[] { "--help", "-h", "-?" })
        {
            var run = CliRun.Of([.. Words(verb), help]);

            Assert.Equal(0, run.ExitCode);
            Assert.Empty(run.Error);
            Assert.Contains($"Cách dùng:\n  {$"TdktBot {verb}".TrimEnd()} ", run.Output, StringComparison.Ordinal);
            Assert.Matches(Vietnamese(), run.Output.Split('\n')[0]);
            var rows = run.Output.Split('\n').SkipWhile(line => line != "Cách dùng:").Skip(2).Where(line => line.StartsWith("  ", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Matches(Vietnamese(), Regex.Split(row.Trim(), " {2,}").Skip(1).FirstOrDefault() ?? string.Empty));
            Assert.DoesNotContain("Usage:", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Options:", run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("plan")]
    [InlineData("reminders")]
    [InlineData("invite")]
    public void The_word_help_after_a_command_is_its_help(string verb)
    {
        var word = CliRun.Of([.. Words(verb), "help"]);
        var option = CliRun.Of([.. Words(verb), "--help"]);

        Assert.Equal(0, word.ExitCode);
        Assert.Equal(option.Output, word.Output);
    }

    [Theory]
    [InlineData(new[] { "chay" }, "Không có lệnh «chay».")]
    [InlineData(new[] { "plan", "xem" }, "Không có lệnh «plan xem».")]
    [InlineData(new[] { "--quy", "2" }, "Không hiểu tùy chọn «--quy».")]
    [InlineData(new[] { "plan", "import", "--dinh-dang", "json", "ke-hoach.docx" }, "Không hiểu tùy chọn «--dinh-dang».")]
    [InlineData(new[] { "reminders", "preview", "--from", "2026-01-01", "--to", "2026-01-31", "--units" }, "Tùy chọn --units cần một giá trị <don-vi.yaml>.")]
    [InlineData(new[] { "plan", "show", "-q" }, "Tùy chọn -q cần một giá trị <1-4>.")]
    [InlineData(new[] { "plan" }, "Lệnh «plan» cần thêm một lệnh: import, show, check, reload, ics.")]
    [InlineData(new[] { "invite" }, "Lệnh «invite» cần thêm một lệnh: create, list.")]
    [InlineData(new[] { "plan", "import" }, "Lệnh «plan import» cần <kế-hoạch.docx|.txt>.")]
    [InlineData(new[] { "plan", "check", "a.yaml", "b.yaml" }, "Không hiểu «b.yaml».")]
    [InlineData(new[] { "run", "ngay" }, "Không hiểu «ngay».")]
    [InlineData(new[] { "reminders", "preview", "--to", "2026-01-31" }, "Thiếu tùy chọn --from <ngày>.")]
    [InlineData(new[] { "chat" }, "Thiếu tùy chọn --as <đơn vị>.")]
    [InlineData(new[] { "invite", "create", "--role", "staff" }, "Thiếu tùy chọn --unit <đơn vị>.")]
    [InlineData(new[] { "plan", "show", "--format", "json", "-f", "text" }, "Tùy chọn --format chỉ được ghi một lần.")]
    public void A_wrong_command_line_is_told_in_Vietnamese_with_the_help_of_the_command(string[] args, string expected)
    {
        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("\nCách dùng:\n  TdktBot", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "plan", "show", "--quarter", "7" }, "Quý phải là 1, 2, 3 hoặc 4 (hoặc I-IV), không phải «7».")]
    [InlineData(new[] { "plan", "show", "-q", "V" }, "Quý phải là 1, 2, 3 hoặc 4 (hoặc I-IV), không phải «V».")]
    [InlineData(new[] { "plan", "check", "--format", "xml" }, "--format chỉ nhận text hoặc json, không phải «xml».")]
    [InlineData(new[] { "plan", "import", "ke-hoach.docx", "-f", "text" }, "--format chỉ nhận yaml hoặc json, không phải «text».")]
    [InlineData(new[] { "reminders", "preview", "--from", "2026-01-01", "--to", "2026-01-31", "--format=csv" }, "--format chỉ nhận text hoặc json, không phải «csv».")]
    [InlineData(new[] { "invite", "create", "--unit", "Trạm Y tế xã", "--role=admin" }, "--role chỉ nhận head, staff hoặc office, không phải «admin».")]
    [InlineData(new[] { "plan", "reload", "--now", "hôm qua" }, "--now: không hiểu ngày «hôm qua».")]
    [InlineData(new[] { "--now=2026-01-23T7h59" }, "--now: không hiểu giờ «7h59». Hãy viết dạng 07:59.")]
    [InlineData(new[] { "reminders", "preview", "--from", "2026-01-31", "--to", "2026-01-01" }, "--to phải sau --from.")]
    public void A_bad_value_is_named_and_nothing_runs(string[] args, string expected)
    {
        using var folder = new TempFolder();
        var run = CliRun.With(new Dictionary<string, string?> { ["Data:Folder"] = folder.Path }, args);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Values_may_follow_an_equals_sign_and_now_may_come_before_the_verb()
    {
        var run = CliRun.Of("--now=23/01/2026 07:59", "reminders", "preview", "--from=2026-01-23T07:59+07:00", "--to", "23/01/2026", "-f", "json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("\"at\": \"2026-01-23T08:00:00+07:00\"", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-01-24", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_verb_the_bot_runs()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["Data:Folder"] = folder.Path, ["Reminders:At"] = "tám giờ" };

        var bare = CliRun.With(settings);
        var run = CliRun.With(settings, "run");

        Assert.Equal(1, bare.ExitCode);
        Assert.Contains("Reminders:At = «tám giờ»", bare.Error, StringComparison.Ordinal);
        Assert.Equal(run.ExitCode, bare.ExitCode);
        Assert.Equal(run.Error, bare.Error);
    }

    private static string[] Words(string verb) => verb.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A letter only Vietnamese writes (a tone mark, ă, â, đ, ê, ô, ơ, ư).</summary>
    [GeneratedRegex("[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();
}
