using System.Diagnostics;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Operations;

/// <summary>The real executable's log, as an operator reads it on standard error: every line names the instance.</summary>
public sealed class InstanceLogTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_log_line_carries_the_configured_instance_id()
    {
        var lines = await LogOfRunAsync(("Instance__Id", "bot-b"));

        Assert.All(lines, line => Assert.Matches(@"^\d\d:\d\d:\d\d (info|warn|fail|crit): bot-b TdktBot\.", line));
    }

    [Fact]
    public async Task Without_a_setting_the_instance_id_is_the_host_name_and_the_process_id()
    {
        var pid = 0;
        var lines = await LogOfRunAsync(started: process => pid = process.Id);

        Assert.All(lines, line => Assert.Contains($": {Environment.MachineName}-{pid} TdktBot.", line, StringComparison.Ordinal));
    }

    /// <summary>Starts <c>run</c> and returns its log lines up to the worker's report of the loaded plan, then kills it.</summary>
    private async Task<List<string>> LogOfRunAsync(params (string Name, string Value)[] environment) =>
        await LogOfRunAsync(_ => { }, environment);

    private async Task<List<string>> LogOfRunAsync(Action<Process> started, params (string Name, string Value)[] environment)
    {
        var start = CliRun.Executable(_folder.Path, "run", "--now", "2026-03-01T09:00");
        start.Environment["Data__Folder"] = _folder.Path;
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var lines = new List<string>();
        using var process = Process.Start(start)!;
        started(process);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("ReminderWorker: Kế hoạch năm 2026", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Contains(lines, l => l.Contains("ReminderWorker: Kế hoạch năm 2026", StringComparison.Ordinal));
        return lines;
    }
}
