using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TdktBot.Core.Plans;
using TdktBot.Data;
using TdktBot.Data.Entities;

namespace TdktBot.Plans;

/// <summary>
/// What a reload would take out of a plan already in the store. A file cut in half by a bad save reads as a valid plan
/// with fewer items, so a reload that drops too much waits for the office to say it is meant.
/// </summary>
/// <param name="Old">Items (tasks and deadlines) the store schedules now.</param>
/// <param name="New">Items in the file.</param>
/// <param name="Dropped">Items of the store the file no longer has.</param>
/// <param name="EmptiedQuarters">Quarters that have tasks in the store and none in the file.</param>
/// <param name="LoadedAt">When the store's plan was last loaded: a later load means the hold was settled some other way.</param>
/// <param name="DroppedKey">A short fingerprint of what is dropped, so the office is told once about each such file.</param>
public sealed record PlanShrink(int Year, string File, int Old, int New, int Dropped, IReadOnlyList<int> EmptiedQuarters, DateTimeOffset? LoadedAt, string DroppedKey)
{
    /// <summary>More than a third of the items, or every task of a quarter that had some.</summary>
    public bool TooMuch => Dropped * 3 > Old || EmptiedQuarters.Count > 0;

    public string Counts =>
        $"tệp «{File}» có {New} mục, lịch đang dùng có {Old} mục, nạp lại sẽ bỏ {Dropped} mục" +
        (EmptiedQuarters.Count == 0 ? string.Empty : $" (hết mọi việc của quý {string.Join(", ", EmptiedQuarters.Select(Quarter.ToRoman))})");

    /// <summary>For the log and <c>plan reload</c>: what was held and how to go on.</summary>
    public string HeldMessage =>
        $"Chưa nạp lại kế hoạch năm {Year}: {Counts}. Bot giữ lịch cũ và đã báo văn phòng. " +
        "Nếu tệp bị cắt cụt hoặc lưu nhầm, hãy khôi phục tệp; nếu đúng là muốn bỏ các mục đó, chạy «plan reload --accept-shrink» hoặc gửi /apdung cho bot.";

    public string AppliedMessage => $"Đã áp dụng theo yêu cầu: kế hoạch năm {Year}, {Counts}.";

    /// <summary>Said when a later load no longer drops too much (the file was restored): the held change is gone, not applied.</summary>
    public string DroppedMessage => $"Lần nạp lại đang giữ của kế hoạch năm {Year} (bỏ {Dropped} mục) đã hủy, không áp dụng: tệp «{File}» hiện không còn bỏ nhiều mục.";

    /// <summary>Compares <paramref name="plan"/> with what the store schedules for its year; a plan new to the store drops nothing.</summary>
    public static async Task<PlanShrink> MeasureAsync(TdktDbContext db, Plan plan, string file, CancellationToken ct)
    {
        var loadedAt = await db.Plans.Where(p => p.Year == plan.Year).Select(p => (DateTimeOffset?)p.LoadedAt).SingleOrDefaultAsync(ct);
        var stored = await db.Targets.Where(t => t.Plan.Year == plan.Year && t.InPlan).Select(t => new { t.Kind, t.Number, t.Quarter }).ToListAsync(ct);

        var kept = plan.Tasks.Select(t => (TargetKind.Task, t.Number)).Concat(plan.Deadlines.Select(d => (TargetKind.Deadline, d.Id))).ToHashSet();
        var dropped = stored.Where(t => !kept.Contains((t.Kind, t.Number))).Select(t => $"{t.Kind}:{t.Number}").Order(StringComparer.Ordinal).ToList();
        var emptied = stored.Where(t => t.Kind == TargetKind.Task && t.Quarter is { } q && !plan.TasksIn(q).Any())
            .Select(t => t.Quarter!.Value).Distinct().Order().ToList();
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', dropped))))[..12];
        return new PlanShrink(plan.Year, file, stored.Count, kept.Count, dropped.Count, emptied, loadedAt, key);
    }

    /// <summary>
    /// The office's notice, once per store state and dropped set: a restore and a second bad save tell it again, a restart
    /// of the bot with the same bad file does not.
    /// </summary>
    public string NoticeKey(long chatId) => string.Create(CultureInfo.InvariantCulture,
        $"plan-shrink:{Year}:{LoadedAt?.ToUnixTimeMilliseconds()}:{DroppedKey}>{chatId}");
}
