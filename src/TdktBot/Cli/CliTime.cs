using System.CommandLine.Parsing;
using System.Globalization;

namespace TdktBot.Cli;

/// <summary>
/// A date typed on the command line, with an optional time or offset, read on the commune's clock once the time zone
/// is known: the zone comes from the settings, the command line is checked before they are read.
/// </summary>
public readonly record struct CliTime(DateOnly Date, TimeOnly? Time, TimeSpan? Offset)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>
    /// Reads an option's value: "2026-01-23", "23/01/2026", with an optional time ("2026-01-23T07:59", "23/01/2026 07:59")
    /// or an offset ("2026-01-23T07:59+07:00"); null, with the error in Vietnamese, when it is none of these.
    /// </summary>
    public static CliTime? Parse(ArgumentResult result)
    {
        var option = result.Parent is OptionResult parent ? parent.Option.Name : result.Argument.Name;
        var text = result.Tokens[0].Value;
        var trimmed = text.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return new CliTime(DateOnly.FromDateTime(exact.DateTime), TimeOnly.FromDateTime(exact.DateTime), exact.Offset);
        }

        var parts = trimmed.Split(['T', ' '], 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !DateOnly.TryParseExact(parts[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return CliOptions.Reject<CliTime?>(result,
                $"{option}: không hiểu ngày «{text}». Hãy viết dạng 2026-01-23 hoặc 23/01/2026, có thể kèm giờ: 2026-01-23T07:59.");
        }

        if (parts.Length == 1)
        {
            return new CliTime(date, null, null);
        }

        return TimeOnly.TryParseExact(parts[1], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? new CliTime(date, time, null)
            : CliOptions.Reject<CliTime?>(result, $"{option}: không hiểu giờ «{parts[1]}». Hãy viết dạng 07:59.");
    }

    /// <summary>The instant on <paramref name="zone"/>'s clock; a date without a time is its start, or its end when <paramref name="endOfDay"/>.</summary>
    public DateTimeOffset In(TimeZoneInfo zone, bool endOfDay = false)
    {
        var local = Date.ToDateTime(Time ?? (endOfDay ? new TimeOnly(23, 59, 59) : TimeOnly.MinValue));
        return new DateTimeOffset(local, Offset ?? zone.GetUtcOffset(local));
    }
}
