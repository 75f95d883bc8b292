using System.Globalization;

namespace TdktBot.Core.Conversations;

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
}
