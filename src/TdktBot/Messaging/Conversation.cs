using TdktBot.Core.Conversations;

namespace TdktBot.Messaging;

/// <summary>Something a person did in a chat: a text (typed, or the command of a pressed button) or a file.</summary>
public sealed record IncomingMessage
{
    public required Messenger Channel { get; init; }

    /// <summary>The messenger's id of the chat (private or group).</summary>
    public required string ChatAddress { get; init; }

    public bool IsGroup { get; init; }

    /// <summary>The chat's title (group) or the person's name (private), to name the chat in lists.</summary>
    public string? ChatTitle { get; init; }

    /// <summary>
    /// The messenger's id of the person who wrote or pressed (a Telegram or Zalo user id; in a private chat the same as
    /// <see cref="ChatAddress"/>); for the console, the chat itself. Roles belong to people, so this, not the chat, says
    /// who acts.
    /// </summary>
    public required string SenderId { get; init; }

    /// <summary>Who wrote it, for the audit trail.</summary>
    public string? SenderName { get; init; }

    public string? Text { get; init; }

    /// <summary>True when <see cref="Text"/> is the command of a pressed button rather than typed.</summary>
    public bool FromButton { get; init; }

    /// <summary>An attached file's name, if any (forwarded to the office with a confirmation).</summary>
    public string? FileName { get; init; }

    /// <summary>The messenger's id of the attached file.</summary>
    public string? FileId { get; init; }
}

/// <summary>One reply to send back to the same chat, in plain text, with optional choices.</summary>
public sealed record Reply(string Text)
{
    public IReadOnlyList<ChatButton> Buttons { get; init; } = [];

    /// <summary>A file the bot wrote (its full path) to send after the text where the messenger takes files (Telegram).</summary>
    public string? Document { get; init; }
}

/// <summary>The conversation engine as channels see it: every messenger hands it what people do and sends back its replies.</summary>
public interface IConversation
{
    Task<IReadOnlyList<Reply>> HandleAsync(IncomingMessage message, CancellationToken ct);

    /// <summary>A chat changed its id (a Telegram group became a supergroup); its link must follow.</summary>
    Task ChatMovedAsync(Messenger channel, string oldAddress, string newAddress, CancellationToken ct);
}
