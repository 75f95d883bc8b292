using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TdktBot.Benchmarks;

/// <summary>
/// The reliability suite (tests/TdktBot.Tests/Reliability: messenger faults, SIGKILL trials, hostile input, polling
/// load) run by <c>dotnet test</c> in a child process: at full size (<c>TDKT_STRESS=1</c>: 20 kills of a 500-chat
/// broadcast, 100,000 hostile messages, 500 updates/s for 60 s), or at the reduced size of every <c>dotnet test</c>
/// with <c>--size tiny</c>. Prints each test's outcome and time and the load trial's latencies. The suite's checks are
/// its tests' assertions; there is no baseline here, and a failed test fails the scenario.
/// </summary>
internal static partial class StressScenario
{
    public static async Task<Report> RunAsync(Size size)
    {
        var full = size == Size.Full;
        var results = BenchHost.NewFolder();
        try
        {
            var started = Stopwatch.StartNew();
            var exitCode = await TestAsync(full, results);
            var elapsed = started.Elapsed;
            var trx = Directory.EnumerateFiles(results, "*.trx", SearchOption.AllDirectories).SingleOrDefault()
                      ?? throw new InvalidOperationException($"dotnet test wrote no results (exit code {exitCode}).");
            var tests = Read(trx);

            var report = new Report("stress");
            foreach (var test in tests.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                report.Row(test.Name, $"{test.Outcome}, {Report.Number(test.Duration.TotalSeconds)} s");
            }

            var passed = tests.Count(t => t.Outcome == "Passed");
            var failed = tests.Count - passed;
            report.Row("tests passed / failed", $"{passed} / {failed}", "", failed == 0 ? "PASS" : "MISS");
            report.Row("whole run", Report.Number(elapsed.TotalMinutes) + " min", "", full ? "full size (TDKT_STRESS=1)" : "reduced size");
            var load = tests.Select(t => LoadLine().Match(t.Output)).FirstOrDefault(m => m.Success);
            if (load is not null)
            {
                report.Row("load: p50 / p99 / max reply", $"{load.Groups["p50"].Value} / {load.Groups["p99"].Value} / {load.Groups["max"].Value} ms", "", load.Groups["what"].Value);
                report.Json("load_p50_ms", long.Parse(load.Groups["p50"].Value, CultureInfo.InvariantCulture));
                report.Json("load_p99_ms", long.Parse(load.Groups["p99"].Value, CultureInfo.InvariantCulture));
            }

            report.Json("size", full ? "full" : "reduced");
            report.Json("tests", tests.Count);
            report.Json("passed", passed);
            report.Json("failed", failed);
            report.Json("seconds", elapsed.TotalSeconds);
            if (failed > 0 || exitCode != 0 || tests.Count == 0)
            {
                report.Print(Console.Out);
                throw new InvalidOperationException($"The reliability suite did not pass: {failed} of {tests.Count} failed, dotnet test exit code {exitCode}.");
            }

            return report;
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    /// <summary>Runs the suite, its output passed through, its TRX file into <paramref name="results"/> (not artifacts/, which CI sums).</summary>
    private static async Task<int> TestAsync(bool full, string results)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            WorkingDirectory = BenchHost.RepositoryRoot(),
        };
        foreach (var arg in (string[])["test", "tests/TdktBot.Tests/TdktBot.Tests.csproj", "--filter", "FullyQualifiedName~Reliability",
                     "--results-directory", results, "--logger", "trx;LogFileName=stress.trx", "--nologo"])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TDKT_STRESS"] = full ? "1" : "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet test did not start.");
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static List<TestResult> Read(string trx)
    {
        XNamespace t = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        return XDocument.Load(trx).Descendants(t + "UnitTestResult")
            .Select(r => new TestResult(
                Short((string?)r.Attribute("testName") ?? "?"),
                (string?)r.Attribute("outcome") ?? "?",
                TimeSpan.TryParse((string?)r.Attribute("duration"), CultureInfo.InvariantCulture, out var duration) ? duration : TimeSpan.Zero,
                (string?)r.Element(t + "Output")?.Element(t + "StdOut") ?? ""))
            .ToList();
    }

    /// <summary>"TdktBot.Tests.Reliability.CrashTrialTests.A_broadcast…" → "CrashTrialTests.A_broadcast…", parameters kept.</summary>
    private static string Short(string name)
    {
        var method = name.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? name[..open] : name;
        var parts = method.Split('.');
        return parts.Length >= 2 ? string.Join('.', parts[^2..]) + name[method.Length..] : name;
    }

    [GeneratedRegex(@"(?<what>[0-9]+ updates at [0-9]+/s over [0-9]+ s from [0-9]+ chats): p50 (?<p50>[0-9]+) ms, p99 (?<p99>[0-9]+) ms, max (?<max>[0-9]+) ms")]
    private static partial Regex LoadLine();

    private sealed record TestResult(string Name, string Outcome, TimeSpan Duration, string Output);
}
