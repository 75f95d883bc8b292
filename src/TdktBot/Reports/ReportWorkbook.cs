using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TdktBot.Core.Reports;
using TdktBot.Core.Text;

namespace TdktBot.Reports;

/// <summary>
/// The report as an .xlsx workbook the office prints or sends upward: "Tổng hợp" (a row per unit with its counts in the
/// four states, accepted and returned beside them, and a total) and "Chi tiết" (a row per unit × item). Each sheet has
/// a title, the commune and the day it stands on, a frozen header with an autofilter, A4 landscape with the header
/// repeated on every printed page; dates are real dates shown dd/MM/yyyy, counts are numbers, and a state's cell is
/// coloured and says its state in words.
/// </summary>
public static class ReportWorkbook
{
    private const int HeaderRow = 4;

    // Style indexes, in the order Styles() writes them.
    private const uint Plain = 0;
    private const uint Title = 1;
    private const uint Header = 2;
    private const uint Date = 3;
    private const uint Green = 4;
    private const uint Orange = 5;
    private const uint Red = 6;
    private const uint Neutral = 7;
    private const uint Bold = 8;
    private const uint DateTimeStyle = 9;
    private const uint Caption = 10;

    public static readonly string[] SummaryHeader =
        ["STT", "Đơn vị", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn", "Tổng số", "Đã tiếp nhận", "Trả lại"];

    public static readonly string[] DetailHeader =
        ["STT", "Đơn vị", "Mục", "Nội dung", "Hạn", "Tình trạng", "Ngày nộp", "Số ngày làm việc trễ", "Ghi chú", "Tiếp nhận / trả lại", "Người xử lý", "Thời điểm xử lý", "Tệp lưu trữ"];

    /// <summary>The title line of both sheets.</summary>
    public static string TitleOf(ProgressReport report) =>
        $"BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {report.Year}";

    /// <summary>Writes the workbook to <paramref name="path"/> whole or not at all: beside it first, then moved over it.</summary>
    public static void Save(ProgressReport report, string path, TimeZoneInfo zone)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var stream = File.Create(temporary))
            {
                Write(report, stream, zone);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes the workbook of <paramref name="report"/> to <paramref name="stream"/>.</summary>
    public static void Write(ProgressReport report, Stream stream, TimeZoneInfo zone)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();

        var units = report.Units;
        var summary = units.Select((u, i) => new[]
        {
            Number(i + 1), Text(u.Unit), Number(u.DoneOnTime, Green), Number(u.DoneLate, Orange), Number(u.OpenInTime, Neutral),
            Number(u.OpenOverdue, Red), Number(u.Total), Number(u.Accepted), Number(u.Returned),
        }).ToList();
        summary.Add(
        [
            Text(string.Empty, Bold), Text("Tổng cộng", Bold), Number(units.Sum(u => u.DoneOnTime), Bold), Number(units.Sum(u => u.DoneLate), Bold),
            Number(units.Sum(u => u.OpenInTime), Bold), Number(units.Sum(u => u.OpenOverdue), Bold), Number(units.Sum(u => u.Total), Bold),
            Number(units.Sum(u => u.Accepted), Bold), Number(units.Sum(u => u.Returned), Bold),
        ]);
        AddSheet(workbook, "Tổng hợp", report, SummaryHeader, summary, [6, 42, 14, 14, 16, 16, 10, 12, 10]);

        var detail = report.Rows.Select((r, i) => new[]
        {
            Number(i + 1), Text(r.Standing.Unit), Text(r.Standing.IsDeadline ? r.Standing.Number : $"NV {r.Standing.Number}"),
            Text(VietnameseFormat.Shorten(r.Standing.Content, 200)), Day(r.Standing.Due), Text(Progress.Text(r.State), StateStyle(r.State)),
            r.Standing.SubmittedAt is { } at && r.Standing.Done ? Moment(at, zone) : Text(string.Empty),
            Number(r.WorkingDaysLate), Text(r.Standing.Review?.Reason is { } reason ? $"Lý do trả lại: {reason}" : r.Standing.Note ?? string.Empty),
            Text(r.Standing.Review?.Kind switch { ReviewKind.Accepted => "Đã tiếp nhận", ReviewKind.Returned => "Trả lại", _ => string.Empty }),
            Text(r.Standing.Review?.By ?? string.Empty),
            r.Standing.Review is { } review ? Moment(review.At, zone) : Text(string.Empty),
            Text(r.Standing.File ?? string.Empty),
        }).ToList();
        AddSheet(workbook, "Chi tiết", report, DetailHeader, detail, [6, 34, 8, 50, 12, 26, 17, 12, 30, 16, 28, 17, 30]);
        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, string name, ProgressReport report, string[] header, List<Cell[]> rows, double[] widths)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        var columns = header.Length;
        data.Append(Row(1, Text(TitleOf(report), Title)));
        data.Append(Row(2, Text(report.Commune is null ? $"Phạm vi: {report.Scope.Label}" : $"Xã {report.Commune} · phạm vi: {report.Scope.Label}", Caption)));
        data.Append(Row(3, Text($"Tính đến ngày {VietnameseFormat.Date(report.AsOf)}", Caption)));
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

    private static Row Row(uint index, params Cell[] cells)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = Column(i + 1) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cells[i]);
        }

        return row;
    }

    private static Cell Text(string text, uint style = Plain) =>
        new(new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        { DataType = CellValues.InlineString, StyleIndex = style };

    private static Cell Number(int value, uint style = Plain) =>
        new(new CellValue(value)) { DataType = CellValues.Number, StyleIndex = style };

    private static Cell Day(DateOnly day) =>
        new(new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate())) { StyleIndex = Date };

    // To the minute, as shown: a cell that holds seconds would filter and compare unlike what the office sees.
    private static Cell Moment(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return new(new CellValue(local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute)).ToOADate())) { StyleIndex = DateTimeStyle };
    }

    private static uint StateStyle(ProgressState state) => state switch
    {
        ProgressState.DoneOnTime => Green,
        ProgressState.DoneLate => Orange,
        ProgressState.OpenOverdue => Red,
        _ => Neutral,
    };

    private static string Column(int index) => index <= 26 ? ((char)('A' + index - 1)).ToString() : Column((index - 1) / 26) + (char)('A' + ((index - 1) % 26));

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
