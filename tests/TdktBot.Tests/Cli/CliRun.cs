using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using TdktBot.Cli;

namespace TdktBot.Tests.Cli;

/// <summary>Runs the command line in-process, as a user would type it, capturing what they would see.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => With(new Dictionary<string, string?>(), args);

    /// <summary>Runs with the bundled calendar plus <paramref name="settings"/> (as appsettings.json or the environment would give them).</summary>
    public static CliRun With(IDictionary<string, string?> settings, params string[] args) => WithInput(settings, string.Empty, args);

    /// <summary>Runs with <paramref name="input"/> as what the user types on standard input.</summary>
    public static CliRun WithInput(IDictionary<string, string?> settings, string input, params string[] args) => At(null, settings, input, args);

    /// <summary>Runs on <paramref name="clock"/> (the system's when null) as the real time, not a simulated one as <c>--now</c> gives.</summary>
    public static CliRun At(TimeProvider? clock, IDictionary<string, string?> settings, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var code = new CliApp(Settings(settings), output, error, clock, reader).RunAsync(args).GetAwaiter().GetResult();
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The settings a fresh install has: the bundled calendar and nothing local, plus the test's own.</summary>
    public static IConfiguration Settings(IDictionary<string, string?> settings) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("calendar.json", optional: false)
        .AddInMemoryCollection(settings)
        .Build();

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The real executable, to start as a child process in <paramref name="folder"/> with its output redirected.</summary>
    public static ProcessStartInfo Executable(string folder, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TdktBot.dll"));

        // "run" serves the status board on 127.0.0.1:5080 unless told otherwise: tests side by side would share that port.
        start.Environment["Web__Listen"] = "";
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}

/// <summary>A scratch folder deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tdktbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
