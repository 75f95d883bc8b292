using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using TdktBot.Testing;

namespace TdktBot.Benchmarks;

/// <summary>
/// Memory, reported without a target: the real executable in its deployed form (published as deploy/ publishes it) as a
/// child process (<c>dotnet TdktBot.dll run</c>) against a fake Telegram in this process, with the bundled Hoa Thám plan
/// and a unit directory of 50 units, restarted on the store its first start made; resident memory (VmRSS) after idling
/// and the time to its first getUpdates. Beside it, the bare echo bot executable, published and measured the same way,
/// for scale.
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
            var botSettings = new Dictionary<string, string>
            {
                ["Plan__UnitsFile"] = unitsFile,
                ["Logging__LogLevel__Default"] = "Warning",
            };
            var bot = new Subject("bot", Path.Combine(await PublishAsync("src/TdktBot/TdktBot.csproj", "bot"), "TdktBot.dll"), ["run"], Path.Combine(folder, "bot"), botSettings);
            var echo = new Subject("echo", Path.Combine(await PublishAsync("tests/TdktBot.Benchmarks.EchoBot/TdktBot.Benchmarks.EchoBot.csproj", "echo"), "TdktBot.Benchmarks.EchoBot.dll"), [], Path.Combine(folder, "echo"), []);

            // The first start makes the store (migrations, plan import); the bot runs most of its life restarted on it.
            var first = await MeasureAsync(bot, "first start", size.Idle);
            var measured = await MeasureAsync(bot, "", size.Idle);
            var baseline = await MeasureAsync(echo, "", size.Idle);

            var idle = $"{size.Idle.TotalSeconds:0} s";
            var report = new Report("footprint");
            report.Row($"resident memory after {idle} idle, MB", Report.Number(measured.RssMb), Report.Number(baseline.RssMb),
                $"ratio {Report.Number(measured.RssMb / baseline.RssMb, 2)} (reported, no target)");
            report.Row("start to first getUpdates, ms", Report.Number(measured.StartMs, 0), Report.Number(baseline.StartMs, 0), "one start each");
            report.Row($"first start on a new store: memory after {idle} idle, MB", Report.Number(first.RssMb), "", "");
            report.Row("units in the directory", $"{Units}", "", "bundled Hoa Thám plan");
            report.Json("rss_mb", measured.RssMb);
            report.Json("baseline_rss_mb", baseline.RssMb);
            report.Json("rss_ratio", measured.RssMb / baseline.RssMb);
            report.Json("start_ms", measured.StartMs);
            report.Json("baseline_start_ms", baseline.StartMs);
            report.Json("first_rss_mb", first.RssMb);
            report.Json("idle_s", size.Idle.TotalSeconds);
            return report;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Starts <paramref name="subject"/> once and measures it; <paramref name="run"/> names the run in messages.</summary>
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

        // The board is part of what runs, on a port of its own so runs side by side never collide.
        start.Environment["Web__Listen"] = "http://127.0.0.1:0";
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
