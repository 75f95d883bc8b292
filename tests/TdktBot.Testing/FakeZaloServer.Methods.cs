using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TdktBot.Testing;

// The Bot Platform methods, answered the way Zalo answers them.
public sealed partial class FakeZaloServer
{
    /// <summary>
    /// Longest text sendMessage takes. Counted in UTF-16 units, as Java and JavaScript servers count; for
    /// Vietnamese text that is the number of characters, an emoji counts two.
    /// </summary>
    private const int TextLimit = 2000;

    private readonly List<ZaloSentMessage> _sent = [];
    private readonly List<ZaloSentMessage> _refused = [];

    /// <summary>Messages Zalo accepted from the bot, in order.</summary>
    public IReadOnlyList<ZaloSentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>How many messages were accepted so far; with <see cref="SentSince"/>, a long test reads only what is new.</summary>
    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    /// <summary>The messages accepted after the first <paramref name="count"/>, in the order they came.</summary>
    public IReadOnlyList<ZaloSentMessage> SentSince(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return count >= _sent.Count ? [] : _sent.GetRange(count, _sent.Count - count);
        }
    }

    /// <summary>sendMessage calls refused with an error (unknown or blocked chat, bad text, 429…), in order.</summary>
    public IReadOnlyList<ZaloSentMessage> Refused
    {
        get
        {
            lock (_gate)
            {
                return [.. _refused];
            }
        }
    }

    /// <summary>
    /// Waits until at least <paramref name="count"/> accepted messages match <paramref name="match"/> and returns
    /// all that match, in order. The timeout (5 s by default) fails with what was sent and refused so far.
    /// </summary>
    public async Task<IReadOnlyList<ZaloSentMessage>> WaitForMessagesAsync(
        Func<ZaloSentMessage, bool> match, int count = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(match);
        IReadOnlyList<ZaloSentMessage> found = [];
        try
        {
            await WaitUntilAsync(
                () => (found = [.. Sent.Where(match)]).Count >= count,
                timeout,
                $"{count} matching message(s)",
                cancellationToken);
        }
        catch (TimeoutException timedOut)
        {
            var seen = string.Join("; ", Sent.Select(m => $"[{m.ChatId}] {m.Text}"));
            var refused = string.Join("; ", Refused.Select(m => $"[{m.ChatId}] {m.ErrorCode} {m.ErrorDescription}: {m.Text}"));
            throw new TimeoutException($"{timedOut.Message} Got {found.Count}. Sent: {seen}. Refused: {refused}.", timedOut);
        }

        return found;
    }

    private Dictionary<string, Func<ApiRequest, CancellationToken, Task<string>>> CreateMethods()
    {
        static Func<ApiRequest, CancellationToken, Task<string>> Sync(Func<ApiRequest, string> handler) =>
            (request, _) => Task.FromResult(handler(request));

        return new(StringComparer.Ordinal)
        {
            ["getMe"] = Sync(_ => GetMe()),
            ["getUpdates"] = GetUpdatesAsync,
            ["sendMessage"] = Sync(SendMessage),
            ["setWebhook"] = Sync(SetWebhook),
            ["deleteWebhook"] = Sync(_ => DeleteWebhook()),
            ["getWebhookInfo"] = Sync(_ => GetWebhookInfo()),
        };
    }

    private string GetMe() => new JsonObject
    {
        ["id"] = _options.BotId,
        ["account_name"] = _options.AccountName,
        ["account_type"] = "BASIC",
        ["can_join_groups"] = false,
    }.ToJsonString(FakeTelegramServer.JsonOut);

    /// <summary>Checks the chat, the text and the limits, then records the message or the refusal.</summary>
    private string SendMessage(ApiRequest request)
    {
        var chatId = request.String("chat_id") ?? "";
        var text = request.String("text");
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var message = new ZaloSentMessage
            {
                ChatId = chatId,
                Text = text ?? "",
                ReceivedAt = Stopwatch.GetElapsedTime(_started, now),
                ExtraFields = [.. request.Names.Where(name => name is not ("chat_id" or "text"))],
                Body = request.Body,
            };
            if (chatId.Length > 0)
            {
                _limiter.RecordAttempt(chatId, isGroup: false, now);
            }

            try
            {
                EnsureReachable(chatId);
                if (text is not { Length: > 0 and <= TextLimit })
                {
                    throw new BotApiError(400, $"Bad Request: text must be 1 to {TextLimit} characters long, got {text?.Length ?? 0}");
                }

                if (_limiter.RetryAfter(chatId, isGroup: false, now) is { } wait)
                {
                    throw new BotApiError(429, $"Too Many Requests: quota exceeded, retry after {wait}") { RetryAfter = wait };
                }

                _limiter.RecordAccepted(chatId, isGroup: false, now);
                message = message with { MessageId = NewId(), Date = UnixMsNow() };
                _sent.Add(message);
                Pulse();
                return new JsonObject { ["message_id"] = message.MessageId, ["date"] = message.Date }.ToJsonString(FakeTelegramServer.JsonOut);
            }
            catch (BotApiError error)
            {
                _refused.Add(message with { ErrorCode = error.Code, ErrorDescription = error.Message });
                Pulse();
                throw;
            }
        }
    }
}
