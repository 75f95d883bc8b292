namespace TdktBot.Testing;

/// <summary>One button of an inline keyboard as the bot sent it.</summary>
public sealed record InlineButton(string Text, string? CallbackData, string? Url);

/// <summary>A file known to the fake server: uploaded by the bot or sent by a simulated user.</summary>
public sealed record FakeFile(string FileId, string FileName, string MimeType, ReadOnlyMemory<byte> Content);

/// <summary>
/// A message the bot asked Telegram to send (sendMessage, sendDocument). Accepted ones are in
/// <see cref="FakeTelegramServer.Sent"/> and reflect later edits; refused ones are in
/// <see cref="FakeTelegramServer.Refused"/> with the error the bot was given.
/// </summary>
public sealed record SentMessage
{
    /// <summary>The Bot API method that sent it: sendMessage or sendDocument.</summary>
    public required string Method { get; init; }

    public required long ChatId { get; init; }

    /// <summary>Identifier Telegram gave the message; 0 when it was refused.</summary>
    public long MessageId { get; init; }

    /// <summary>Text (a document's caption) exactly as the bot sent it, HTML tags included.</summary>
    public required string Text { get; init; }

    /// <summary>What the user reads: <see cref="Text"/> with formatting removed and entities decoded.</summary>
    public required string PlainText { get; init; }

    public IReadOnlyList<TextEntity> Entities { get; init; } = [];

    /// <summary>HTML, MarkdownV2 or Markdown in Telegram's spelling whatever case the bot used; null for plain text.</summary>
    public string? ParseMode { get; init; }

    /// <summary>Rows of the inline keyboard; empty when there is none.</summary>
    public IReadOnlyList<IReadOnlyList<InlineButton>> Buttons { get; init; } = [];

    /// <summary>The reply_markup JSON as sent, whatever the keyboard type; null when there was none.</summary>
    public string? ReplyMarkup { get; init; }

    public FakeFile? Document { get; init; }

    /// <summary>When the server handled the request, on its high-resolution clock (<see cref="FakeTelegramServer.Elapsed"/>); edits keep the original time.</summary>
    public TimeSpan ReceivedAt { get; init; }

    /// <summary>How many times editMessageText or editMessageReplyMarkup changed it.</summary>
    public int EditCount { get; init; }

    /// <summary>Why the HTML was refused, when that was the reason.</summary>
    public string? HtmlError { get; init; }

    /// <summary>HTTP status / error_code answered when refused; null when accepted.</summary>
    public int? ErrorCode { get; init; }

    public string? ErrorDescription { get; init; }
}

/// <summary>One request that reached the server: method name, parameters as JSON, status answered (0 when the connection was dropped).</summary>
public sealed record ApiCall(string Method, string Body, int StatusCode, TimeSpan At);

/// <summary>An answerCallbackQuery the bot made.</summary>
public sealed record CallbackAnswer(string CallbackQueryId, string? Text, bool ShowAlert, string? Url, TimeSpan At);

/// <summary>A bot command as set with setMyCommands.</summary>
public sealed record BotCommandInfo(string Command, string Description);

/// <summary>
/// An update created by a simulated user action. <see cref="Json"/> is the Update object exactly as
/// getUpdates or the webhook delivers it.
/// </summary>
public sealed record FakeUpdate(long UpdateId, string Type, string Json)
{
    /// <summary>The message_id of the user's message, for message updates.</summary>
    public long? MessageId { get; init; }

    /// <summary>The id the bot must pass to answerCallbackQuery, for callback_query updates.</summary>
    public string? CallbackQueryId { get; init; }
}

/// <summary>One attempt to deliver an update to the bot's webhook: HTTP status (0 when no response) and error text if it failed.</summary>
public sealed record WebhookDelivery(long UpdateId, int StatusCode, string? Error, TimeSpan At);

/// <summary>
/// Sending rates the bot actually attempted, measured on the server's clock, to compare with the messenger's
/// limits. On Telegram (sendMessage and sendDocument, accepted or not) those are about 30 messages a second
/// overall, one a second per chat and 20 a minute per group; on Zalo (sendMessage) whatever
/// <see cref="FakeZaloServer.EnforceLimits"/> sets. Calls stopped by an injected fault before they were
/// handled (FailNext, DropNext, MalformedNext) are not attempts, though their 429s are counted.
/// </summary>
/// <param name="Attempts">Send requests that named a chat.</param>
/// <param name="MaxPerSecond">Most send requests inside any sliding one-second window.</param>
/// <param name="MinGapInOneChat">Shortest time between two consecutive sends to the same chat; null when no chat got two.</param>
/// <param name="MinGapByChat">The same per Telegram chat, for chats that got at least two; empty on Zalo, whose chat ids are not numbers (see <see cref="MinGapByChatId"/>).</param>
/// <param name="MaxPerMinuteInOneGroup">Most send requests to one group or supergroup inside any sliding 60-second window.</param>
/// <param name="TooManyRequests">429 answers given, injected or from enforced limits, for any method.</param>
public sealed record SendStats(
    int Attempts,
    int MaxPerSecond,
    TimeSpan? MinGapInOneChat,
    IReadOnlyDictionary<long, TimeSpan> MinGapByChat,
    int MaxPerMinuteInOneGroup,
    int TooManyRequests)
{
    /// <summary>Shortest gap per chat, for chats that got at least two sends, keyed by the chat id as text (Telegram's numbers in invariant culture, Zalo's ids as they are).</summary>
    public IReadOnlyDictionary<string, TimeSpan> MinGapByChatId { get; init; } = new Dictionary<string, TimeSpan>();
}
