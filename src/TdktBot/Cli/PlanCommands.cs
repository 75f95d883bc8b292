using TdktBot.Core.Conversations;
using TdktBot.Core.Importing;
using TdktBot.Core.Plans;
using TdktBot.Core.Reminders;
using TdktBot.Core.Text;
using TdktBot.Core.Units;
using TdktBot.Plans;

namespace TdktBot.Cli;

/// <summary><c>plan import | show | check</c>: the office's tools for the plan file.</summary>
public sealed class PlanCommands(PlanOptions options, TextWriter output, TextWriter error)
{
    /// <summary><c>plan import</c>: <paramref name="format"/> defaults to the kind of <paramref name="target"/>, else yaml.</summary>
    public int Import(string source, string? target, string? format, string? units)
    {
        format ??= target is not null && target.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        if (LoadDirectory(units) is not { } directory)
        {
            return CliApp.InputError;
        }

        var result = PlanFiles.LoadPlan(source, directory);
        Write(error, result.Problems);
        if (result.HasErrors)
        {
            error.WriteLine(target is null
                ? "Chưa nhập được kế hoạch. Hãy sửa các lỗi trên rồi chạy lại."
                : $"Chưa nhập được kế hoạch; chưa ghi tệp «{target}». Hãy sửa các lỗi trên rồi chạy lại.");
            return CliApp.InputError;
        }

        var plan = target is not null && format == "yaml" ? KeepOverrides(result.Plan!, target, directory) : result.Plan!;

        var text = format == "json" ? PlanJson.Write(plan, result.Problems) + "\n" : YamlPlanFile.Write(plan);
        if (target is null)
        {
            output.Write(text);
            return 0;
        }

        PlanFiles.WriteAtomically(target, text);
        output.WriteLine($"Đã ghi «{target}»: kế hoạch năm {plan.Year}, {plan.Tasks.Count} nhiệm vụ, {plan.Deadlines.Count} hạn nộp.");
        if (result.Problems.Count > 0)
        {
            output.WriteLine($"Có {result.Problems.Count} cảnh báo ở trên: hãy xem lại tệp «{target}».");
        }

        return 0;
    }

    public int Show(string? file, int? quarter, string format, string? units)
    {
        if (Load(file, units) is not { } result)
        {
            return CliApp.InputError;
        }

        Write(error, result.Problems);
        if (result.HasErrors)
        {
            error.WriteLine("Không hiển thị được kế hoạch vì tệp còn lỗi. Chạy «plan check» để xem chi tiết.");
            return CliApp.InputError;
        }

        output.Write(format == "json" ? PlanJson.Write(Filter(result.Plan!, quarter), result.Problems) + "\n" : PlanTableText.Render(result.Plan!, quarter));
        return 0;
    }

    public int Check(string? file, string format, string? units)
    {
        if (Load(file, units) is not { } result)
        {
            return CliApp.InputError;
        }

        if (format == "json")
        {
            output.WriteLine(PlanJson.Write(result.Plan, result.Problems));
            return result.HasErrors ? CliApp.InputError : 0;
        }

        Write(output, result.Problems);
        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = result.Problems.Count - errors;
        if (result.HasErrors)
        {
            output.WriteLine($"Tệp có {errors} lỗi và {warnings} cảnh báo. Hãy sửa các lỗi rồi kiểm tra lại.");
            return CliApp.InputError;
        }

        var plan = result.Plan!;
        output.WriteLine(warnings == 0
            ? $"Kế hoạch hợp lệ: năm {plan.Year}, {plan.Tasks.Count} nhiệm vụ, {plan.Deadlines.Count} hạn nộp."
            : $"Kế hoạch dùng được: năm {plan.Year}, {plan.Tasks.Count} nhiệm vụ, {plan.Deadlines.Count} hạn nộp; có {warnings} cảnh báo nên xem lại.");
        return 0;
    }

