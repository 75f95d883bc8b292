namespace TdktBot.Messaging;

/// <summary>Waits between failed calls to a messenger: 1 s, 2 s, 4 s… up to 30 s, so an outage is neither hammered nor slept through.</summary>
internal static class Backoff
{
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(30);

    /// <summary>The wait after <paramref name="failures"/> failures in a row (1 or more).</summary>
    public static TimeSpan After(int failures) => failures > 5 ? Longest : TimeSpan.FromSeconds(1 << (failures - 1));
}
