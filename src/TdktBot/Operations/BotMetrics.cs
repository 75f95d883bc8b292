using System.Diagnostics;
using System.Diagnostics.Metrics;
using TdktBot.Core.Conversations;

namespace TdktBot.Operations;

/// <summary>
/// The bot's measurements on one <see cref="Meter"/> named <see cref="MeterName"/>, exported at <c>/metrics</c>: what the
/// outbox sent, failed and retried per messenger, how late reminders went out, and how fast people got their replies.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "TdktBot";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Histogram<double> _reminderLag;
    private readonly Counter<long> _replies;
    private readonly Histogram<double> _replyLatency;

    public BotMetrics(IMeterFactory meters)
    {
        Meter = meters.Create(MeterName);
        _sent = Meter.CreateCounter<long>("tdkt.deliveries.sent", "{message}", "Stored messages (reminders, notices, broadcasts) the messenger accepted.");
        _failed = Meter.CreateCounter<long>("tdkt.deliveries.failed", "{message}", "Stored messages given up: refused for good, or out of attempts.");
        _retried = Meter.CreateCounter<long>("tdkt.deliveries.retried", "{message}", "Failed tries of stored messages that will be tried again.");

        // From a second to a day: a reminder goes out at once, after a restart within its catch-up window, or after retries.
        _reminderLag = Meter.CreateHistogram("tdkt.reminder.lag", "s", "Time from when a reminder was planned to when it was sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 300, 900, 1800, 3600, 7200, 21600, 86400] });
        _replies = Meter.CreateCounter<long>("tdkt.replies", "{message}", "Replies sent to people who wrote to the bot.");
        _replyLatency = Meter.CreateHistogram("tdkt.reply.latency", "s", "Time from receiving a person's message to its replies sent.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30] });
    }

    /// <summary>The meter, created by the host's <see cref="IMeterFactory"/> so each host (and test) has its own.</summary>
    public Meter Meter { get; }

    public void Sent(Messenger messenger) => _sent.Add(1, Tag(messenger));

    public void Failed(Messenger messenger) => _failed.Add(1, Tag(messenger));

    public void Retried(Messenger messenger) => _retried.Add(1, Tag(messenger));

    /// <summary>A reminder went out at <paramref name="sentAt"/>, planned for <paramref name="plannedAt"/>; never negative.</summary>
    public void ReminderSent(DateTimeOffset plannedAt, DateTimeOffset sentAt) =>
        _reminderLag.Record(Math.Max(0, (sentAt - plannedAt).TotalSeconds));

    /// <summary><paramref name="replies"/> replies went out for one message received at the <see cref="Stopwatch"/> timestamp <paramref name="received"/>.</summary>
    public void Answered(Messenger messenger, int replies, long received)
    {
        var tag = Tag(messenger);
        _replies.Add(replies, tag);
        _replyLatency.Record(Stopwatch.GetElapsedTime(received).TotalSeconds, tag);
    }

    /// <summary>The number of stored messages still to send, read at each scrape; <paramref name="read"/> returns null when the store cannot say.</summary>
    public void ObservePending(Func<long?> read) =>
        Meter.CreateObservableGauge("tdkt.deliveries.pending", () => read() is { } count ? [new Measurement<long>(count)] : Array.Empty<Measurement<long>>(),
            "{message}", "Stored messages waiting to be sent.");

    private static KeyValuePair<string, object?> Tag(Messenger messenger) => new("messenger", messenger.Key());
}
