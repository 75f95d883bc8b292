using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TdktBot.Messaging;
using TdktBot.Cli;
using TdktBot.Tests.Cli;

namespace TdktBot.Tests.Worker;

/// <summary>The real host (store, plan loading, sweep, Quartz, sender) on a fake clock, in a scratch data folder, with a recording messenger.</summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private BotUnderTest(IHost host) => Host = host;

    public IHost Host { get; }

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    public static BotUnderTest Create(string dataFolder, TimeProvider time, RecordingChannel channel, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Data:Folder"] = dataFolder,
            ["Quartz:SchedulerName"] = "tdkt-" + Guid.NewGuid().ToString("N"),
            ["Delivery:MessagesPerSecond"] = "1000",
            ["Delivery:PerChatInterval"] = "00:00:00",
            ["Delivery:PollInterval"] = "00:00:00.050",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new CliApp(CliRun.Settings(all), TextWriter.Null, TextWriter.Null);
        return new BotUnderTest(app.BuildHost(time, services =>
        {
            services.RemoveAll<IChatChannel>();
            services.AddSingleton<IChatChannel>(channel);
        }));
    }

    public static DateTimeOffset Vn(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    public bool Started { get; private set; }

    public async Task StartAsync()
    {
        await Host.StartAsync();
        Started = true;
    }

    public async Task StopAsync()
    {
        if (Started)
        {
            await Host.StopAsync();
            Started = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
    }

    /// <summary>A fake clock that tests move by hand.</summary>
    public static FakeTimeProvider Clock(DateTimeOffset start) => new(start) { AutoAdvanceAmount = TimeSpan.Zero };
}
