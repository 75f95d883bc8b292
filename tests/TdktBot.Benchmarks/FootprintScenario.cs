namespace TdktBot.Benchmarks;

internal static class FootprintScenario
{
    public static Task<Report> RunAsync(Size size) => throw new NotImplementedException();
}
