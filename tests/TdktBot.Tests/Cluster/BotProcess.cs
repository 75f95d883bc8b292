using System.Collections.Concurrent;
using System.Diagnostics;
using TdktBot.Testing;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Cluster;

/// <summary>
/// A real <c>run</c> process of the bot against a fake Telegram, its log read as it comes; several of them share one
/// PostgreSQL store in the cluster tests. It leads once it has logged so and is still alive.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private const string Leading = "máy này dẫn";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private BotProcess(Process process)
    {
        _process = process;
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public bool Leads => _log.Any(l => l.Contains(Leading, StringComparison.Ordinal)) && !_process.HasExited;

    public string Log => string.Join('\n', _log);

    /// <summary>The log's error and critical lines (the console formatter's «fail» and «crit»).</summary>
    public IReadOnlyList<string> Errors => _log.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)
        || l.Contains(" fail: ", StringComparison.Ordinal) || l.Contains(" crit: ", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Starts <c>run</c> in <paramref name="folder"/> with <paramref name="settings"/> (written as environment variables) on
    /// <paramref name="fake"/>, with short cluster intervals so a takeover shows within seconds.
    /// </summary>
    public static BotProcess Start(string folder, IReadOnlyDictionary<string, string?> settings, FakeTelegramServer fake)
    {
        var start = CliRun.Executable(folder, "run");
        start.Environment["Telegram__BotToken"] = fake.Token;
        start.Environment["Telegram__ApiBaseUrl"] = fake.BaseUrl;
        start.Environment["Telegram__Timeout"] = "00:00:10";
        start.Environment["Cluster__LeaseCheck"] = "00:00:01";
        start.Environment["Quartz__CheckinInterval"] = "00:00:01";
        start.Environment["Delivery__PollInterval"] = "00:00:00.200";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__TdktBot.Reminders"] = "Information";
        start.Environment["Logging__LogLevel__TdktBot.Cluster"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new BotProcess(Process.Start(start)!);
    }

    /// <summary>Waits for <paramref name="condition"/>, failing with every given process's log after <paramref name="timeout"/>.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, params BotProcess[] logs) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, what, logs);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, TimeSpan, string, BotProcess[])"/>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, params BotProcess[] logs)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < timeout, $"gave up waiting for {what} after {timeout}. Logs:\n" + string.Join("\n---\n", logs.Select(l => l.Log)));
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: no shutdown, no released claims; only the operating system closes its connections.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }
}
