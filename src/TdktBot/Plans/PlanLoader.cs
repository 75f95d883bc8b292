using TdktBot.Core.Plans;
using TdktBot.Core.Units;

namespace TdktBot.Plans;

/// <summary>The unit directory and every configured plan file, read and checked together.</summary>
public sealed record LoadedPlans(UnitDirectory? Directory, IReadOnlyList<LoadedPlan> Plans, IReadOnlyList<string> Errors)
{
    public bool HasErrors => Errors.Count > 0;
}

public sealed record LoadedPlan(string File, Plan Plan);

public static class PlanLoader
{
    /// <summary>Reads the directory and all plan files; any error means nothing is loaded, so the store never holds half a plan.</summary>
    public static LoadedPlans Load(PlanOptions options)
    {
        var errors = new List<string>();
        var directoryResult = PlanFiles.LoadDirectory(PlanOptions.Resolve(options.UnitsFile));
        errors.AddRange(directoryResult.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
        if (directoryResult.Directory is not { } directory || errors.Count > 0)
        {
            return new LoadedPlans(null, [], errors);
        }

        var plans = new List<LoadedPlan>();
        foreach (var file in options.AllFiles().Select(PlanOptions.Resolve))
        {
            var result = PlanFiles.LoadPlan(file, directory);
            errors.AddRange(result.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString()));
            if (!result.HasErrors)
            {
                plans.Add(new LoadedPlan(file, result.Plan!));
            }
        }

        foreach (var year in plans.GroupBy(p => p.Plan.Year).Where(g => g.Count() > 1))
        {
            errors.Add($"Có {year.Count()} tệp kế hoạch cùng năm {year.Key} ({string.Join(", ", year.Select(p => Path.GetFileName(p.File)))}). Mỗi năm chỉ một kế hoạch; hãy bỏ bớt một tệp trong cấu hình Plan.");
        }

        return new LoadedPlans(directory, errors.Count > 0 ? [] : plans, errors);
    }
}
