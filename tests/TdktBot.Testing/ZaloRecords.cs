namespace TdktBot.Testing;

/// <summary>
/// An update a simulated Zalo user caused, as <see cref="FakeZaloServer"/> hands it to getUpdates or the
/// webhook. <see cref="Json"/> is the update object exactly as served; posting the same record twice with
/// <see cref="FakeZaloServer.PostToWebhookAsync"/> is a duplicate delivery (same message_id).
/// </summary>
/// <param name="EventName">message.text.received, message.image.received, message.sticker.received or message.unsupported.received.</param>
/// <param name="MessageId">The user's message id: 20 hex characters.</param>
/// <param name="ChatId">The private chat, which is also the user's id.</param>
/// <param name="Text">The text of a text message; null for the other events.</param>
/// <param name="Json">The update object as JSON.</param>
public sealed record ZaloUpdate(string EventName, string MessageId, string ChatId, string? Text, string Json);

/// <summary>
/// A sendMessage the bot made. Accepted ones are in <see cref="FakeZaloServer.Sent"/>; refused ones are in
/// <see cref="FakeZaloServer.Refused"/> with the error the bot was given.
/// </summary>
public sealed record ZaloSentMessage
{
    /// <summary>chat_id as sent; empty when the bot sent none.</summary>
    public required string ChatId { get; init; }

    /// <summary>text as sent; empty when the bot sent none.</summary>
    public required string Text { get; init; }

    /// <summary>The id Zalo gave the message (20 hex characters); empty when it was refused.</summary>
    public string MessageId { get; init; } = "";

    /// <summary>The date answered, epoch milliseconds; 0 when refused.</summary>
    public long Date { get; init; }

    /// <summary>When the server handled the request, on its clock (<see cref="FakeZaloServer.Elapsed"/>).</summary>
    public TimeSpan ReceivedAt { get; init; }

    /// <summary>Names of the parameters other than chat_id and text (parse_mode, reply_markup…), which Zalo does not use.</summary>
    public IReadOnlyList<string> ExtraFields { get; init; } = [];

    /// <summary>The request body exactly as the bot sent it (its parameters as JSON for a GET or a form).</summary>
    public string Body { get; init; } = "";

    /// <summary>HTTP status / error_code answered when refused; null when accepted.</summary>
    public int? ErrorCode { get; init; }

    public string? ErrorDescription { get; init; }
}

/// <summary>
/// One automatic attempt to post an update to the bot's webhook: the status it answered (0 when no answer
/// came) and why it failed; <paramref name="Attempt"/> counts from 1 for each update.
/// </summary>
public sealed record ZaloWebhookDelivery(ZaloUpdate Update, int StatusCode, string? Error, int Attempt, TimeSpan At);
