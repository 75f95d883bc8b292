using System.Globalization;
using System.Text.Json;

namespace TdktBot.Benchmarks;

/// <summary>
/// What a scenario prints: a readable table of figures (name, value, the baseline's value, a note such as a
/// target's PASS/MISS), then, as the very last line, one JSON object with the figures for machines.
/// </summary>
internal sealed class Report(string scenario)
{
    private readonly List<string[]> _rows = [];
    private readonly Dictionary<string, object> _json = new(StringComparer.Ordinal) { ["scenario"] = scenario };

    public string Scenario { get; } = scenario;

    public static string Number(double value, int decimals = 1) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    /// <summary>PASS or MISS and what the target is, for the note column.</summary>
    public static string Target(bool met, string target) => (met ? "PASS" : "MISS") + " (target " + target + ")";

    /// <summary>A shortened ratio for the JSON (three decimals are plenty for a figure with run-to-run noise).</summary>
    public static double Round(double value, int decimals = 3) =>
        double.IsFinite(value) ? Math.Round(value, decimals) : -1;

    public void Row(string name, string value, string baseline = "", string note = "") => _rows.Add([name, value, baseline, note]);

    public void Json(string key, double value) => _json[key] = Round(value);

    public void Json(string key, long value) => _json[key] = value;

    public void Json(string key, string value) => _json[key] = value;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] header = ["figure", Scenario, "baseline", "note"];
        var widths = Enumerable.Range(0, header.Length)
            .Select(i => _rows.Select(r => r[i].Length).Append(header[i].Length).Max())
            .ToArray();
        output.WriteLine();
        Line(output, header, widths);
        Line(output, [.. widths.Select(w => new string('-', w))], widths);
        foreach (var row in _rows)
        {
            Line(output, row, widths);
        }

        output.WriteLine(JsonSerializer.Serialize(_json));
    }

    private static void Line(TextWriter output, string[] cells, int[] widths) =>
        output.WriteLine(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
}
