using System.Globalization;

namespace TdktBot.Cli;

/// <summary>Dates and times typed on the command line, read on the commune's clock.</summary>
public static class CliTime
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>"2026-01-23", "23/01/2026", with an optional time ("2026-01-23T07:59", "23/01/2026 07:59"); <paramref name="endOfDay"/> when no time is given.</summary>
    public static DateTimeOffset Parse(string option, string text, TimeZoneInfo zone, bool endOfDay = false)
    {
        var trimmed = text.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, ["yyyy-MM-ddTHH:mmzzz", "yyyy-MM-ddTHH:mm:sszzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact;
        }

        var parts = trimmed.Split(['T', ' '], 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !DateOnly.TryParseExact(parts[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CliUsageException($"{option}: không hiểu ngày «{text}». Hãy viết dạng 2026-01-23 hoặc 23/01/2026, có thể kèm giờ: 2026-01-23T07:59.");
        }

        TimeOnly time;
        if (parts.Length == 1)
        {
            time = endOfDay ? new TimeOnly(23, 59, 59) : TimeOnly.MinValue;
        }
        else if (!TimeOnly.TryParseExact(parts[1], TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            throw new CliUsageException($"{option}: không hiểu giờ «{parts[1]}». Hãy viết dạng 07:59.");
        }

        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
