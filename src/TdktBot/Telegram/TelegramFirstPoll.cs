using Telegram.Bot;
using Telegram.Bot.Types;
using Microsoft.Extensions.Options;

namespace TdktBot.Telegram;

/// <summary>
/// Polling mode: the first getUpdates, sent as soon as the host is built (<see cref="Hosting.EarlyPollHost"/>), before
/// the host's start validates every setting and makes every hosted service (about 40 ms on a small machine). The
/// receiver takes it over as its own first poll. One never taken (the host failed to start) is cancelled with the
/// container; nothing it brought was handled, so nothing was confirmed, and Telegram hands the same updates out again.
/// </summary>
internal sealed class TelegramFirstPoll(ITelegramBotClient bot, IOptions<TelegramOptions> options) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly Lock _gate = new();
    private Task<Update[]>? _poll;
    private CancellationTokenRegistration _takerStopped;

    /// <summary>Sends the poll, once; the same request the receiver would send first.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _poll ??= bot.GetUpdates(null, TelegramReceiver.BatchSize, options.Value.PollSeconds, TelegramUpdates.Wanted, _cancel.Token);
        }
    }

    /// <summary>The poll sent by <see cref="Start"/>, for the first caller only; it is cancelled when <paramref name="ct"/> is.</summary>
    public Task<Update[]>? Take(CancellationToken ct)
    {
        lock (_gate)
        {
            var poll = _poll;
            _poll = null;
            if (poll is not null)
            {
                _takerStopped = ct.Register(_cancel.Cancel);
            }

            return poll;
        }
    }

    public void Dispose()
    {
        _takerStopped.Dispose();
        _cancel.Cancel();
        _cancel.Dispose();
    }
}
