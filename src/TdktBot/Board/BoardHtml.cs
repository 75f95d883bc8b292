using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TdktBot.Core.Reports;
using TdktBot.Core.Text;

namespace TdktBot.Board;

/// <summary>
/// The board's pages as HTML5: Vietnamese (<c>lang="vi"</c>), one h1 and h2s beneath it, no script and no inline style
/// (the Content-Security-Policy forbids both), one stylesheet that lays the grid out as cards on a phone and prints on
/// paper. Every state is a colour, a symbol and words.
/// </summary>
public static class BoardHtml
{
    // Vietnamese letters stay letters; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>A whole page: <paramref name="body"/> under the header (with who is signed in and a sign-out button when someone is).</summary>
    public static string Page(string title, string body, BoardViewer? viewer = null, string? commune = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" · TdktBot</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/bang.css\">\n</head>\n<body>\n<header class=\"top\">\n")
            .Append("<p class=\"brand\"><a href=\"/\">TdktBot</a>").Append(commune is null ? string.Empty : " · xã " + E(commune)).Append("</p>\n");
        if (viewer is not null)
        {
            html.Append("<form class=\"who\" method=\"post\" action=\"/thoat\"><span>")
                .Append(E(viewer.Name ?? "Người dùng")).Append(" · ").Append(E(viewer.Unit))
                .Append("</span> <button type=\"submit\">Đăng xuất</button></form>\n");
        }

