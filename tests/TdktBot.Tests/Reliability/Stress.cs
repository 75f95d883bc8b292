using System.Globalization;

namespace TdktBot.Tests.Reliability;

/// <summary>
/// Sizes of the reliability trials: small in every <c>dotnet test</c>, full when the environment variable
/// <c>TDKT_STRESS=1</c> is set (the <c>stress</c> command in docs/benchmarks.md).
/// </summary>
internal static class Stress
{
    public static bool Full => Environment.GetEnvironmentVariable("TDKT_STRESS") == "1";

    /// <summary>The reduced size normally, the full one under TDKT_STRESS=1; a number in TDKT_STRESS_&lt;NAME&gt; overrides both.</summary>
    public static int Size(string name, int reduced, int full) =>
        int.TryParse(Environment.GetEnvironmentVariable("TDKT_STRESS_" + name), NumberStyles.None, CultureInfo.InvariantCulture, out var given) && given > 0
            ? given
            : Full ? full : reduced;
}
