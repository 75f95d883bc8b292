namespace TdktBot.Testing;

// Fault and limit injection: what goes wrong between a bot and Zalo in real life, on demand.
public sealed partial class FakeZaloServer
{
    /// <summary>The user blocked the bot: sendMessage to the chat gets 403 "Forbidden: user blocked the bot".</summary>
    public void Block(string chatId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        lock (_gate)
        {
            // Only a user who wrote to the bot can block it, so the chat exists from now on.
            _knownChats.Add(chatId);
            _blockedChats.Add(chatId);
        }
    }

    /// <summary>The user unblocked the bot again.</summary>
    public void Unblock(string chatId)
    {
        lock (_gate)
        {
            _blockedChats.Remove(chatId);
        }
    }

    /// <summary>From now on the chat does not exist for the bot (deleted account, wrong id): 400 "Bad Request: chat not found".</summary>
    public void ChatNotFound(string chatId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        lock (_gate)
        {
            _missingChats.Add(chatId);
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> fail with <paramref name="statusCode"/>
    /// before doing anything. A 429 with <paramref name="retryAfter"/> carries it twice: as the HTTP header
    /// Retry-After and as parameters.retry_after in the body. Pass int.MaxValue as <paramref name="times"/> for a
    /// method that keeps failing. Faults for one method queue up.
    /// </summary>
    public void FailNext(string method, int statusCode, int? retryAfter = null, int times = 1, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var text = description ?? statusCode switch
        {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            408 => "Request timeout",
            429 when retryAfter is { } seconds => $"Too Many Requests: quota exceeded, retry after {seconds}",
            429 => "Too Many Requests: quota exceeded",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            _ => "Error",
        };
        var body = new BotApiError(statusCode, text) { RetryAfter = retryAfter }.ToJson();
        AddFault(method, new InjectedFault(statusCode, body, AfterProcessing: false, times) { RetryAfter = retryAfter });
    }

    /// <summary>
    /// The next call of <paramref name="method"/> gets HTTP 200 with a body that is not valid JSON. With
    /// <paramref name="afterProcessing"/> the call takes effect first (the message is sent), so the bot cannot tell.
    /// </summary>
    public void MalformedNext(string method, bool afterProcessing = false) =>
        AddFault(method, new InjectedFault(200, "{\"ok\":true,\"result\":{\"message_id\":", afterProcessing, 1));

    /// <summary>
    /// The next call of <paramref name="method"/> gets exactly <paramref name="body"/> with HTTP
    /// <paramref name="statusCode"/>, before doing anything: for answers well-formed as JSON but not in the shape
    /// documented (a changed API, a proxy), e.g. <c>{"ok":true,"result":"x"}</c>.
    /// </summary>
    public void AnswerNext(string method, int statusCode, string body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentNullException.ThrowIfNull(body);
        AddFault(method, new InjectedFault(statusCode, body, AfterProcessing: false, 1));
    }

    /// <summary>
    /// The next call of <paramref name="method"/> has its connection aborted without an answer. With
    /// <paramref name="afterProcessing"/> the call takes effect first: the lost-response case behind duplicate messages.
    /// </summary>
    public void DropNext(string method, bool afterProcessing = false) =>
        AddFault(method, new InjectedFault(0, "", afterProcessing, 1));

    /// <summary>Every call of <paramref name="method"/> waits <paramref name="delay"/> before it is handled; <see cref="TimeSpan.Zero"/> ends that.</summary>
    public void Delay(string method, TimeSpan delay)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        lock (_gate)
        {
            if (delay > TimeSpan.Zero)
            {
                _delays[method] = delay;
            }
            else
            {
                _delays.Remove(method);
            }
        }
    }

    /// <summary>
    /// Only the next call of <paramref name="method"/> waits <paramref name="delay"/> before it is handled (longer than a
    /// client's timeout: the client gives up and the call never takes effect); calls after it are answered at once
    /// unless <see cref="Delay"/> says otherwise. Delays for one method queue up, one per call.
    /// </summary>
    public void DelayNext(string method, TimeSpan delay)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        lock (_gate)
        {
            if (!_delaysOnce.TryGetValue(method, out var queue))
            {
                _delaysOnce[method] = queue = new Queue<TimeSpan>();
            }

            queue.Enqueue(delay);
        }
    }

    /// <summary>
    /// Limits sendMessage to <paramref name="globalPerSecond"/> sends a second overall (fractional rates allowed:
    /// 0.5 is one every two seconds) and one send per <paramref name="perChatInterval"/> to each chat (zero: no
    /// per-chat limit). A send over the limits gets 429 with retry_after (header and parameters) = whole seconds
    /// until it would fit, at least 1. Only accepted sends use up the allowance, and a send stops counting a
    /// little (at most 25 ms) before its window ends so a client that waits exactly that long is not refused for
    /// timer jitter. <see cref="Stats"/> measures attempts, exactly, with or without this.
    /// </summary>
    public void EnforceLimits(double globalPerSecond, TimeSpan perChatInterval)
    {
        if (!(globalPerSecond > 0) || double.IsInfinity(globalPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(globalPerSecond), globalPerSecond, "A positive, finite rate.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(perChatInterval, TimeSpan.Zero);
        lock (_gate)
        {
            _limiter.Enforce(globalPerSecond, perChatInterval);
        }
    }

    private void AddFault(string method, InjectedFault fault)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        lock (_gate)
        {
            _faults.Add(method, fault);
        }
    }
}
