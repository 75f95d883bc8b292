using System.Globalization;
using TdktBot.Core.Reminders;
using TdktBot.Reports;

namespace TdktBot.Cli;

/// <summary><c>report</c>: the progress report as an .xlsx file, written whole or not at all.</summary>
public sealed class ReportCommands(ReportService reports, ReminderPolicy policy, string? commune, TimeProvider time, TextWriter output, TextWriter error)
{
    public async Task<int> WriteAsync(string? target, ReportScope scope, CancellationToken ct)
    {
        var (report, problem) = await reports.BuildAsync(scope, commune, ct);
        if (report is null)
        {
            error.WriteLine(problem + " Chưa ghi tệp.");
            return CliApp.InputError;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), policy.Settings.TimeZone).DateTime);
        target ??= $"baocao-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx";
        if (!target.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"«{target}»: báo cáo là tệp Excel, tên phải có đuôi .xlsx (ví dụ -o baocao.xlsx). Chưa ghi tệp.");
            return CliApp.InputError;
        }

        var full = Path.GetFullPath(target);
        if (Directory.Exists(full) || !Directory.Exists(Path.GetDirectoryName(full)))
        {
            error.WriteLine($"«{target}»: không ghi được vào đây (thư mục chưa có, hoặc đó là một thư mục). Chưa ghi tệp.");
            return CliApp.InputError;
        }

        ReportWorkbook.Save(report, full, policy.Settings.TimeZone);

        var units = report.Units;
        output.WriteLine($"Đã ghi «{target}»: {units.Count} đơn vị, {report.Rows.Count} mục; hoàn thành đúng hạn {units.Sum(u => u.DoneOnTime)}, "
            + $"quá hạn {units.Sum(u => u.DoneLate)}; chưa hoàn thành trong hạn {units.Sum(u => u.OpenInTime)}, quá hạn {units.Sum(u => u.OpenOverdue)}.");
        return 0;
    }
}
