using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace TdktBot.Core.Tests.Docx;

/// <summary>
/// Builds small Word documents in memory, shaped the odd ways real plans are: paragraphs, tables
/// whose cells span columns (gridSpan), merge down rows (vMerge), start late (gridBefore), hold
/// several paragraphs, or have words cut into differently formatted runs.
/// </summary>
/// <remarks>
/// Text is written in a tiny markup: <c>**…**</c> toggles bold (so a word can be cut into runs)
/// and <c>\n</c> is a soft line break (Shift+Enter) inside the paragraph.
/// </remarks>
internal sealed class DocxBuilder
{
    private readonly List<Func<OpenXmlElement>> _blocks = [];

    public DocxBuilder Paragraph(string markup)
    {
        _blocks.Add(() => DocxParts.Paragraph(markup));
        return this;
    }

    public DocxBuilder PageBreak()
    {
        _blocks.Add(() => new Paragraph(new Run(new Break { Type = BreakValues.Page })));
        return this;
    }

    public DocxBuilder Table(params DocxRow[] rows)
    {
        _blocks.Add(() => DocxParts.Table(rows));
        return this;
    }

    /// <summary>Any body element built by hand (a content control, say).</summary>
    public DocxBuilder Element(Func<OpenXmlElement> build)
    {
        _blocks.Add(build);
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var build in _blocks)
            {
                body.AppendChild(build());
            }

            // Word always ends the body with a paragraph (after a final table, too).
            body.AppendChild(new Paragraph());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    public MemoryStream ToStream() => new(ToBytes(), writable: false);
}

/// <summary>One table cell: its paragraphs and how it spans or merges.</summary>
internal sealed class DocxCell
{
    private readonly Func<IEnumerable<Paragraph>> _paragraphs;
    private int _span = 1;
    private MergedCellValues? _merge;
    private bool _mergeWithoutValue;

    private DocxCell(Func<IEnumerable<Paragraph>> paragraphs) => _paragraphs = paragraphs;

    public int Columns => _span;

    /// <summary>A cell with one paragraph (an empty string gives an empty paragraph, as Word writes it).</summary>
    public static DocxCell Text(string markup) => new(() => [DocxParts.Paragraph(markup)]);

    /// <summary>A cell with one paragraph per line, as when Enter is pressed inside the cell.</summary>
    public static DocxCell Lines(params string[] markups) => new(() => markups.Select(DocxParts.Paragraph));

    /// <summary>A cell with paragraphs built by hand.</summary>
    public static DocxCell Of(params Func<Paragraph>[] paragraphs) => new(() => paragraphs.Select(p => p()));

    public static DocxCell FromString(string markup) => Text(markup);

    public static implicit operator DocxCell(string markup) => Text(markup);

    /// <summary>Spans <paramref name="columns"/> grid columns (w:gridSpan).</summary>
    public DocxCell Span(int columns)
    {
        _span = columns;
        return this;
    }

    /// <summary>Starts a vertical merge (w:vMerge w:val="restart").</summary>
    public DocxCell MergeRestart()
    {
        _merge = MergedCellValues.Restart;
        return this;
    }

    /// <summary>
    /// Continues the vertical merge from the cell above. Word writes a bare <c>&lt;w:vMerge/&gt;</c>;
    /// other tools write <c>w:val="continue"</c>.
    /// </summary>
    public DocxCell MergeContinue(bool explicitValue = false)
    {
        _merge = MergedCellValues.Continue;
        _mergeWithoutValue = !explicitValue;
        return this;
    }

    public TableCell Build()
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = (1500 * _span).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (_span > 1)
        {
            properties.AppendChild(new GridSpan { Val = _span });
        }

        if (_merge is { } merge)
        {
            properties.AppendChild(_mergeWithoutValue ? new VerticalMerge() : new VerticalMerge { Val = merge });
        }

        var cell = new TableCell(properties);
        cell.Append(_paragraphs());
        if (!cell.Elements<Paragraph>().Any())
        {
            cell.AppendChild(new Paragraph());
        }

        return cell;
    }
}

/// <summary>One table row: its cells, and grid columns skipped before the first cell.</summary>
internal sealed class DocxRow(IReadOnlyList<DocxCell> cells)
{
    private int _gridBefore;
    private bool _header;

    public int Columns => _gridBefore + cells.Sum(c => c.Columns);

    /// <summary>Skips <paramref name="columns"/> grid columns before the first cell (w:gridBefore).</summary>
    public DocxRow GridBefore(int columns)
    {
        _gridBefore = columns;
        return this;
    }

    /// <summary>Marks the row to repeat at the top of each page (w:tblHeader).</summary>
    public DocxRow RepeatOnEachPage()
    {
        _header = true;
        return this;
    }

    public TableRow Build()
    {
        var row = new TableRow();
        if (_gridBefore > 0 || _header)
        {
            var properties = new TableRowProperties();
            if (_gridBefore > 0)
            {
                properties.AppendChild(new GridBefore { Val = _gridBefore });
            }

            if (_header)
            {
                properties.AppendChild(new TableHeader());
            }

            row.AppendChild(properties);
        }

        foreach (var cell in cells)
        {
            row.AppendChild(cell.Build());
        }

        return row;
    }
}

/// <summary>Short names for the tests: <c>Row("1", Lines("a", "b"), Cell("x").Span(2))</c>.</summary>
internal static class DocxParts
{
    public static DocxRow Row(params DocxCell[] cells) => new(cells);

    public static DocxCell Cell(string markup) => DocxCell.Text(markup);

    public static DocxCell Lines(params string[] markups) => DocxCell.Lines(markups);

    /// <summary>The usual three-column header of these plans.</summary>
    public static DocxRow Header() => Row("TT", "Nội dung", "Cơ quan thực hiện");

    public static Paragraph Paragraph(string markup)
    {
        var paragraph = new Paragraph();
        var bold = false;
        var pieces = markup.Split("**");
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                bold = !bold;
            }

            if (pieces[i].Length == 0)
            {
                continue;
            }

            var run = new Run();
            if (bold)
            {
                run.AppendChild(new RunProperties(new Bold()));
            }

            var lines = pieces[i].Split('\n');
            for (var j = 0; j < lines.Length; j++)
            {
                if (j > 0)
                {
                    run.AppendChild(new Break());
                }

                if (lines[j].Length > 0)
                {
                    run.AppendChild(new WordText(lines[j]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }

            paragraph.AppendChild(run);
        }

        return paragraph;
    }

    public static Table Table(IReadOnlyList<DocxRow> rows)
    {
        var columns = rows.Count == 0 ? 1 : rows.Max(r => r.Columns);
        var border = new Func<BorderType, BorderType>(b =>
        {
            b.Val = BorderValues.Single;
            b.Size = 4;
            return b;
        });
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = "0", Type = TableWidthUnitValues.Auto },
                new TableBorders(
                    border(new TopBorder()), border(new LeftBorder()), border(new BottomBorder()),
                    border(new RightBorder()), border(new InsideHorizontalBorder()), border(new InsideVerticalBorder()))),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "1500" })));
        foreach (var row in rows)
        {
            table.AppendChild(row.Build());
        }

        return table;
    }
}
