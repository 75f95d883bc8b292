using System.Globalization;

namespace TdktBot.Core.Text;

/// <summary>How dates read in Vietnamese: "Thứ Sáu, 30/01/2026".</summary>
public static class VietnameseFormat
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ Nhật",
    };

    public static string DateWithWeekday(DateOnly date) => $"{Weekday(date.DayOfWeek)}, {Date(date)}";

    /// <summary>A count with dots between thousands, as Vietnamese writes it: "200.000".</summary>
    /// <summary>A file's size as people read it: "850 B", "23 KB", "1,2 MB".</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{Math.Round(bytes / 1024.0).ToString("0", CultureInfo.GetCultureInfo("vi-VN"))} KB",
        _ => $"{(bytes / 1048576.0).ToString("0.#", CultureInfo.GetCultureInfo("vi-VN"))} MB",
    };

    public static string Number(long value) => value.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));

    /// <summary>Cuts a long task content at a word boundary, with "…", so a message stays readable.</summary>
    public static string Shorten(string text, int maxLength)
    {
        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', maxLength - 1);
        return string.Concat(text.AsSpan(0, cut > maxLength / 2 ? cut : maxLength - 1).TrimEnd(" ,;:.-".AsSpan()), "…");
    }
}
