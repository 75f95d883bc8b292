using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// Plan files built to hurt, each small on disk and aimed at one way a reader could be taken down: memory, the
/// stack, or a core for minutes. The name of each says what it is; <see cref="Write"/> builds it in a folder.
/// </summary>
internal static class HostileFiles
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Half a gigabyte of spaces inside the body: valid XML that deflates to about 500 KB. Built once, it takes a second.</summary>
    private static readonly Lazy<byte[]> ZipBomb = new(() =>
    {
        using var stream = new MemoryStream();
        Docx(stream, body =>
        {
            var spaces = new string(' ', 1 << 20);
            for (var i = 0; i < 512; i++)
            {
                body.Write(spaces);
            }
        });
        return stream.ToArray();
    });

    public static string Write(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        switch (name)
        {
            case "o-trai-rong.docx":
                // A table row whose cells skip and span two billion columns (w:gridBefore, w:gridSpan).
                Docx(path, "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
                           + "<w:tr><w:trPr><w:gridBefore w:val=\"2147483647\"/></w:trPr>"
                           + "<w:tc><w:tcPr><w:gridSpan w:val=\"2147483647\"/></w:tcPr><w:p><w:r><w:t>QUÝ I</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>");
                break;
            case "bom-nen.docx":
                File.WriteAllBytes(path, ZipBomb.Value);
                break;
            case "nhieu-doan.docx":
                Docx(path, Repeat("<w:p/>", 1_000_000));
                break;
            case "nhieu-hang.docx":
                Docx(path, "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>" + Repeat("<w:tr><w:tc><w:p/></w:tc></w:tr>", 5_001) + "</w:tbl><w:p/>");
                break;
            case "nhieu-thanh-phan.docx":
                Docx(path, "<w:p>" + Repeat("<w:r/>", 1_000_001) + "</w:p>");
                break;
            case "long-nhau.docx":
                // 100,000 content controls, each inside the one before.
                Docx(path, Repeat("<w:sdt><w:sdtContent>", 100_000) + "<w:p/>" + Repeat("</w:sdtContent></w:sdt>", 100_000));
                break;
            case "dtd.docx":
                Docx(path, "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>", "<!DOCTYPE w:document [<!ENTITY x \"Kế hoạch\">]>");
                break;
            case "qua-lon.docx":
                File.WriteAllBytes(path, new byte[21 * 1024 * 1024]);
                break;
            case "qua-dai.txt":
                File.WriteAllText(path, "KẾ HOẠCH\n" + new string('x', 5_000_000));
                break;
            case "bi-danh.yaml":
                // Billion laughs with a key made of them: each level repeats the one before ten times, and YamlDotNet
                // hashes a key whole, several times longer with each level.
                File.WriteAllText(path, "year: 2026\ntasks: []\n" + Levels(9, "[" + string.Join(", ", Enumerable.Repeat("*a{0}", 10)) + "]") + "? *a9\n: x\n");
                break;
            case "long-nhau.yaml":
                File.WriteAllText(path, "year: 2026\ntasks: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
                break;
            default:
                throw new ArgumentException($"No hostile file called {name}.", nameof(name));
        }

        return path;
    }

    /// <summary>A package Word would open, whose document part is written as raw text, as an attacker would write it.</summary>
    private static void Docx(string path, string body, string prolog = "")
    {
        using var file = File.Create(path);
        Docx(file, writer => writer.Write(body), prolog);
    }

    private static void Docx(Stream stream, Action<TextWriter> writeBody, string prolog = "")
    {
        using var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        using var writer = new StreamWriter(main.GetStream(FileMode.Create), new UTF8Encoding(false));
        writer.Write($"<?xml version=\"1.0\" encoding=\"utf-8\"?>{prolog}<w:document xmlns:w=\"{WordNamespace}\"><w:body>");
        writeBody(writer);
        writer.Write("</w:body></w:document>");
    }

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    /// <summary>Anchors a0 to a<paramref name="levels"/>, each level built by <paramref name="format"/> from the one before.</summary>
    private static string Levels(int levels, string format)
    {
        var yaml = new StringBuilder("a0: &a0 [x]\n");
        for (var i = 1; i <= levels; i++)
        {
            yaml.AppendFormat(CultureInfo.InvariantCulture, "a{0}: &a{0} ", i).AppendFormat(CultureInfo.InvariantCulture, format, i - 1).Append('\n');
        }

        return yaml.ToString();
    }
}
