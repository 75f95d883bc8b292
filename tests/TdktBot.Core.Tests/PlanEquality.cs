using TdktBot.Core.Plans;

namespace TdktBot.Core.Tests;

/// <summary>Value comparison of plan parts, list members included (records compare lists by reference).</summary>
internal static class PlanEquality
{
    public static IEqualityComparer<PlanTask> Task { get; } = new Comparer<PlanTask>(t =>
        string.Join("|", t.Number, t.Quarter, t.Content, string.Join(";", t.Agencies), string.Join(";", t.Units), t.Due, t.DueDerived, t.DueOverride));

    public static IEqualityComparer<Deadline> Deadline { get; } = new Comparer<Deadline>(d =>
        string.Join("|", d.Id, d.Due, d.Content, string.Join(";", d.AppliesTo), string.Join(";", d.Units)));

    private sealed class Comparer<T>(Func<T, string> key) : IEqualityComparer<T>
    {
        public bool Equals(T? x, T? y) => x is not null && y is not null ? key(x) == key(y) : x is null && y is null;

        public int GetHashCode(T obj) => key(obj).GetHashCode(StringComparison.Ordinal);
    }
}
