using TdktBot.Benchmarks;

// dotnet run -c Release --project tests/TdktBot.Benchmarks -- <scenario> [--size tiny|full] [--store sqlite|postgres]
var scenarios = new Dictionary<string, Func<Size, Task<Report>>>(StringComparer.Ordinal)
{
    ["latency"] = LatencyScenario.RunAsync,
    ["broadcast"] = BroadcastScenario.RunAsync,
    ["fanout"] = FanoutScenario.RunAsync,
    ["footprint"] = FootprintScenario.RunAsync,
    ["stress"] = StressScenario.RunAsync,
    ["burst"] = BurstScenario.RunAsync,
};

// Scenarios that also run on PostgreSQL (a throwaway server from the installed binaries, as the tests start it).
var onPostgres = new Dictionary<string, Func<Size, Task<Report>>>(StringComparer.Ordinal)
{
    ["fanout"] = FanoutScenario.RunOnPostgresAsync,
};

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

if (args.Length == 0 || args.Length % 2 == 0 || !scenarios.TryGetValue(args[0], out var run)
    || options.Keys.Any(k => k is not ("--size" or "--store"))
    || options.GetValueOrDefault("--size", "full") is not ("tiny" or "full")
    || options.GetValueOrDefault("--store", "sqlite") is not ("sqlite" or "postgres")
    || (options.GetValueOrDefault("--store") == "postgres" && !onPostgres.TryGetValue(args[0], out run)))
{
    await Console.Error.WriteLineAsync($"Usage: <{string.Join('|', scenarios.Keys)}> [--size tiny|full] [--store sqlite|postgres (only {string.Join(", ", onPostgres.Keys)})]");
    return 2;
}

var tiny = options.GetValueOrDefault("--size") == "tiny";
Console.WriteLine($"{args[0]} ({(tiny ? "tiny" : "full")} size), .NET {Environment.Version}, {Environment.ProcessorCount} CPUs");
var report = await run(tiny ? Size.Tiny : Size.Full);
report.Print(Console.Out);
return 0;
