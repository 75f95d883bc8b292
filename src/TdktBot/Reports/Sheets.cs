using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TdktBot.Reports;

/// <summary>
/// The office's spreadsheets, written alike (the progress report, the archive's register): a title and two caption
/// lines, a frozen header with an autofilter, A4 landscape with the header repeated on every printed page, Times New
/// Roman; dates are real dates shown dd/MM/yyyy, numbers are numbers. Files are written whole or not at all.
/// </summary>
public static class Sheets
{
    /// <summary>The title's lines above the header.</summary>
    public const int TitleRows = 3;

    private const int HeaderRow = TitleRows + 1;

    // Style indexes, in the order Styles() writes them.
    public const uint Plain = 0;
    public const uint Title = 1;
    public const uint Header = 2;
    public const uint Date = 3;
    public const uint Green = 4;
    public const uint Orange = 5;
    public const uint Red = 6;
    public const uint Neutral = 7;
    public const uint Bold = 8;
    public const uint DateTimeStyle = 9;
    public const uint Caption = 10;

    /// <summary>Writes a workbook to <paramref name="path"/> whole or not at all: beside it first, then moved over it.</summary>
    public static void Save(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A new workbook on <paramref name="stream"/> with the shared styles; add sheets, then save its workbook.</summary>
    public static SpreadsheetDocument Create(Stream stream, out WorkbookPart workbook)
    {
        var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        return document;
    }

    public static void AddSheet(WorkbookPart workbook, string name, IReadOnlyList<string> title, string[] header, List<Cell[]> rows, double[] widths)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var columns = header.Length;
        for (var i = 0; i < TitleRows; i++)
        {
            data.Append(Row((uint)(i + 1), Text(i < title.Count ? title[i] : string.Empty, i == 0 ? Title : Caption)));
        }

        var headings = Row(HeaderRow, [.. header.Select(h => Text(h, Header))]);
        headings.Height = 32;
        headings.CustomHeight = true;
        data.Append(headings);
        for (var i = 0; i < rows.Count; i++)
        {
            data.Append(Row((uint)(HeaderRow + 1 + i), rows[i]));
        }

        var last = Column(columns) + (HeaderRow + Math.Max(rows.Count, 1)).ToString(CultureInfo.InvariantCulture);
        part.Worksheet = new Worksheet(
            new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = HeaderRow,
                TopLeftCell = $"A{HeaderRow + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { TabSelected = !workbook.Workbook.Sheets!.Any(), WorkbookViewId = 0 }),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
            data,
            new AutoFilter { Reference = $"A{HeaderRow}:{last}" },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        part.Worksheet.InsertAt(new SheetProperties(new PageSetupProperties { FitToPage = true }), 0);

        var sheets = workbook.Workbook.Sheets!;
        var id = (uint)sheets.Count();
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id + 1, Name = name });

        // The autofilter's range and the header repeated on every printed page, as Excel names them.
        var names = workbook.Workbook.DefinedNames ??= new DefinedNames();
        names.Append(new DefinedName($"'{name}'!$A${HeaderRow}:${Column(columns)}${HeaderRow + Math.Max(rows.Count, 1)}")
        { Name = "_xlnm._FilterDatabase", LocalSheetId = id, Hidden = true });
        names.Append(new DefinedName($"'{name}'!${HeaderRow}:${HeaderRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = id });
    }

    public static Row Row(uint index, params Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = Column(i + 1) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cells[i]);
        }

        return row;
    }

    public static Cell Text(string text, uint style = Plain) =>
        new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        { DataType = CellValues.InlineString, StyleIndex = style };

    public static Cell Number(long value, uint style = Plain) =>
        new(new CellValue((double)value)) { DataType = CellValues.Number, StyleIndex = style };

    public static Cell Day(DateOnly day) =>
        new(new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate())) { StyleIndex = Date };

    // To the minute, as shown: a cell that holds seconds would filter and compare unlike what the office sees.
    public static Cell Moment(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return new(new CellValue(local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)).ToOADate())) { StyleIndex = DateTimeStyle };
    }

    public static string Column(int index) => index <= 26 ? ((char)('A' + index - 1)).ToString() : Column((index - 1) / 26) + (char)('A' + ((index - 1) % 26));

    private static Stylesheet Styles()
    {
        static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        static Border Thin() => new(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        static CellFormat Format(uint font, uint fill, uint border, uint numberFormat = 0, bool wrap = false) => new(new Alignment { WrapText = wrap, Vertical = VerticalAlignmentValues.Top })
        {
            FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
            ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = numberFormat != 0, ApplyAlignment = true,
        };

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "dd/mm/yyyy hh:mm" })
            { Count = 2 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 13 }, new FontName { Val = "Times New Roman" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" }))
            { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFC6EFCE"), Solid("FFFFD8A8"), Solid("FFFFC7CE"), Solid("FFEDEDED"), Solid("FFD9E1F2"))
            { Count = 7 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), Thin()) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(0, 0, 1, wrap: true),     // Plain
                Format(1, 0, 0),                 // Title
                Format(2, 6, 1, wrap: true),     // Header
                Format(0, 0, 1, 164),            // Date
                Format(0, 2, 1, wrap: true),     // Green
                Format(0, 3, 1, wrap: true),     // Orange
                Format(0, 4, 1, wrap: true),     // Red
                Format(0, 5, 1, wrap: true),     // Neutral
                Format(2, 0, 1),                 // Bold
                Format(0, 0, 1, 165),            // DateTimeStyle
                Format(0, 0, 0))                 // Caption
            { Count = 11 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}