        return html.Append("</header>\n<main>\n").Append(body).Append("</main>\n</body>\n</html>\n").ToString();
    }

    /// <summary>A page that only explains something (no session, a used link, a refusal), with what to do.</summary>
    public static string Notice(string title, string text, string? action = null) =>
        Page(title, $"<h1>{E(title)}</h1>\n<p>{E(text)}</p>\n" + (action is null ? string.Empty : $"<p>{E(action)}</p>\n"));

    /// <summary>The short words a cell shows after its symbol.</summary>
    public static (string Symbol, string Text, string Css) Look(CellState state) => state switch
    {
        CellState.DoneOnTime => ("✓", "Đúng hạn", "s-ontime"),
        CellState.DoneLate => ("◐", "Nộp trễ", "s-late"),
        CellState.OpenInTime => ("○", "Trong hạn", "s-open"),
        CellState.OpenOverdue => ("✗", "Quá hạn", "s-overdue"),
        _ => ("–", "Không giao", "s-none"),
    };

    /// <summary>The state as the report names it, for the legend and the counts.</summary>
    public static string Full(CellState state) => state switch
    {
        CellState.DoneOnTime => Progress.Text(ProgressState.DoneOnTime),
        CellState.DoneLate => Progress.Text(ProgressState.DoneLate),
        CellState.OpenInTime => Progress.Text(ProgressState.OpenInTime),
        CellState.OpenOverdue => Progress.Text(ProgressState.OpenOverdue),
        _ => "Không phải việc của đơn vị",
    };

    public static string Review(ReviewKind review) => review == ReviewKind.Accepted ? "✔ Đã tiếp nhận" : "↩ Trả lại";

    /// <summary>A cell's content: symbol and words, working days late, and the office's review.</summary>
    public static string Cell(BoardCell cell)
    {
        var (symbol, text, _) = Look(cell.State);
        var late = cell.State is CellState.DoneLate or CellState.OpenOverdue && cell.WorkingDaysLate > 0 ? $" {cell.WorkingDaysLate} ngày" : string.Empty;
        return $"<span class=\"sym\" aria-hidden=\"true\">{symbol}</span> {E(text + late)}"
            + (cell.Review is { } review ? $"<span class=\"review\">{E(Review(review))}</span>" : string.Empty);
    }

    public static string Date(DateOnly day) => VietnameseFormat.Date(day);

    public static string Moment(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        return $"{VietnameseFormat.Date(DateOnly.FromDateTime(local))} {local:HH\\:mm}";
    }

    /// <summary>The stylesheet: colours with text beside them, cards on a phone, black on white with colours kept on paper.</summary>
    public const string Css = """
        :root { --green: #c6efce; --green-ink: #0b4f1c; --orange: #ffd8a8; --orange-ink: #6b3500; --red: #ffc7ce; --red-ink: #7a0010;
          --grey: #ededed; --ink: #1b1b1b; --line: #b9b9b9; --link: #0b4a8b; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font-family: "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.45; }
        a { color: var(--link); }
        .top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; padding: .6rem 1rem; background: #12365c; color: #fff; }
        .top a { color: #fff; font-weight: 600; text-decoration: none; }
        .brand { margin: 0; }
        .who { margin: 0; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
        .who button, .filters button, .signin button { font: inherit; padding: .35rem .8rem; border-radius: .3rem; border: 1px solid #8aa; background: #f4f7fb; color: var(--ink); cursor: pointer; }
        main { padding: 1rem; max-width: 100%; }
        h1 { font-size: 1.35rem; margin: .2rem 0 .4rem; }
        h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
        .asof { margin: 0 0 .8rem; color: #444; }
        .filters { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; margin: .5rem 0 1rem; }
        .filters label { display: flex; flex-direction: column; font-size: .9rem; min-width: 0; max-width: 100%; }
        .filters label.check { flex-direction: row; align-items: center; gap: .3rem; }
        .filters select { font: inherit; padding: .25rem; max-width: 100%; }
        .counts { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: 0; }
        .counts li { padding: .3rem .6rem; border-radius: .3rem; border: 1px solid var(--line); }
        .s-ontime { background: var(--green); color: var(--green-ink); }
        .s-late { background: var(--orange); color: var(--orange-ink); }
        .s-overdue { background: var(--red); color: var(--red-ink); }
        .s-open { background: #fff; color: var(--ink); }
        .s-none { background: var(--grey); color: #555; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid var(--line); padding: .35rem .45rem; text-align: left; vertical-align: top; }
        thead th { background: #d9e1f2; font-size: .85rem; }
        .grid td { white-space: nowrap; font-size: .9rem; }
        .grid .item { display: none; }
        .sym { font-weight: 700; }
        .review { display: block; font-size: .8rem; }
        .due { display: block; font-weight: 400; }
        .legend { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .3rem; list-style: none; padding: 0; }
        .legend li { padding: .25rem .5rem; border: 1px solid var(--line); border-radius: .3rem; }
        .detail td, .detail th { font-size: .9rem; }
        .detail td { overflow-wrap: anywhere; }
        .detail th[scope=row] { font-weight: 400; }
        .detail td.date { white-space: nowrap; }
        .signin { margin-top: 1rem; }
        @media (max-width: 700px) {
          main { padding: .6rem; }
          .grid, .grid tbody, .grid tr, .grid th, .grid td, .grid caption { display: block; width: 100%; }
          .grid caption { text-align: left; margin-bottom: .4rem; }
          .grid thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          .grid tr { margin: 0 0 .8rem; border: 1px solid var(--line); border-radius: .3rem; overflow: hidden; }
          .grid th[scope=row] { background: #d9e1f2; border: 0; }
          .grid td { border: 0; border-top: 1px solid var(--line); white-space: normal; }
          .grid .item { display: inline; font-weight: 600; }
          .detail, .detail tbody, .detail tr, .detail td, .detail th { display: block; width: 100%; }
          .detail thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          .detail tr { margin-bottom: .6rem; border: 1px solid var(--line); }
          .detail td, .detail th { border: 0; }
          .scroll { overflow-x: visible; }
        }
        @media print {
          .top, .filters, .who, .downloads { display: none; }
          body { font-size: 10pt; }
          main { padding: 0; }
          .grid td { white-space: normal; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
          tr { break-inside: avoid; }
        }
        """;
}
