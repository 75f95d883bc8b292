using System.Diagnostics.Metrics;
using TdktBot.Operations;

namespace TdktBot.Testing;

/// <summary>The bot's metrics on a meter of their own, for parts of the bot built by hand in a test.</summary>
public static class TestMetrics
{
    /// <summary>A fresh <see cref="BotMetrics"/>; nothing exports it unless a test listens to its meter.</summary>
    public static BotMetrics Create() => new(new OwnMeters());

    private sealed class OwnMeters : IMeterFactory
    {
        public Meter Create(MeterOptions options) =>
            new(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });

        public void Dispose()
        {
        }
    }
}