    /// <summary><c>plan ics</c>: the plan (or what concerns <paramref name="unitName"/>) as a calendar feed, over the previous one if any.</summary>
    public int Ics(string? file, string? target, string? unitName, string? units, ReminderPolicy policy, DateTimeOffset now)
    {
        target ??= "kehoach.ics";
        if (LoadDirectory(units) is not { } directory)
        {
            return CliApp.InputError;
        }

        var unit = unitName is null ? null : directory.FindUnit(unitName);
        if (unitName is not null && unit is null)
        {
            error.WriteLine(ReplyTexts.UnitNotFound(unitName) + $" Các đơn vị: {string.Join("; ", directory.Units.Select(u => u.Name).Order(VietnameseOrder.Names))}. Chưa ghi tệp.");
            return CliApp.InputError;
        }

        var result = PlanFiles.LoadPlan(file ?? PlanOptions.Resolve(options.File), directory);
        Write(error, result.Problems);
        if (result.HasErrors)
        {
            error.WriteLine($"Kế hoạch còn lỗi nên chưa ghi «{target}». Chạy «plan check» để xem chi tiết.");
            return CliApp.InputError;
        }

        if (Directory.Exists(target))
        {
            error.WriteLine($"«{target}» là một thư mục; hãy ghi tên tệp, ví dụ -o {Path.Combine(target, "kehoach.ics")}. Chưa ghi tệp.");
            return CliApp.InputError;
        }

        string feed;
        try
        {
            feed = PlanCalendar.Write(result.Plan!, policy, directory.Commune, unit?.Name, File.Exists(target) ? File.ReadAllText(target) : null, now);
        }
        catch (InvalidDataException ex)
        {
            error.WriteLine($"«{target}» đã có nhưng không phải tệp lịch .ics đọc được ({ex.Message}); chưa ghi đè. Hãy chọn tên tệp khác với -o.");
            return CliApp.InputError;
        }

        PlanFiles.WriteAtomically(target, feed);
        var events = feed.Split("BEGIN:VEVENT").Length - 1;
        output.WriteLine($"Đã ghi «{target}»: {events} sự kiện của kế hoạch năm {result.Plan!.Year}{(unit is null ? string.Empty : $", của {unit.Name}")}.");
        return 0;
    }

    private PlanResult? Load(string? file, string? units) =>
        LoadDirectory(units) is { } directory ? PlanFiles.LoadPlan(file ?? PlanOptions.Resolve(options.File), directory) : null;

    private UnitDirectory? LoadDirectory(string? units)
    {
        var result = PlanFiles.LoadDirectory(units ?? PlanOptions.Resolve(options.UnitsFile));
        Write(error, result.Problems);
        return result.HasErrors ? null : result.Directory;
    }

    /// <summary>Re-importing a plan keeps the due dates the office already adjusted in the previous file.</summary>
    private Plan KeepOverrides(Plan plan, string target, UnitDirectory directory)
    {
        if (!File.Exists(target) || PlanFiles.LoadPlan(target, directory) is not { Plan: { } previous })
        {
            return plan;
        }

        var overrides = previous.Tasks.Where(t => t.DueOverride is not null).ToDictionary(t => t.Number, t => t.DueOverride);
        if (overrides.Count == 0)
        {
            return plan;
        }

        error.WriteLine($"Giữ lại {overrides.Count} hạn đã điều chỉnh (dueOverride) từ tệp «{target}» cũ.");
        return plan with
        {
            Tasks = plan.Tasks.Select(t => overrides.TryGetValue(t.Number, out var due) ? t with { DueOverride = due } : t).ToList(),
        };
    }

    private static Plan Filter(Plan plan, int? quarter) =>
        quarter is null ? plan : plan with { Tasks = plan.TasksIn(quarter.Value).ToList() };

    private static void Write(TextWriter to, IEnumerable<PlanProblem> problems) => problems.ToList().ForEach(to.WriteLine);
}
