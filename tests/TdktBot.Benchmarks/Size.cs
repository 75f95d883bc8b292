namespace TdktBot.Benchmarks;

/// <summary>How big each scenario runs: the full size for figures, the tiny one so CI keeps the harness working.</summary>
internal sealed record Size(
    int Messages,
    int Queued,
    int Chats,
    int BroadcastChats,
    int RatePerSecond,
    int Units,
    int Deadlines,
    TimeSpan Idle,
    int BurstRatePerSecond)
{
    public static readonly Size Full = new(2_000, 1_000, 20, 3_000, 300, 5_000, 20, TimeSpan.FromSeconds(30), 30);

    public static readonly Size Tiny = new(50, 50, 5, 100, 1_000, 100, 20, TimeSpan.FromSeconds(3), 100);
}
