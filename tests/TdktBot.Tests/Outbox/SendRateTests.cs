using TdktBot.Outbox;

namespace TdktBot.Tests.Outbox;

/// <summary>
/// The outbox's overall rate, driven on a simulated timeline (ticks of 1 µs): a sender that waits for <see cref="SendRate.NextAt"/>
/// with a timer that wakes late, sends one message at a time and records when each reached the messenger.
/// </summary>
public sealed class SendRateTests
{
    private const long Frequency = 1_000_000;

    [Theory]
    [InlineData(300, 1_000, 2_000, 1)]
    [InlineData(100, 2_000, 3_000, 2)]
    [InlineData(30, 5_000, 3_000, 3)]
    [InlineData(25.5, 5_000, 3_000, 4)]
    public void Timers_that_wake_late_are_made_up_and_no_window_ever_holds_more_than_the_limit(double perSecond, long sendMicros, long lateMicros, int seed)
    {
        var arrivals = Run(new SendRate(perSecond, Frequency), 3_000, sendMicros, lateMicros, new Random(seed));

        var n = (int)Math.Floor(perSecond);
        var window = (long)(n / perSecond * Frequency);
        Assert.InRange(MaxInWindow(arrivals, window), 1, n);

        // The spacing-from-now pacing this replaced lost a late timer's time on every send: 300/s with 1 ms sends and
        // timers up to 2 ms late came to about 220/s. Slots counted from the previous slot hold the rate.
        var achieved = (arrivals.Count - 1) * (double)Frequency / (arrivals[^1] - arrivals[0]);
        Assert.InRange(achieved, 0.97 * perSecond, perSecond);
    }

    [Fact]
    public void After_an_idle_hour_the_sender_does_not_burst()
    {
        var rate = new SendRate(30, Frequency);
        var now = 0L;
        rate.Started(now);
        now += 3_600 * Frequency;
        Assert.True(rate.NextAt() <= now);

        var starts = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            now = Math.Max(now, rate.NextAt());
            rate.Started(now);
            starts.Add(now);
            now += 10;
            rate.Answered(now);
        }

        // One slot of credit: the second send may follow the first at once, but no three sends fit in one spacing (1/30 s).
        var spacing = Frequency / 30;
        Assert.Equal(10, starts[1] - starts[0]);
        Assert.All(starts.Skip(2).Zip(starts), pair => Assert.True(pair.First - pair.Second >= spacing, $"Three sends within {pair.First - pair.Second} µs."));
    }

    [Fact]
    public void A_rate_under_two_a_second_keeps_the_whole_spacing_between_two_arrivals()
    {
        var arrivals = Run(new SendRate(0.5, Frequency), 20, 300_000, 500_000, new Random(5));

        // One send fills the window: each starts two seconds after the answer to the one before, so however the
        // network's delay varies, two arrivals are at least two seconds apart.
        Assert.All(arrivals.Zip(arrivals.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= 2 * Frequency, $"{gap} µs between two arrivals at 0.5/s."));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_a_positive_number_is_refused(double perSecond) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendRate(perSecond, Frequency));

    /// <summary>
    /// Sends <paramref name="count"/> messages one at a time: waits for the rate with a timer up to <paramref name="lateMicros"/>
    /// late, then the request takes up to <paramref name="sendMicros"/>, reaching the messenger somewhere within it.
    /// </summary>
    private static List<long> Run(SendRate rate, int count, long sendMicros, long lateMicros, Random random)
    {
        var arrivals = new List<long>(count);
        var now = 0L;
        for (var i = 0; i < count; i++)
        {
            var next = rate.NextAt();
            if (next > now)
            {
                now = next + random.NextInt64(0, lateMicros + 1);
            }

            rate.Started(now);
            var took = random.NextInt64(sendMicros / 2, sendMicros + 1);
            arrivals.Add(now + random.NextInt64(0, took));
            now += took;
            rate.Answered(now);
        }

        return arrivals;
    }

    private static int MaxInWindow(List<long> times, long window)
    {
        var best = 0;
        for (int first = 0, last = 0; last < times.Count; last++)
        {
            while (times[first] <= times[last] - window)
            {
                first++;
            }

            best = Math.Max(best, last - first + 1);
        }

        return best;
    }
}
