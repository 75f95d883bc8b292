using System.Text;
using TdktBot.Core.Importing;
using TdktBot.Core.Plans;
using TdktBot.Core.Units;

namespace TdktBot.Plans;

/// <summary>Opens plan and directory files by their extension; writes them whole or not at all.</summary>
public static class PlanFiles
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static UnitDirectoryResult LoadDirectory(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new UnitDirectoryResult(null, [PlanProblem.Error(
                $"Không tìm thấy tệp danh sách đơn vị «{path}». Hãy kiểm tra đường dẫn (tùy chọn --units hoặc cấu hình Plan:UnitsFile).",
                new SourceLocation(name))]);
        }

        using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);
        return UnitDirectoryFile.Read(reader, name);
    }

    /// <summary>Reads a plan from .docx, .txt (or .md) or the editable .yaml.</summary>
    public static PlanResult LoadPlan(string path, UnitDirectory directory)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Fail($"Không tìm thấy tệp «{path}». Hãy kiểm tra lại tên và thư mục của tệp.", name);
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            switch (extension)
            {
                case ".docx":
                {
                    using var stream = File.OpenRead(path);
                    if (stream.Length == 0)
                    {
                        return Fail("Tệp .docx trống (0 byte). Hãy chọn đúng tệp kế hoạch đã lưu từ Word.", name);
                    }

                    return PlanInterpreter.Interpret(DocxPlanReader.Read(stream, name), directory);
                }

                case ".txt" or ".text" or ".md":
                {
                    using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);
                    return PlanInterpreter.Interpret(TextPlanReader.Read(reader, name), directory);
                }

                case ".yaml" or ".yml":
                {
                    using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: true);
                    return YamlPlanFile.Read(reader, name, directory);
                }

                case ".doc":
                    return Fail("Tệp .doc (Word 97-2003) chưa được hỗ trợ. Hãy mở bằng Word và lưu lại dưới dạng .docx.", name);
                default:
                    return Fail($"Không đọc được tệp đuôi «{extension}». Hãy dùng tệp Word (.docx), văn bản (.txt) hoặc tệp kế hoạch (.yaml).", name);
            }
        }
        catch (PlanFormatException ex)
        {
            return Fail(ex.Message, name);
        }
        catch (DecoderFallbackException)
        {
            return Fail("Tệp không phải văn bản UTF-8. Hãy lưu lại tệp với mã hóa UTF-8.", name);
        }
    }

    /// <summary>Writes through a temporary file and a rename, so a crash never leaves half a plan behind.</summary>
    public static void WriteAtomically(string path, string content)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, content, Utf8);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static PlanResult Fail(string message, string file) => new(null, [PlanProblem.Error(message, new SourceLocation(file))]);
}
