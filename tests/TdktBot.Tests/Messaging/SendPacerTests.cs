using Microsoft.Extensions.Time.Testing;
using TdktBot.Messaging;

namespace TdktBot.Tests.Messaging;

/// <summary>The pacer lets callers through one slot apart, in the order they asked, on the clock it is given.</summary>
public sealed class SendPacerTests
{
    [Fact]
    public async Task Callers_at_once_go_one_spacing_apart_and_a_caller_after_a_quiet_spell_goes_at_once()
    {
        var time = new FakeTimeProvider();
        var pacer = new SendPacer(20, time);

        var turns = Enumerable.Range(0, 4).Select(_ => pacer.WaitTurnAsync(CancellationToken.None)).ToList();

        Assert.Equal([true, false, false, false], turns.Select(t => t.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(turns[1].IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await turns[1];
        Assert.Equal([false, false], turns.Skip(2).Select(t => t.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(100));
        await Task.WhenAll(turns);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(pacer.WaitTurnAsync(CancellationToken.None).IsCompleted);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_rate_that_is_not_a_positive_number_is_refused(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SendPacer(rate));
    }
}
