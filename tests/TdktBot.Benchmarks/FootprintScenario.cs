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
/// (VmRSS) after idling, restarted on the store its first start made (that first start is shown too). Baseline: the
/// bare echo bot executable, published with the same flags and measured the same way. Beside them, the required stack
/// alone (TdktBot.Benchmarks.StackBot: the echo bot in the generic host with the EF Core store and Quartz's persistent
/// store), to show what of the figure is the bot's own. Each is started once beforehand, untimed, so all find their
/// files in the disk cache.
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
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
            var botSettings = new Dictionary<string, string>
            {
                ["Plan__UnitsFile"] = unitsFile,
                ["Logging__LogLevel__Default"] = "Warning",

                // Measured as in working hours, whenever the benchmark runs: the catch-up sweep at each start reads the
                // store only on a working day between Reminders:At and LatestAt, and then holds EF Core's query code.
                ["Reminders__At"] = "00:00",
                ["Reminders__LatestAt"] = "23:59:59",
                [$"Calendar__Years__{today.Year}__WorkingDays__99"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var bot = new Subject("bot", Path.Combine(await PublishAsync("src/TdktBot/TdktBot.csproj", "bot"), "TdktBot.dll"), ["run"], Path.Combine(folder, "bot"), botSettings);
            var echo = new Subject("echo", Path.Combine(await PublishAsync("tests/TdktBot.Benchmarks.EchoBot/TdktBot.Benchmarks.EchoBot.csproj", "echo"), "TdktBot.Benchmarks.EchoBot.dll"), [], Path.Combine(folder, "echo"), []);
            var stack = new Subject("stack", Path.Combine(await PublishAsync("tests/TdktBot.Benchmarks.StackBot/TdktBot.Benchmarks.StackBot.csproj", "stack"), "TdktBot.Benchmarks.StackBot.dll"), [], Path.Combine(folder, "stack"), []);

            // The bot as it runs most of its life: restarted on a store it made before. Its first start on a new store
            // (migrations, plan import, the office's first code) is measured too, and shown beside it.
            await MeasureAsync(bot with { Data = Path.Combine(folder, "scratch") }, "warm-up", TimeSpan.Zero);
            if (int.TryParse(Environment.GetEnvironmentVariable("TDKT_FOOTPRINT_RESTARTS"), CultureInfo.InvariantCulture, out var restarts))
            {
                return await RestartsOnlyAsync(bot, restarts, size);
            }

            var first = await MeasureAsync(bot, "first start", size.Idle);
            var measured = await MeasureAsync(bot, "", size.Idle);
            await MeasureAsync(echo, "warm-up", TimeSpan.Zero);
            var baseline = await MeasureAsync(echo, "", size.Idle);
            await MeasureAsync(stack, "first start", TimeSpan.Zero);
            var required = await MeasureAsync(stack, "", size.Idle);

            // One start on a shared two-core machine varies by a third either way: the start figures are the median of
            // several, the three processes taking turns so that a slow spell of the machine falls on all of them.
            List<double> botStarts = [measured.StartMs], echoStarts = [baseline.StartMs], stackStarts = [required.StartMs];
            for (var i = 1; i < size.StartSamples; i++)
            {
                botStarts.Add((await MeasureAsync(bot, "start", TimeSpan.Zero)).StartMs);
                echoStarts.Add((await MeasureAsync(echo, "start", TimeSpan.Zero)).StartMs);
                stackStarts.Add((await MeasureAsync(stack, "start", TimeSpan.Zero)).StartMs);
            }

            measured = measured with { StartMs = Median(botStarts) };
            baseline = baseline with { StartMs = Median(echoStarts) };
            required = required with { StartMs = Median(stackStarts) };

            var startRatio = measured.StartMs / baseline.StartMs;
            var rssRatio = measured.RssMb / baseline.RssMb;
            var idle = $"{size.Idle.TotalSeconds:0} s";
            var report = new Report("footprint");
            report.Row($"start to first getUpdates, ms (median of {size.StartSamples})", Report.Number(measured.StartMs, 0), Report.Number(baseline.StartMs, 0),
                $"ratio {Report.Number(startRatio, 2)} " + Report.Target(startRatio <= 2, "≤ 2× echo bot"));
            report.Row("  fastest – slowest start, ms", Spread(botStarts), Spread(echoStarts));
            report.Row($"resident memory after {idle} idle, MB", Report.Number(measured.RssMb), Report.Number(baseline.RssMb),
                $"ratio {Report.Number(rssRatio, 2)} " + Report.Target(rssRatio <= 2, "≤ 2× echo bot"));
            report.Row("first start on a new store: start, ms", Report.Number(first.StartMs, 0), Report.Number(baseline.StartMs, 0),
                $"ratio {Report.Number(first.StartMs / baseline.StartMs, 2)}");
            report.Row($"first start: memory after {idle} idle, MB", Report.Number(first.RssMb), Report.Number(baseline.RssMb),
                $"ratio {Report.Number(first.RssMb / baseline.RssMb, 2)}");
            report.Row($"required stack alone: start, ms (median of {size.StartSamples})", Report.Number(required.StartMs, 0), Report.Number(baseline.StartMs, 0),
                $"ratio {Report.Number(required.StartMs / baseline.StartMs, 2)}; host, EF Core store, Quartz store");
            report.Row($"required stack alone: memory after {idle} idle, MB", Report.Number(required.RssMb), Report.Number(baseline.RssMb),
                $"ratio {Report.Number(required.RssMb / baseline.RssMb, 2)}; TdktBot adds {Report.Number(measured.RssMb - required.RssMb)} MB");
            report.Row("units in the directory", $"{Units}", "", "bundled Hoa Thám plan");
            report.Json("start_ms", measured.StartMs);
            report.Json("baseline_start_ms", baseline.StartMs);
            report.Json("start_ratio", startRatio);
            report.Json("rss_mb", measured.RssMb);
            report.Json("baseline_rss_mb", baseline.RssMb);
            report.Json("rss_ratio", rssRatio);
            report.Json("first_start_ms", first.StartMs);
            report.Json("first_rss_mb", first.RssMb);
            report.Json("stack_start_ms", required.StartMs);
            report.Json("stack_rss_mb", required.RssMb);
            report.Json("stack_rss_ratio", required.RssMb / baseline.RssMb);
            report.Json("start_samples", size.StartSamples);
            report.Json("idle_s", size.Idle.TotalSeconds);
            return report;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// For profiling (TDKT_FOOTPRINT_RESTARTS=n): only the bot, its first start and then n restarts, each figure printed as
    /// it comes; no baseline, so no ratio.
    /// </summary>
    private static async Task<Report> RestartsOnlyAsync(Subject bot, int restarts, Size size)
    {
        var report = new Report("footprint");
        var first = await MeasureAsync(bot, "first start", size.Idle);
        report.Row("first start: start ms / memory MB", $"{Report.Number(first.StartMs, 0)} / {Report.Number(first.RssMb)}", "", "");
        for (var i = 1; i <= restarts; i++)
        {
            var restart = await MeasureAsync(bot, $"restart {i}", size.Idle);
            report.Row($"restart {i}: start ms / memory MB", $"{Report.Number(restart.StartMs, 0)} / {Report.Number(restart.RssMb)}", "", "");
        }

        return report;
    }

    /// <summary>Starts <paramref name="subject"/> once and measures it; <paramref name="run"/> names the run in messages and smaps files.</summary>
    private static async Task<Figures> MeasureAsync(Subject subject, string run, TimeSpan idle)
    {
        var (name, dll, args, data, settings) = (string.Join(' ', subject.Name, run).Trim(), subject.Dll, subject.Args, subject.Data, subject.Settings);
        await using var fake = await FakeTelegramServer.StartAsync();
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
            if (idle > TimeSpan.Zero)
            {
                KeepMemoryMap(process, name);
            }

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
        var root = BenchHost.RepositoryRoot();
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

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Spread(List<double> values) => $"{Report.Number(values.Min(), 0)} – {Report.Number(values.Max(), 0)}";

    /// <summary>
    /// With TDKT_FOOTPRINT_MAPS set to a folder, copies the process's /proc smaps there as &lt;name&gt;.smaps, to see
    /// which mappings the resident memory is in (docs/benchmarks.md).
    /// </summary>
    private static void KeepMemoryMap(Process process, string name)
    {
        var folder = Environment.GetEnvironmentVariable("TDKT_FOOTPRINT_MAPS");
        var smaps = $"/proc/{process.Id}/smaps";
        if (!string.IsNullOrEmpty(folder) && File.Exists(smaps))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name.Replace(' ', '-') + ".smaps"), File.ReadAllText(smaps));
        }
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

    /// <summary>A program measured: its published dll, arguments, data folder (its store) and environment.</summary>
    private sealed record Subject(string Name, string Dll, string[] Args, string Data, Dictionary<string, string> Settings);
}
