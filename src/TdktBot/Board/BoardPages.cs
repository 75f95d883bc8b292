using System.Globalization;
using System.Text;
using TdktBot.Core.Reports;
using TdktBot.Core.Text;
using TdktBot.Core.Units;
using static TdktBot.Board.BoardHtml;

namespace TdktBot.Board;

/// <summary>The board's own pages: the grid, a unit's page, and the sign-in step.</summary>
public static class BoardPages
{
    private static readonly CellState[] States = [CellState.DoneOnTime, CellState.DoneLate, CellState.OpenInTime, CellState.OpenOverdue, CellState.NotOwed];

    public static string Grid(BoardGridModel grid, BoardViewer viewer, UnitDirectory? directory)
    {
        var filter = grid.Filter;
        var scope = filter.Quarter is { } q ? $"quý {q}" : "cả năm";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>Bảng theo dõi kế hoạch thi đua, khen thưởng năm {grid.Year}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"asof\">Tính đến ngày {Date(grid.AsOf)} · {E(scope)}")
            .Append(viewer.SeesAllUnits ? string.Empty : $" · chỉ đơn vị {E(viewer.Unit)}").Append("</p>\n");

        // Filters: a plain GET form, so each view has its own address to share or bookmark.
        html.Append("<form class=\"filters\" method=\"get\" action=\"/\">\n<label>Quý <select name=\"quy\">")
            .Append(Option("", "Cả năm", filter.Quarter is null));
        for (var n = 1; n <= 4; n++)
        {
            html.Append(Option(n.ToString(CultureInfo.InvariantCulture), $"Quý {n}", filter.Quarter == n));
        }

        html.Append("</select></label>\n");
        if (viewer.SeesAllUnits && directory is not null)
        {
            html.Append("<label>Nhóm đơn vị <select name=\"nhom\">").Append(Option("", "Tất cả đơn vị", string.IsNullOrEmpty(filter.Group)));
            foreach (var group in directory.Groups.Where(g => !g.IncludesAll))
            {
                html.Append(Option(group.Id, group.Name, string.Equals(group.Id, filter.Group, StringComparison.OrdinalIgnoreCase)));
            }

            html.Append("</select></label>\n");
        }

        html.Append("<label class=\"check\"><input type=\"checkbox\" name=\"tre\" value=\"1\"").Append(filter.LateOnly ? " checked" : string.Empty)
            .Append("> Chỉ việc quá hạn chưa hoàn thành</label>\n<button type=\"submit\">Xem</button>\n</form>\n");

        html.Append("<h2>Tổng số theo tình trạng</h2>\n<ul class=\"counts\">\n");
        foreach (var state in States.Where(s => s != CellState.NotOwed))
        {
            var (symbol, _, css) = Look(state);
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"{css}\" data-state=\"{css}\">{symbol} {E(Full(state))}: <strong>{grid.Count(state)}</strong></li>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<li data-state=\"accepted\">{E(Review(ReviewKind.Accepted))}: <strong>{grid.Count(ReviewKind.Accepted)}</strong></li>\n")
            .Append(CultureInfo.InvariantCulture, $"<li data-state=\"returned\">{E(Review(ReviewKind.Returned))}: <strong>{grid.Count(ReviewKind.Returned)}</strong></li>\n</ul>\n");

        html.Append("<h2>Từng đơn vị</h2>\n");
        if (grid.Rows.Count == 0 || grid.Columns.Count == 0)
        {
            html.Append(filter.LateOnly ? "<p>Không có việc nào quá hạn mà chưa hoàn thành.</p>\n" : "<p>Không có việc nào trong phạm vi này.</p>\n");
        }
        else
        {
            html.Append("<div class=\"scroll\">\n<table class=\"grid\">\n<caption>Tình trạng từng việc của từng đơn vị, ").Append(E(scope)).Append("</caption>\n<thead>\n<tr><th scope=\"col\">Đơn vị</th>");
            foreach (var column in grid.Columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" title=\"{E(VietnameseFormat.Shorten(column.Content, 200))}\">{E(column.Label)}<span class=\"due\">{Date(column.Due)}</span></th>");
            }

