using System.Text.RegularExpressions;

namespace TdktBot.Cli;

/// <summary>Turns the configuration binder's English conversion errors into a Vietnamese sentence that says what to write instead.</summary>
public static partial class ConfigurationErrors
{
    /// <summary>The end of every sentence about a wrong setting: where to fix it.</summary>
    public const string WhereToFix = "Hãy sửa appsettings.json hoặc biến môi trường tương ứng (xem appsettings.example.json).";

    /// <summary>The Vietnamese sentence for a value the binder could not convert; null for any other error.</summary>
    public static string? Explain(InvalidOperationException ex)
    {
        var match = ConversionFailure().Match(ex.Message);
        if (!match.Success)
        {
            return null;
        }

        var (value, key, type) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        var example = type switch
        {
            "System.TimeOnly" => "giờ dạng 08:00",
            "System.TimeSpan" => "khoảng thời gian dạng 00:00:05 (giờ:phút:giây)",
            "System.DateOnly" => "ngày dạng 2026-02-14",
            "System.Int32" => "một số nguyên, ví dụ 3",
            "System.Double" => "một số, ví dụ 25",
            "System.Boolean" => "true hoặc false",
            _ => $"giá trị kiểu {type}",
        };
        return $"Cấu hình chưa đúng: {key} = «{value}» không đọc được; cần {example}. {WhereToFix}";
    }

    [GeneratedRegex("^Failed to convert configuration value '(.*)' at '(.*)' to type '(.*)'")]
    private static partial Regex ConversionFailure();
}
