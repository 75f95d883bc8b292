using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Worker;

/// <summary>
/// Editable copies of the bundled Hoa Thám plan and unit directory in a scratch folder, with the bot's data
/// folder beside them, so a test can change the plan on disk the way the office would.
/// </summary>
internal sealed partial class PlanFolder : IDisposable
{
    public const string PlanName = "ke-hoach-tdkt-2026-hoa-tham.yaml";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TempFolder _folder = new();

    public PlanFolder()
    {
        PlanFile = _folder.File(PlanName);
        UnitsFile = _folder.File("don-vi-hoa-tham.yaml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Examples", PlanName), PlanFile);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Examples", "don-vi-hoa-tham.yaml"), UnitsFile);
        DataFolder = _folder.File("data");
    }

    public string Folder => _folder.Path;

    public string PlanFile { get; }

    public string UnitsFile { get; }

    public string DataFolder { get; }

    public void Dispose() => _folder.Dispose();

    /// <summary>The settings that point the bot at these copies and this data folder.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Plan:File"] = PlanFile,
        ["Plan:UnitsFile"] = UnitsFile,
        ["Data:Folder"] = DataFolder,
    };

    /// <summary>Sets a deadline's due date by rewriting the file in place, as File.WriteAllText and simple editors do.</summary>
    public void MoveDeadline(string id, string due) => File.WriteAllText(PlanFile, WithDue(id, due));

    /// <summary>Sets a deadline's due date through a temporary file renamed over the plan, as many editors save.</summary>
    public void MoveDeadlineAtomically(string id, string due)
    {
        var temp = Path.Combine(Folder, $".{PlanName}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, WithDue(id, due));
        File.Move(temp, PlanFile, overwrite: true);
    }

    /// <summary>Saves the plan with a YAML syntax error on the deadline's due line; returns that line's number.</summary>
    public int BreakDeadline(string id)
    {
        var text = File.ReadAllText(PlanFile);
        var match = DueLine(id).Match(text);
        Assert.True(match.Success, $"no due line for {id}");
        File.WriteAllText(PlanFile, text[..match.Index] + match.Groups["head"].Value + "2026-10-20: x" + text[(match.Index + match.Length)..]);
        return text[..match.Index].Count(c => c == '\n') + 2;
    }

    /// <summary>Saves the plan cut off just before task <paramref name="number"/>, as a save cut short leaves it; returns the whole text.</summary>
    public string CutBeforeTask(string number)
    {
        var whole = File.ReadAllText(PlanFile);
        File.WriteAllText(PlanFile, whole[..whole.IndexOf($"  - number: \"{number}\"\n", StringComparison.Ordinal)]);
        return whole;
    }

    /// <summary>Saves the plan without the tasks numbered <paramref name="numbers"/>.</summary>
    public void RemoveTasks(params string[] numbers)
    {
        var text = File.ReadAllText(PlanFile);
        foreach (var number in numbers)
        {
            var task = new Regex($"^  - number: \"{Regex.Escape(number)}\"\n(?: {{4}}.*\n)*", RegexOptions.Multiline | RegexOptions.CultureInvariant);
            Assert.Single(task.Matches(text));
            text = task.Replace(text, string.Empty);
        }

        File.WriteAllText(PlanFile, text);
    }

    public TdktDbContext OpenStore() => new(TdktStore.Options($"Data Source={Path.Combine(DataFolder, "tdkt.db")}"));

    public async Task<DateOnly> DueInStoreAsync(string number)
    {
        await using var db = OpenStore();
        return await db.Targets.Where(t => t.Number == number).Select(t => t.Due).SingleAsync();
    }

    /// <summary>Polls the store until <paramref name="number"/> is due on <paramref name="due"/>, for at most 10 s.</summary>
    public async Task WaitForDueAsync(string number, DateOnly due)
    {
        var deadline = DateTime.UtcNow + Patience;
        DateOnly stored;
        while ((stored = await DueInStoreAsync(number)) != due)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{number} is still due {stored:yyyy-MM-dd} in the store after {Patience.TotalSeconds} s, not {due:yyyy-MM-dd}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Everything a reload may change, to compare before and after one that must change nothing.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = OpenStore();
        var plans = await db.Plans.OrderBy(p => p.Year).Select(p => $"{p.Year} {p.Title} {p.SourceFile} {p.LoadedAt:O}").ToListAsync();
        var targets = (await db.Targets.OrderBy(t => t.Id).ToListAsync())
            .Select(t => $"{t.Id} {t.Kind} {t.Number} {t.Due:yyyy-MM-dd} {t.InPlan} {t.Content}");
        var obligations = (await db.Obligations.OrderBy(o => o.Id).ToListAsync())
            .Select(o => $"{o.Id} {o.TargetId} {o.UnitId} {o.Status} {o.Active} {o.ScheduleFrom:O}");
        var units = await db.Units.OrderBy(u => u.Id).Select(u => $"{u.Id} {u.Name} {u.InDirectory}").ToListAsync();
        var audit = await db.Audit.CountAsync();
        return string.Join('\n', [.. plans, .. targets, .. obligations, .. units, $"audit {audit}"]);
    }

    public async Task<Dictionary<string, ObligationStatus>> StatusesAsync(string number)
    {
        await using var db = OpenStore();
        return await db.Obligations.Where(o => o.Target.Number == number).Select(o => new { o.Unit.Name, o.Status })
            .ToDictionaryAsync(o => o.Name, o => o.Status);
    }

    private string WithDue(string id, string due)
    {
        var text = File.ReadAllText(PlanFile);
        Assert.Single(DueLine(id).Matches(text));
        return DueLine(id).Replace(text, m => m.Groups["head"].Value + due);
    }

    private static Regex DueLine(string id) => new($"(?<head>  - id: {Regex.Escape(id)}\n    due: )[^\n]*", RegexOptions.CultureInvariant);
}
