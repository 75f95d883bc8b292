using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Humanizer;
using TdktBot.Core.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Core.Importing;

/// <summary>
/// Reads a Word (.docx) plan with DocumentFormat.OpenXml: body paragraphs and table rows in reading
/// order, horizontal spans placed on the table grid, vertical merges marked, runs joined whatever
/// their formatting.
/// </summary>
public static class DocxPlanReader
{
    private const long MaxFileBytes = 20L * 1024 * 1024;
    private const long MaxPartBytes = 100L * 1024 * 1024;
    private const int MaxDepth = 64;
    private const int MaxColumns = 64;
    private const int MaxRows = 5_000;
    private const int MaxParagraphs = 200_000;

    /// <summary>The most XML elements in one part: a plan of 200,000 paragraphs has fewer, and the SDK's tree of them fits in 100 MB.</summary>
    private const int MaxElements = 1_000_000;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string NoBody = "Tài liệu Word không có nội dung (thiếu phần thân văn bản).";
    private const string SaveAgain = "Hãy mở tệp bằng Word, lưu lại dưới dạng .docx rồi thử lại.";

    /// <summary>
    /// Reads a plan from a seekable stream. Every limit is checked before the Open XML SDK builds its tree, since the
    /// SDK trusts what a file declares: it would allocate a 32-bit span, inflate a zip bomb and recurse once per level.
    /// </summary>
    public static SourceDocument Read(Stream stream, string? fileName)
    {
        if (stream.Length > MaxFileBytes)
        {
            throw new PlanFormatException(
                $"Tệp .docx nặng {Megabytes(stream.Length)} MB, quá giới hạn {Megabytes(MaxFileBytes)} MB cho một tệp kế hoạch (thường chỉ vài trăm KB). "
                + "Hãy bỏ bớt hình ảnh trong tài liệu, hoặc dùng bản xuất .txt của kế hoạch.");
        }

        CheckPartSizes(stream);
        stream.Position = 0;
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or XmlException
                                       or FileFormatException or ArgumentException or InvalidOperationException)
        {
            throw new PlanFormatException("Tệp không phải tài liệu Word (.docx) hợp lệ hoặc đã bị hỏng. " + SaveAgain, ex);
        }

