using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Plans;
using TdktBot.Reminders;
using TdktBot.Core.Text;

namespace TdktBot.Cli;

/// <summary><c>reminders preview</c>: what the worker would send, for the office to check before trusting it.</summary>
public sealed class RemindersCommands(PlanOptions planOptions, ReminderPolicy policy, TextWriter output, TextWriter error)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><c>reminders preview</c>: what would be sent from <paramref name="start"/>, taken as now, to the end of <paramref name="end"/>.</summary>
    public int Preview(CliTime start, CliTime end, string? plan, string? units, string format)
    {
        var zone = policy.Settings.TimeZone;
        var from = start.In(zone);
        var to = end.In(zone, endOfDay: true);
        if (to < from)
        {
            // Checked here rather than by the command line: the dates are read on the reminders' time zone, a setting.
            error.WriteLine("--to phải sau --from.");
            return CliApp.UsageError;
        }

        // A file typed on the command line is found from the current folder, as for «plan check»; PlanOptions
        // would take a relative path from the app's folder, which is right only for the configured files.
        var options = new PlanOptions
        {
            File = plan is not null ? Path.GetFullPath(plan) : planOptions.File,
            AdditionalFiles = plan is not null ? [] : planOptions.AdditionalFiles,
            UnitsFile = units is not null ? Path.GetFullPath(units) : planOptions.UnitsFile,
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
