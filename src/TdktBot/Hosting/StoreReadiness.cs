namespace TdktBot.Hosting;

/// <summary>
/// Opens once the store can answer people: migrated, the plan files loaded and the first office code made (the start
/// of <see cref="ReminderWorker"/>). The polling receivers start before that, so the bot's first getUpdates does not
/// wait for the store; what they receive in the meantime waits here and is handled, in order, once it opens.
/// </summary>
public sealed class StoreReadiness
{
    private readonly TaskCompletionSource<bool> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// True once the store is ready; false when its preparation failed, in which case the host's start reports why and
    /// stops the bot, and nothing received may be handled (nor, for Telegram, confirmed).
    /// </summary>
    public Task<bool> WaitAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);

    public void Ready() => _ready.TrySetResult(true);

    public void Failed() => _ready.TrySetResult(false);
}
