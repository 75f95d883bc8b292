using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TdktBot.Reminders;

/// <summary>
/// Checks the "Calendar" settings as they are written. The configuration binder quietly drops a list entry whose
/// date it cannot read, and reads 05/02/2027 as 2 May; without this a mistyped Tết would leave reminders on days
/// off and nobody would be told.
/// </summary>
public sealed class CalendarOptionsValidator(IConfiguration configuration) : IValidateOptions<CalendarOptions>
{
    private const string Example = "hãy viết dạng năm-tháng-ngày, ví dụ 2027-02-05.";

    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var failures = new List<string>();
        foreach (var year in configuration.GetSection(CalendarOptions.Section).GetSection("Years").GetChildren())
        {
            if (year.Key.Length != 4 || !int.TryParse(year.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                failures.Add($"{year.Path}: tên khối phải là một năm, ví dụ Calendar:Years:2027.");
                continue;
            }

            foreach (var dayOff in year.GetSection("DaysOff").GetChildren())
            {
                var from = Date(dayOff.GetSection("From"), required: true, failures);
                var to = Date(dayOff.GetSection("To"), required: false, failures) ?? from;

                // A block copied from last year with its dates left unchanged lands here. A span may run over New Year.
                if (from is { } first && to is { } last && (first.Year > number || last.Year < number))
                {
                    failures.Add($"{dayOff.Path}: ngày nghỉ từ {first:yyyy-MM-dd} không thuộc năm {number}; hãy sửa ngày hoặc chuyển mục này sang khối Calendar:Years:{first.Year}.");
                }

                if (dayOff["Name"] is { } dayOffName && string.IsNullOrWhiteSpace(dayOffName))
                {
                    failures.Add($"{dayOff.Path}:Name: ngày nghỉ cần có tên, ví dụ «Tết Nguyên Đán».");
                }
            }

            foreach (var day in year.GetSection("WorkingDays").GetChildren())
            {
                Date(day, required: true, failures);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static DateOnly? Date(IConfigurationSection setting, bool required, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(setting.Value))
        {
            if (required)
            {
                failures.Add($"{setting.Path}: thiếu ngày; {Example}");
            }

            return null;
        }

        if (DateOnly.TryParseExact(setting.Value.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        failures.Add($"{setting.Path}: «{setting.Value}» không phải một ngày hợp lệ; {Example}");
        return null;
    }
}
