using TdktBot.Core.Reports;
using TdktBot.Core.Text;
using static TdktBot.Reports.Sheets;

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
    public static readonly string[] SummaryHeader =
        ["STT", "Đơn vị", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn", "Tổng số", "Đã tiếp nhận", "Trả lại"];

    public static readonly string[] DetailHeader =
        ["STT", "Đơn vị", "Mục", "Nội dung", "Hạn", "Tình trạng", "Ngày nộp", "Số ngày làm việc trễ", "Ghi chú", "Tiếp nhận / trả lại", "Người xử lý", "Thời điểm xử lý", "Tệp lưu trữ"];

    /// <summary>The title line of both sheets.</summary>
    public static string TitleOf(ProgressReport report) =>
        $"BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {report.Year}";

    /// <summary>Writes the workbook to <paramref name="path"/> whole or not at all: beside it first, then moved over it.</summary>
    public static void Save(ProgressReport report, string path, TimeZoneInfo zone) => Sheets.Save(path, stream => Write(report, stream, zone));

    /// <summary>Writes the workbook of <paramref name="report"/> to <paramref name="stream"/>.</summary>
    public static void Write(ProgressReport report, Stream stream, TimeZoneInfo zone)
    {
        using var document = Sheets.Create(stream, out var workbook);
        string[] title =
        [
            TitleOf(report),
            report.Commune is null ? $"Phạm vi: {report.Scope.Label}" : $"Xã {report.Commune} · phạm vi: {report.Scope.Label}",
            $"Tính đến ngày {VietnameseFormat.Date(report.AsOf)}",
        ];

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
        AddSheet(workbook, "Tổng hợp", title, SummaryHeader, summary, [6, 42, 14, 14, 16, 16, 10, 12, 10]);

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
        AddSheet(workbook, "Chi tiết", title, DetailHeader, detail, [6, 34, 8, 50, 12, 26, 17, 12, 30, 16, 28, 17, 30]);
        workbook.Workbook.Save();
    }

    private static uint StateStyle(ProgressState state) => state switch
    {
        ProgressState.DoneOnTime => Green,
        ProgressState.DoneLate => Orange,
        ProgressState.OpenOverdue => Red,
        _ => Neutral,
    };
}