            html.Append("</tr>\n</thead>\n<tbody>\n");
            foreach (var row in grid.Rows)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr data-unit=\"{E(row.Unit)}\"><th scope=\"row\"><a href=\"/don-vi/{row.UnitId}\">{E(row.Unit)}</a></th>");
                for (var i = 0; i < grid.Columns.Count; i++)
                {
                    var column = grid.Columns[i];
                    var cell = row.Cells[i];
                    html.Append(CultureInfo.InvariantCulture, $"<td class=\"{Look(cell.State).Css}\" data-item=\"{E(column.Number)}\" data-state=\"{Look(cell.State).Css}\">")
                        .Append(CultureInfo.InvariantCulture, $"<span class=\"item\">{E(column.Label)} · {Date(column.Due)}: </span>")
                        .Append(Cell(cell)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        html.Append("<h2>Chú giải</h2>\n<ul class=\"legend\">\n");
        foreach (var state in States)
        {
            var (symbol, text, css) = Look(state);
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"{css}\"><span class=\"sym\" aria-hidden=\"true\">{symbol}</span> {E(text)}: {E(Full(state))}</li>\n");
        }

        html.Append("<li>").Append(E(Review(ReviewKind.Accepted))).Append(": văn phòng đã tiếp nhận hồ sơ</li>\n<li>")
            .Append(E(Review(ReviewKind.Returned))).Append(": văn phòng trả lại, đơn vị cần nộp lại</li>\n</ul>\n");
        html.Append(Downloads(viewer, filter.Quarter));
        return html.ToString();
    }

    public static string Unit(BoardUnitModel unit, TimeZoneInfo zone, BoardViewer viewer)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(unit.Unit)).Append("</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"asof\">Kế hoạch năm {unit.Year} · tính đến ngày {Date(unit.AsOf)}")
            .Append(viewer.SeesAllUnits ? " · <a href=\"/\">về bảng theo dõi</a>" : string.Empty).Append("</p>\n");

        html.Append("<h2>Các việc của đơn vị</h2>\n");
        if (unit.Items.Count == 0)
        {
            html.Append("<p>Đơn vị không có việc nào trong kế hoạch năm nay.</p>\n");
        }
        else
        {
            html.Append("<table class=\"detail\">\n<thead><tr><th scope=\"col\">Việc</th><th scope=\"col\">Hạn</th><th scope=\"col\">Tình trạng</th>")
                .Append("<th scope=\"col\">Ngày nộp</th><th scope=\"col\">Ghi chú</th></tr></thead>\n<tbody>\n");
            foreach (var row in unit.Items)
            {
                var s = row.Standing;
                var cell = BoardCell.Of(row);
                html.Append(CultureInfo.InvariantCulture, $"<tr data-item=\"{E(s.Number)}\"><th scope=\"row\">{E(s.IsDeadline ? s.Number : $"NV {s.Number}")}: {E(VietnameseFormat.Shorten(s.Content, 160))}</th>")
                    .Append(CultureInfo.InvariantCulture, $"<td class=\"date\">{Date(s.Due)}</td><td class=\"{Look(cell.State).Css}\">{Cell(cell)}</td>")
                    .Append("<td class=\"date\">").Append(s.Done && s.SubmittedAt is { } at ? Moment(at, zone) : "—").Append("</td>")
                    .Append("<td>").Append(E(s.Review is { Kind: ReviewKind.Returned, Reason: { } reason } && !s.Done ? $"Lý do trả lại: {reason}" : s.Note ?? string.Empty)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>Lịch sử nộp, tiếp nhận, trả lại</h2>\n");
        if (unit.History.Count == 0)
        {
            html.Append("<p>Chưa có lần nộp nào.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"history\">\n");
            foreach (var step in unit.History)
            {
                html.Append("<li>").Append(Moment(step.At, zone)).Append(" · ").Append(E($"{step.What} {step.Item}")).Append(" · ").Append(E(step.By))
                    .Append(step.Note is null ? string.Empty : " · " + E(step.Note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Tệp đã gửi</h2>\n");
        if (unit.Files.Count == 0)
        {
            html.Append("<p>Đơn vị chưa gửi tệp nào kèm xác nhận nộp.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"files\">\n");
            foreach (var file in unit.Files)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/tep/{file.Id}\" download>{E(file.Name)}</a> · {E(file.Item)} · {Moment(file.At, zone)} · {E(VietnameseFormat.Size(file.Size))}")
                    .Append(file.Late ? " · nộp muộn" : string.Empty).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append(Downloads(viewer, null)).ToString();
    }

    /// <summary>The step between a chat's link and a session: a button, so a link preview fetching the address does not use it up.</summary>
    public static string SignIn(BoardViewer viewer, string secret) =>
        "<h1>Đăng nhập bảng theo dõi</h1>\n"
        + $"<p>Xin chào {E(viewer.Name ?? "bạn")} ({E(viewer.Unit)}). Bấm nút dưới đây để mở bảng theo dõi; phiên làm việc kéo dài 12 giờ trên trình duyệt này.</p>\n"
        + "<p>Đường dẫn đăng nhập chỉ dùng được một lần.</p>\n"
        + $"<form class=\"signin\" method=\"post\" action=\"/vao\"><input type=\"hidden\" name=\"ma\" value=\"{E(secret)}\"><button type=\"submit\">Mở bảng theo dõi</button></form>\n";

    private static string Downloads(BoardViewer viewer, int? quarter)
    {
        var html = new StringBuilder("<h2>Tải về</h2>\n<ul class=\"downloads\">\n");
        if (viewer.May(Core.Access.Act.Report))
        {
            var query = quarter is { } q ? $"?quy={q.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            html.Append("<li><a href=\"/bao-cao.xlsx").Append(query).Append("\">Báo cáo Excel").Append(quarter is { } n ? $" quý {n.ToString(CultureInfo.InvariantCulture)}" : " cả năm").Append(" (.xlsx)</a></li>\n");
        }

        html.Append("<li><a href=\"/lich.ics\">Lịch các hạn")
            .Append(viewer.SeesAllUnits ? string.Empty : " của đơn vị")
            .Append(" cho điện thoại, Google Calendar, Outlook (.ics)</a></li>\n</ul>\n");
        return html.ToString();
    }

    private static string Option(string value, string text, bool selected) =>
        $"<option value=\"{E(value)}\"{(selected ? " selected" : string.Empty)}>{E(text)}</option>";
}
