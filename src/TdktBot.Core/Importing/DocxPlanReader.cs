using System.Text;
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
    public static SourceDocument Read(Stream stream, string? fileName)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException
                                       or FileFormatException or ArgumentException or InvalidOperationException)
        {
            throw new PlanFormatException(
                "Tệp không phải tài liệu Word (.docx) hợp lệ hoặc đã bị hỏng. Hãy mở tệp bằng Word, lưu lại dưới dạng .docx rồi thử lại.", ex);
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body
                       ?? throw new PlanFormatException("Tài liệu Word không có nội dung (thiếu phần thân văn bản).");
            var reader = new Walker(fileName, document.MainDocumentPart?.NumberingDefinitionsPart?.Numbering);
            try
            {
                reader.Walk(body);
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException)
            {
                throw new PlanFormatException("Nội dung tài liệu Word bị hỏng, không đọc được. Hãy mở bằng Word, lưu lại rồi thử lại.", ex);
            }

            return new SourceDocument(fileName, reader.Blocks);
        }
    }

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
            foreach (var row in table.Elements<TableRow>())
            {
                rowNumber++;
                var cells = new List<SourceCell>();
                var gridBefore = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (var i = 0; i < gridBefore; i++)
                {
                    cells.Add(SourceCell.Empty);
                }

                foreach (var cell in CellsOf(row))
                {
                    var column = cells.Count;
                    var properties = cell.TableCellProperties;
                    var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
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
