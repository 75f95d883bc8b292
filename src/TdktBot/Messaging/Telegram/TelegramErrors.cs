using System.Globalization;
using Telegram.Bot.Exceptions;

namespace TdktBot.Messaging.Telegram;

/// <summary>What Telegram's errors mean for us, and how to tell them without giving the token away.</summary>
internal static class TelegramErrors
{
    /// <summary>
    /// A failed request to Telegram as a send outcome. Only the chat's own troubles (blocked, removed, not found, a
    /// message Telegram will never take) are permanent, because a permanent outcome switches the chat off; a
    /// rejected token or a wrong ApiBaseUrl is the bot's trouble and must not switch off every chat.
    /// </summary>
    public static SendOutcome Outcome(RequestException failure, TelegramOptions options)
    {
        if (failure is not ApiRequestException error)
        {
            // No answer from Telegram (timeout, network, a body that is not JSON): it may work later.
            return new SendOutcome.Transient(Describe(failure, options));
        }

        var reason = $"Telegram {error.ErrorCode}: {error.Message}";
        return error switch
        {
            { Parameters.MigrateToChatId: { } newId } => new SendOutcome.Moved(newId.ToString(CultureInfo.InvariantCulture)),
            { ErrorCode: 429 } => new SendOutcome.Transient(reason, error.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
            { ErrorCode: 400 or 403 } => new SendOutcome.Permanent(reason),
            _ => new SendOutcome.Transient(reason),
        };
    }

    /// <summary>
    /// The exception and its causes in one line, with the token's secret part blanked out. The token is part of every
    /// request's URL, so anything that quotes a URL could carry it into a log or the store.
    /// </summary>
    public static string Describe(Exception error, TelegramOptions options)
    {
        var causes = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            causes.Add(e is ApiRequestException api ? $"Telegram {api.ErrorCode}: {api.Message}" : $"{e.GetType().Name}: {e.Message}");
        }

        return Redact(string.Join(" ← ", causes), options);
    }

    /// <summary>Blanks the secret after the token's colon; the digits before it are the bot's public id.</summary>
    private static string Redact(string text, TelegramOptions options)
    {
        var token = options.BotToken ?? "";
        var secret = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return secret.Length == 0 ? text : text.Replace(secret, "***", StringComparison.Ordinal);
    }
}