        using (document)
        {
            var main = document.MainDocumentPart ?? throw new PlanFormatException(NoBody);
            CheckXml(main);
            if (main.NumberingDefinitionsPart is { } numberingPart)
            {
                CheckXml(numberingPart);
            }

            try
            {
                var body = main.Document?.Body ?? throw new PlanFormatException(NoBody);
                var reader = new Walker(fileName, main.NumberingDefinitionsPart?.Numbering);
                reader.Walk(body);
                return new SourceDocument(fileName, reader.Blocks);
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException)
            {
                throw new PlanFormatException("Nội dung tài liệu Word bị hỏng, không đọc được. " + SaveAgain, ex);
            }
        }
    }

    /// <summary>
    /// Inflates every part of the package once, counting what comes out rather than trusting the size its zip
    /// header declares, so a small file that expands to gigabytes stops at the limit.
    /// </summary>
    private static void CheckPartSizes(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var buffer = new byte[81_920];
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                long size = 0;
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    size += read;
                    if (size > MaxPartBytes)
                    {
                        throw new PlanFormatException(
                            $"Phần «{entry.FullName}» của tệp .docx giải nén ra hơn {Megabytes(MaxPartBytes)} MB, quá giới hạn cho một phần của tài liệu. "
                            + "Tệp nhỏ mà giải nén ra lớn như vậy không phải tài liệu Word bình thường (có thể là tệp nén độc hại). " + SaveAgain);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            throw new PlanFormatException("Tệp không phải tài liệu Word (.docx) hợp lệ hoặc đã bị hỏng. " + SaveAgain, ex);
        }
    }

    /// <summary>
    /// Reads a part once with a plain XmlReader before the SDK builds its tree from it: the SDK recurses once per
    /// level (100,000 nested content controls overflow the stack, which no catch stops) and holds every element.
    /// </summary>
    private static void CheckXml(OpenXmlPart part)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = true };
        int elements = 0, paragraphs = 0, rows = 0, gridColumns = 0;
        try
        {
            using var reader = XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.Depth >= MaxDepth)
                {
                    throw new PlanFormatException(
                        $"Tài liệu Word lồng nhau quá {MaxDepth} tầng (bảng trong bảng, khung nội dung trong khung nội dung), quá giới hạn. "
                        + "Hãy sao chép nội dung kế hoạch sang một tài liệu Word mới, lưu lại rồi thử lại.");
                }

                if (++elements > MaxElements)
                {
                    throw new PlanFormatException(
                        $"Tài liệu Word có hơn {VietnameseFormat.Number(MaxElements)} thành phần, quá giới hạn cho một tệp kế hoạch. "
                        + "Hãy kiểm tra đã chọn đúng tệp chưa, hoặc sao chép nội dung kế hoạch sang một tài liệu Word mới.");
                }

                if (reader.NamespaceURI != WordNamespace)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "p" when ++paragraphs > MaxParagraphs:
                        throw new PlanFormatException(
                            $"Tài liệu Word có hơn {VietnameseFormat.Number(MaxParagraphs)} đoạn văn, quá giới hạn cho một tệp kế hoạch. "
                            + "Hãy kiểm tra đã chọn đúng tệp chưa, hoặc bỏ các đoạn trống rồi lưu lại.");
                    case "tr" when ++rows > MaxRows:
                        throw new PlanFormatException(
                            $"Tài liệu Word có hơn {VietnameseFormat.Number(MaxRows)} hàng bảng, quá giới hạn cho một tệp kế hoạch. "
                            + "Hãy kiểm tra đã chọn đúng tệp chưa, hoặc tách kế hoạch thành nhiều tệp.");
                    case "tblGrid":
                        gridColumns = 0;
                        break;
                    case "gridCol" when ++gridColumns > MaxColumns:
                        throw TooWide($"một bảng có hơn {MaxColumns} cột");
                    case "gridSpan" or "gridBefore" or "gridAfter"
                        when long.TryParse(reader.GetAttribute("val", WordNamespace), NumberStyles.Integer, CultureInfo.InvariantCulture, out var columns)
                             && columns > MaxColumns:
                        throw TooWide($"một ô bảng trải rộng {VietnameseFormat.Number(columns)} cột (w:{reader.LocalName})");
                }
            }
        }
        catch (XmlException ex)
        {
            throw new PlanFormatException($"Nội dung tài liệu Word bị hỏng hoặc có khai báo DTD (<!DOCTYPE>), điều Word không bao giờ tạo ra. {SaveAgain}", ex);
        }
    }

    private static PlanFormatException TooWide(string what) => new(
        $"Tài liệu Word có {what}, quá giới hạn {MaxColumns} cột của một bảng (Word chỉ tạo bảng tới 63 cột). "
        + "Tệp bị hỏng hoặc được sửa bằng công cụ khác. " + SaveAgain);

    private static long Megabytes(long bytes) => (bytes + (1024 * 1024) - 1) / (1024 * 1024);

    private sealed class Walker(string? fileName, Numbering? numbering)
    {
        private readonly Dictionary<(int NumberingId, int Level), int> _listCounters = [];

        private int _paragraphs;
        private int _tables;

        public List<SourceBlock> Blocks { get; } = [];

        public void Walk(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        _paragraphs++;
                        var text = VietnameseText.Squash(ParagraphText(paragraph));
                        if (text.Length > 0)
                        {
                            Blocks.Add(new SourceParagraph(text, new SourceLocation(fileName) { Paragraph = _paragraphs }));
                        }

                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case SdtBlock or CustomXmlBlock:
                        // Content controls wrap ordinary paragraphs and tables.
                        Walk(element is SdtBlock sdt ? (OpenXmlElement?)sdt.SdtContentBlock ?? sdt : element);
                        break;
                }
            }
        }

        private void ReadTable(Table table)
        {
            var number = ++_tables;
            var carried = new Dictionary<int, string>();
            var rowNumber = 0;

            // Spans and skips stop at the table's grid, however far a sloppy tool wrote them (CheckXml refused beyond 64).
            var grid = table.GetFirstChild<TableGrid>()?.Elements<GridColumn>().Count() is > 0 and var declared ? declared : MaxColumns;
            foreach (var row in table.Elements<TableRow>())
            {
                rowNumber++;
                var cells = new List<SourceCell>();
                var gridBefore = Math.Clamp(row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0, 0, grid - 1);
                for (var i = 0; i < gridBefore; i++)
                {
                    cells.Add(SourceCell.Empty);
                }

                foreach (var cell in CellsOf(row).Take(MaxColumns))
                {
                    var column = cells.Count;
                    var properties = cell.TableCellProperties;
                    var span = Math.Clamp(properties?.GridSpan?.Val?.Value ?? 1, 1, Math.Max(1, grid - column));
                    var merge = properties?.VerticalMerge;
                    var text = CellText(cell);
                    SourceCell source;
                    if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                    {
                        source = new SourceCell(carried.GetValueOrDefault(column, string.Empty), MergedFromAbove: true);
                    }
                    else
                    {
                        source = new SourceCell(text);
                        carried[column] = text;
                    }

                    cells.Add(source);
                    for (var i = 1; i < span; i++)
                    {
                        cells.Add(SourceCell.Empty);
                    }
                }

                var where = new SourceLocation(fileName, Row: rowNumber) { Table = number };
                Blocks.Add(new SourceRow(cells, number, where));
            }
        }

        /// <summary>The number Word would print for a paragraph in a numbered list, or null for bullets and plain paragraphs.</summary>
        private string? ListLabel(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties?.NumberingProperties;
            var id = properties?.NumberingId?.Val?.Value;
            if (id is null or 0)
            {
                return null;
            }

            var level = properties!.NumberingLevelReference?.Val?.Value ?? 0;
            var definition = FindLevel(id.Value, level);
            var format = definition?.NumberingFormat?.Val?.Value;
            if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return null;
            }

            var key = (id.Value, level);
            var next = _listCounters.TryGetValue(key, out var current) ? current + 1 : definition?.StartNumberingValue?.Val?.Value ?? 1;
            _listCounters[key] = next;
            foreach (var deeper in _listCounters.Keys.Where(k => k.NumberingId == id.Value && k.Level > level).ToList())
            {
                _listCounters.Remove(deeper);
            }

            // Humanizer writes Roman numerals from 1 to 3999, as far as a plan's lists go; outside that the label stays empty.
            return format == NumberFormatValues.UpperRoman ? (next is >= 1 and <= 3999 ? next.ToRoman() : string.Empty)
                : format == NumberFormatValues.UpperLetter ? ((char)('A' + ((next - 1) % 26))).ToString()
                : format == NumberFormatValues.LowerLetter ? ((char)('a' + ((next - 1) % 26))).ToString()
                : next.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private Level? FindLevel(int numberingId, int level)
        {
            var instance = numbering?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numberingId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var abstractNumbering = numbering?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            return abstractNumbering?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
        }

        private static IEnumerable<TableCell> CellsOf(TableRow row) => row.ChildElements.SelectMany(child => child switch
        {
            TableCell cell => [cell],
            SdtCell sdt => sdt.Descendants<TableCell>(),
            _ => [],
        });

        private string CellText(TableCell cell)
        {
            var lines = new List<string>();
            foreach (var element in cell.Descendants())
            {
                if (element is Paragraph paragraph && paragraph.Ancestors<TableCell>().First() == cell)
                {
                    var label = ListLabel(paragraph);
                    var text = ParagraphText(paragraph);
                    if (string.IsNullOrWhiteSpace(text) && label is not null)
                    {
                        // A TT column numbered by Word itself holds no text, only the list's counter.
                        text = label;
                    }

                    lines.AddRange(text.Split('\n').Select(VietnameseText.Squash).Where(l => l.Length > 0));
                }
                else if (element is Paragraph nested)
                {
                    // A table nested in a cell is read line by line as part of the cell.
                    var text = VietnameseText.Squash(ParagraphText(nested));
                    if (text.Length > 0)
                    {
                        lines.Add(text);
                    }
                }
            }

            return string.Join('\n', lines);
        }

        private static string ParagraphText(Paragraph paragraph)
        {
            var sb = new StringBuilder();
            foreach (var element in paragraph.Descendants())
            {
                switch (element)
                {
                    case DocumentFormat.OpenXml.Wordprocessing.Text text:
                        sb.Append(text.Text);
                        break;
                    case TabChar or PositionalTab:
                        sb.Append(' ');
                        break;
                    case Break or CarriageReturn:
                        sb.Append('\n');
                        break;
                    case NoBreakHyphen:
                        sb.Append('-');
                        break;
                }
            }

            return sb.ToString();
        }
    }
}
