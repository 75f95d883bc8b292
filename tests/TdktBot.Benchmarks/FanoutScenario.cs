namespace TdktBot.Benchmarks;

internal static class FanoutScenario
{
    public static Task<Report> RunAsync(Size size) => throw new NotImplementedException();
}
