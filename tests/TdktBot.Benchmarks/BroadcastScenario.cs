namespace TdktBot.Benchmarks;

internal static class BroadcastScenario
{
    public static Task<Report> RunAsync(Size size) => throw new NotImplementedException();
}
