using System.Globalization;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Core.Reports;
using TdktBot.Messaging;
using TdktBot.Plans;
using TdktBot.Reports;
using TdktBot.Store;

namespace TdktBot.Conversations;

/// <summary>
/// The office's paperwork in chat. "/baocao": the progress report; the .xlsx is written in the data folder's
/// <c>reports/</c>; on Telegram it follows the summary as a document, elsewhere (Zalo's Bot API sends no files, the
/// console) the summary says where it is. "/hoso D1": what the archive holds for an item, and who sent nothing.
/// </summary>
internal sealed class Reporting(PlanStore plans, ReminderPolicy policy, TimeProvider time, StoreOptions store)
{
    public async Task<Reply> ReportAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        var (quarter, item, problem) = ReportRequest.Read(intent.Text);
        if (problem is not null)
        {
            return new Reply(problem);
        }

        var (report, why) = await new ReportService(turn.Db, policy, time).BuildAsync(new ReportScope(quarter, item), plans.Directory?.Commune, ct);
        if (report is null)
        {
            return new Reply(why!);
        }

        var folder = Path.Combine(store.FolderPath, "reports");
        Directory.CreateDirectory(folder);
        var scope = report.Scope.Item is { } one ? one : report.Scope.Quarter is { } q ? $"quy{q}" : "canam";
        var path = Path.Combine(folder, $"baocao-{report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{scope}.xlsx");
        ReportWorkbook.Save(report, path, policy.Settings.TimeZone);

        var units = report.Units;
        var counts = (units.Sum(u => u.DoneOnTime), units.Sum(u => u.DoneLate), units.Sum(u => u.OpenInTime), units.Sum(u => u.OpenOverdue),
            units.Sum(u => u.Accepted), units.Sum(u => u.Returned));
        var mostOverdue = units.Where(u => u.OpenOverdue > 0).OrderByDescending(u => u.OpenOverdue).Take(5).Select(u => (u.Unit, u.OpenOverdue));
        var sendsFiles = turn.Message.Channel == Messenger.Telegram;
        var text = ReplyTexts.ReportSummary(report.Scope.Label, report.AsOf, units.Count, report.Rows.Count, counts, mostOverdue, sendsFiles ? null : path);
        return new Reply(text) { Document = sendsFiles ? path : null };
    }

    public async Task<Reply> FilesAsync(Turn turn, Intent intent, CancellationToken ct)
    {
        if (ReportRequest.ItemOf(intent.Text) is not { } item)
        {
            return new Reply(intent.Text is null ? ReplyTexts.FilesUsage : $"Chưa hiểu mục «{intent.Text.Trim()}». {ReplyTexts.FilesUsage}");
        }

        var zone = policy.Settings.TimeZone;
        var (files, problem) = await new Archive.ArchiveRegister(turn.Db, time, zone).ForItemAsync(item, ct);
        if (files is null)
        {
            return new Reply(problem!);
        }

        var received = files.Files.Select(f => (f.Unit, TimeZoneInfo.ConvertTime(f.ReceivedAt, zone).DateTime, f.Late, f.Size, f.OriginalName is null ? null : Archive.ArchiveNames.Shown(f.OriginalName))).ToList();
        return new Reply(ReplyTexts.ItemFiles(files.Subject, files.Due, received, files.Missing, files.Number));
    }
}
