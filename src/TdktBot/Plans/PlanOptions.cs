namespace TdktBot.Plans;

/// <summary>Where the plan and the unit directory live (section "Plan").</summary>
public sealed class PlanOptions
{
    public const string Section = "Plan";

    /// <summary>The editable plan file (YAML) the worker loads; relative paths are from the app's folder.</summary>
    public string File { get; set; } = "Examples/ke-hoach-tdkt-2026-hoa-tham.yaml";

    /// <summary>Plans of other years loaded beside <see cref="File"/> (one plan per year).</summary>
    public List<string> AdditionalFiles { get; set; } = [];

    /// <summary>The unit directory (YAML).</summary>
    public string UnitsFile { get; set; } = "Examples/don-vi-hoa-tham.yaml";

    public IEnumerable<string> AllFiles() => AdditionalFiles.Prepend(File);

    public static string Resolve(string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
}
