namespace TdktBot.Testing;

// Fault and limit injection: what goes wrong between a bot and Telegram in real life, on demand.
public sealed partial class FakeTelegramServer
{
    /// <summary>The user blocked the bot: every send or edit to the chat gets 403 "Forbidden: bot was blocked by the user".</summary>
    public void Block(long chatId)
    {
        lock (_gate)
        {
            // Only a user who started the bot can block it, so the chat exists from now on.
            var chat = ChatOf(chatId);
            chat.Known = true;
            chat.Blocked = true;
        }
    }

    /// <summary>The user unblocked the bot again.</summary>
    public void Unblock(long chatId)
    {
        lock (_gate)
        {
            ChatOf(chatId).Blocked = false;
        }
    }

    /// <summary>From now on the chat does not exist for the bot (deleted account, wrong id): 400 "Bad Request: chat not found".</summary>
    public void ChatNotFound(long chatId)
    {
        lock (_gate)
        {
            ChatOf(chatId).Missing = true;
        }
    }

    /// <summary>
    /// The next <paramref name="times"/> calls of <paramref name="method"/> fail with <paramref name="statusCode"/>
    /// before doing anything; 429 carries parameters.retry_after when <paramref name="retryAfter"/> is given.
    /// Pass int.MaxValue as <paramref name="times"/> for a method that keeps failing. Faults for one method queue up.
    /// </summary>
    public void FailNext(string method, int statusCode, int? retryAfter = null, int times = 1, string? description = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var text = description ?? statusCode switch
        {
            429 when retryAfter is { } seconds => $"Too Many Requests: retry after {seconds}",
            429 => "Too Many Requests",
            400 => "Bad Request",
            403 => "Forbidden",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            _ => "Error",
        };
        var body = new BotApiError(statusCode, text) { RetryAfter = retryAfter }.ToJson();
        AddFault(method, new InjectedFault(statusCode, body, AfterProcessing: false, times));
    }

    /// <summary>
    /// The next call of <paramref name="method"/> gets HTTP 200 with a body that is not valid JSON. With
    /// <paramref name="afterProcessing"/> the call takes effect first (the message is sent), so the bot cannot tell.
    /// </summary>
    public void MalformedNext(string method, bool afterProcessing = false) =>
        AddFault(method, new InjectedFault(200, "{\"ok\":true,\"result\":{\"message_id\":", afterProcessing, 1));

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
    /// Applies Telegram's flood limits to sendMessage and sendDocument: a send that would exceed them gets
    /// 429 "Too Many Requests: retry after N" with parameters.retry_after = seconds until it would fit.
    /// Only accepted sends use up the allowance, and a send stops counting 25 ms before its window ends so a
    /// client that waits exactly retry_after is not refused for timer jitter. <see cref="Stats"/> measures
    /// attempts, exactly, with or without this.
    /// </summary>
    public void EnforceLimits(int globalPerSecond = 30, int perChatPerSecond = 1, int perGroupPerMinute = 20)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(globalPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perChatPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perGroupPerMinute, 1);
        lock (_gate)
        {
            _limiter.Enforce(globalPerSecond, perChatPerSecond, perGroupPerMinute);
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
