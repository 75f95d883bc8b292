using System.Text;
using TdktBot.Core.Text;

namespace TdktBot.Core.Plans;

/// <summary>
/// The most of a text or YAML file that is read. A year's plan or a commune's unit list is tens of kilobytes, so
/// a file a hundred times larger is a mistake or an attack, refused before any parser holds it.
/// </summary>
public static class TextLimit
{
    public const int Characters = 5_000_000;

    public static string TooLong { get; } =
        $"Tệp dài hơn {VietnameseFormat.Number(Characters)} ký tự (khoảng 5 MB), quá giới hạn cho một tệp kế hoạch hay danh sách đơn vị "
        + "(thường chỉ vài chục KB). Hãy kiểm tra đã chọn đúng tệp chưa.";

    /// <summary>The whole text, or null once it runs past <see cref="Characters"/>; never holds more than that.</summary>
    public static string? ReadAll(TextReader reader)
    {
        var text = new StringBuilder();
        var buffer = new char[81_920];
        int read;
        while ((read = reader.Read(buffer)) > 0)
        {
            if (text.Length + read > Characters)
            {
                return null;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
