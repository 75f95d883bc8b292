using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Plans;
using TdktBot.Reminders;

namespace TdktBot.Cli;

/// <summary><c>reminders preview</c>: what the worker would send, for the office to check before trusting it.</summary>
public sealed class RemindersCommands(PlanOptions planOptions, ReminderPolicy policy, TextWriter output, TextWriter error)
{
    public const string Usage = """
        Cách dùng / Usage:
          reminders preview --from <ngày> --to <ngày> [--plan plan.yaml] [--units don-vi.yaml] [--format text|json]
              Liệt kê mọi lời nhắc sẽ gửi từ --from (coi là "bây giờ") đến --to, giả sử chưa đơn vị nào xác nhận.
              Ngày viết dạng 2026-01-23 hoặc 23/01/2026, có thể kèm giờ (2026-01-23T07:59).
        """;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public int Run(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Count == 0 ? CliApp.UsageError : 0;
        }

        if (args[0] != "preview")
        {
            throw new CliUsageException($"Không có lệnh «reminders {args[0]}».");
        }

        var parsed = CliArguments.Parse(args.Skip(1), new Dictionary<string, string> { ["-f"] = "--format" },
            new HashSet<string> { "--from", "--to", "--plan", "--units", "--format" }, new HashSet<string>());
        if (parsed.Positional.Count > 0)
        {
            throw new CliUsageException($"Không hiểu «{parsed.Positional[0]}». Tệp kế hoạch đi sau --plan.");
        }

        var zone = policy.Settings.TimeZone;
        var from = CliTime.Parse("--from", parsed.Get("--from") ?? throw new CliUsageException("Thiếu --from <ngày>."), zone);
        var to = CliTime.Parse("--to", parsed.Get("--to") ?? throw new CliUsageException("Thiếu --to <ngày>."), zone, endOfDay: true);
        if (to < from)
        {
            throw new CliUsageException("--to phải sau --from.");
        }

        var format = parsed.Get("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new CliUsageException($"--format chỉ nhận text hoặc json, không phải «{format}».");
        }

        // A file typed on the command line is found from the current folder, as for «plan check»; PlanOptions
        // would take a relative path from the app's folder, which is right only for the configured files.
        var options = new PlanOptions
        {
            File = parsed.Get("--plan") is { } plan ? Path.GetFullPath(plan) : planOptions.File,
            AdditionalFiles = parsed.Has("--plan") ? [] : planOptions.AdditionalFiles,
            UnitsFile = parsed.Get("--units") is { } units ? Path.GetFullPath(units) : planOptions.UnitsFile,
        };
        var loaded = PlanLoader.Load(options);
        if (loaded.HasErrors)
        {
            loaded.Errors.ToList().ForEach(error.WriteLine);
            error.WriteLine("Chưa xem trước được lời nhắc. Hãy sửa các lỗi trên rồi chạy lại.");
            return CliApp.InputError;
        }

        var entries = ReminderPreview.Build(loaded.Plans.Select(p => p.Plan), loaded.Directory!, policy, from, to);
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(entries.Select(e => new
            {
                at = e.At.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
                e.Unit,
                e.Step,
                e.Covers,
                e.TargetKind,
                e.Target,
                due = e.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.Text,
            }), Json));
            return 0;
        }

        WriteText(entries, from, to);
        return 0;
    }

    private void WriteText(IReadOnlyList<PreviewEntry> entries, DateTimeOffset from, DateTimeOffset to)
    {
        output.WriteLine($"Lời nhắc từ {Local(from)} đến {Local(to)} (giả sử chưa đơn vị nào xác nhận): {entries.Count} tin.");
        foreach (var day in entries.GroupBy(e => policy.LocalDate(e.At)))
        {
            output.WriteLine();
            output.WriteLine(VietnameseFormat.DateWithWeekday(day.Key));
            foreach (var e in day)
            {
                var target = e.TargetKind switch { "task" => $"nhiệm vụ {e.Target}", "deadline" => $"hạn nộp {e.Target}", _ => $"tuần {e.Target}" };
                var due = e.Due is { } d ? $", hạn {VietnameseFormat.Date(d)}" : string.Empty;
                output.WriteLine($"  {e.At.ToOffset(policy.Settings.TimeZone.GetUtcOffset(e.At)):HH:mm}  {StepName(e.Step),-22} {target}{due} → {e.Unit}");
            }
        }
    }

    private string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, policy.Settings.TimeZone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string StepName(string step) => step switch
    {
        ReminderSteps.Escalation => "báo trễ hạn (văn phòng)",
        ReminderSteps.WeeklyDigest => "tổng hợp tuần",
        "due-day" => "đúng ngày hạn",
        _ when step.StartsWith("before-", StringComparison.Ordinal) => $"trước {step[7..^1]} ngày",
        _ when step.StartsWith("overdue-", StringComparison.Ordinal) => $"quá hạn {step[8..^2]} ngày làm việc",
        _ => step,
    };
}
