using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using TdktBot.Testing;

namespace TdktBot.Benchmarks;

/// <summary>
/// The real executable in its deployed form (published as deploy/ publishes it: framework-dependent, ReadyToRun) as a
/// child process (<c>dotnet TdktBot.dll run</c>) against a fake Telegram in this process, with the bundled Hoa Thám
/// plan and a unit directory of 50 units: time from process start to its first getUpdates, and resident memory
/// (VmRSS) after idling. Baseline: the bare echo bot executable, published with the same flags and measured the same
/// way. Each is started once beforehand, untimed, so both find the files in the disk cache.
/// </summary>
internal static class FootprintScenario
{
    private const int Units = 50;

    public static async Task<Report> RunAsync(Size size)
    {
        var folder = BenchHost.NewFolder();
        try
        {
            var unitsFile = Path.Combine(folder, "don-vi.yaml");
            await File.WriteAllTextAsync(unitsFile, await UnitDirectoryAsync());
            var bot = Path.Combine(await PublishAsync("src/TdktBot/TdktBot.csproj", "bot"), "TdktBot.dll");
            var echo = Path.Combine(await PublishAsync("tests/TdktBot.Benchmarks.EchoBot/TdktBot.Benchmarks.EchoBot.csproj", "echo"), "TdktBot.Benchmarks.EchoBot.dll");
            var botSettings = new Dictionary<string, string>
            {
                ["Plan__UnitsFile"] = unitsFile,
                ["Logging__LogLevel__Default"] = "Warning",
            };

            await MeasureAsync(bot, ["run"], folder, "warm-up", botSettings, TimeSpan.Zero);
            var measured = await MeasureAsync(bot, ["run"], folder, "bot", botSettings, size.Idle);
            await MeasureAsync(echo, [], folder, "warm-up-echo", [], TimeSpan.Zero);
            var baseline = await MeasureAsync(echo, [], folder, "echo", [], size.Idle);

            var startRatio = measured.StartMs / baseline.StartMs;
            var rssRatio = measured.RssMb / baseline.RssMb;
            var report = new Report("footprint");
            report.Row("start to first getUpdates, ms", Report.Number(measured.StartMs, 0), Report.Number(baseline.StartMs, 0),
                $"ratio {Report.Number(startRatio, 2)} " + Report.Target(startRatio <= 2, "≤ 2× echo bot"));
            report.Row($"resident memory after {size.Idle.TotalSeconds:0} s idle, MB", Report.Number(measured.RssMb), Report.Number(baseline.RssMb),
                $"ratio {Report.Number(rssRatio, 2)} " + Report.Target(rssRatio <= 2, "≤ 2× echo bot"));
            report.Row("units in the directory", $"{Units}", "", "bundled Hoa Thám plan");
            report.Json("start_ms", measured.StartMs);
            report.Json("baseline_start_ms", baseline.StartMs);
            report.Json("start_ratio", startRatio);
            report.Json("rss_mb", measured.RssMb);
            report.Json("baseline_rss_mb", baseline.RssMb);
            report.Json("rss_ratio", rssRatio);
            report.Json("idle_s", size.Idle.TotalSeconds);
            return report;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Figures> MeasureAsync(string dll, string[] args, string folder, string name, Dictionary<string, string> settings, TimeSpan idle)
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var data = Path.Combine(folder, name);
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = data,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Telegram__BotToken"] = fake.Token;
        start.Environment["Telegram__ApiBaseUrl"] = fake.BaseUrl;
        start.Environment["Data__Folder"] = data;
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var startedAt = fake.Elapsed;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The process did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await fake.WaitUntilAsync(() => fake.WaitingPolls > 0 || process.HasExited, BenchHost.Patience, $"{name}: the first getUpdates");
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {await errors}");
            }

            await Task.Delay(idle);
            var rss = ResidentMb(process);

            // A long poll is recorded in Calls once it ends, with the time it arrived; killing the process ends it.
            process.Kill(entireProcessTree: true);
            await fake.WaitUntilAsync(() => fake.Calls.Any(c => c.Method == "getUpdates"), BenchHost.Patience, $"{name}: the poll recorded");
            return new Figures((fake.Calls.First(c => c.Method == "getUpdates").At - startedAt).TotalMilliseconds, rss);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Task.WhenAll(output, errors);
        }
    }

    /// <summary>
    /// Publishes <paramref name="project"/> with the flags of deploy/Dockerfile, for this machine's runtime, into
    /// artifacts/footprint/<paramref name="name"/> (incremental: a second run only checks it is up to date).
    /// </summary>
    private static async Task<string> PublishAsync(string project, string name)
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, "artifacts", "footprint", name);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in (string[])["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", output, "--nologo", "--disable-build-servers"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var said = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}): {await said}{await errors}");
        }

        return output;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TdktBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TdktBot.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>VmRSS from /proc on Linux; elsewhere the working set .NET reports.</summary>
    private static double ResidentMb(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        if (File.Exists(status))
        {
            var line = File.ReadLines(status).First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }

        process.Refresh();
        return process.WorkingSet64 / 1048576.0;
    }

    /// <summary>The bundled directory (16 units) plus neighbourhood groups up to <see cref="Units"/>.</summary>
    private static async Task<string> UnitDirectoryAsync()
    {
        var bundled = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Examples", "don-vi-hoa-tham.yaml"));
        var count = bundled.Split('\n').Count(l => l.StartsWith("  - name:", StringComparison.Ordinal));
        var more = new StringBuilder(bundled.TrimEnd()).Append('\n');
        for (var i = 1; i <= Units - count; i++)
        {
            more.Append(CultureInfo.InvariantCulture, $"  - name: Tổ dân phố số {i}\n");
        }

        return more.ToString();
    }

    private sealed record Figures(double StartMs, double RssMb);
}
