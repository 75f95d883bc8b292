using Telegram.Bot;

namespace TdktBot.Benchmarks.EchoBot;

/// <summary>
/// A bare echo bot: one long-polling getUpdates loop that answers each text message with the same text. It is the
/// floor the benchmarks compare TdktBot with: the same client library and HTTP, and nothing else.
/// </summary>
public static class EchoLoop
{
    public static TelegramBotClient Client(string token, string baseUrl, HttpClient http) =>
        new(new TelegramBotClientOptions(token, baseUrl) { RetryThreshold = 0 }, http) { Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>Polls and echoes until <paramref name="ct"/> is cancelled.</summary>
    public static async Task RunAsync(ITelegramBotClient bot, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bot);
        var offset = 0;
        try
        {
            while (true)
            {
                var updates = await bot.GetUpdates(offset, 100, 10, cancellationToken: ct).ConfigureAwait(false);
                foreach (var update in updates)
                {
                    offset = update.Id + 1;
                    if (update.Message is { Text: { } text } message)
                    {
                        await bot.SendMessage(message.Chat.Id, text, cancellationToken: ct).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception stopped) when (ct.IsCancellationRequested && stopped is OperationCanceledException or Telegram.Bot.Exceptions.RequestException)
        {
            // Stopped, possibly while a send was waiting for its answer: Telegram.Bot reports a cancelled read of the
            // answer as a RequestException around the cancellation.
        }
    }
}
