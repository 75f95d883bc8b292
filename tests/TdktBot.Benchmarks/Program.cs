using TdktBot.Benchmarks;

// dotnet run -c Release --project tests/TdktBot.Benchmarks -- <scenario> [--size tiny|full]
var scenarios = new Dictionary<string, Func<Size, Task<Report>>>(StringComparer.Ordinal)
{
    ["latency"] = LatencyScenario.RunAsync,
    ["broadcast"] = BroadcastScenario.RunAsync,
    ["fanout"] = FanoutScenario.RunAsync,
    ["footprint"] = FootprintScenario.RunAsync,
    ["stress"] = StressScenario.RunAsync,
};

if (args.Length is not (1 or 3) || !scenarios.TryGetValue(args[0], out var run)
    || (args.Length == 3 && (args[1] != "--size" || args[2] is not ("tiny" or "full"))))
{
    await Console.Error.WriteLineAsync($"Usage: <{string.Join('|', scenarios.Keys)}> [--size tiny|full]");
    return 2;
}

var tiny = args.Length == 3 && args[2] == "tiny";
Console.WriteLine($"{args[0]} ({(tiny ? "tiny" : "full")} size), .NET {Environment.Version}, {Environment.ProcessorCount} CPUs");
var report = await run(tiny ? Size.Tiny : Size.Full);
report.Print(Console.Out);
return 0;
