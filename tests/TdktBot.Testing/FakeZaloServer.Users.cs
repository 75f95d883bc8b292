using System.Text.Json.Nodes;

namespace TdktBot.Testing;

// What simulated users do, and which chats the bot may write to. Each action creates the update Zalo would
// send the bot and queues it for getUpdates or the webhook. Only private chats exist: chat.id == from.id.
public sealed partial class FakeZaloServer
{
    private readonly HashSet<string> _knownChats = [];
    private readonly HashSet<string> _blockedChats = [];
    private readonly HashSet<string> _missingChats = [];
    private readonly Dictionary<string, string> _displayNames = [];

    /// <summary>
    /// A user writes <paramref name="text"/> to the bot (message.text.received). The chat exists for the bot from
    /// now on. <paramref name="displayName"/> is remembered for the user's later messages.
    /// </summary>
    public ZaloUpdate SendText(string userId, string text, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Enqueue(userId, "message.text.received", displayName, message => message["text"] = text, text);
    }

    /// <summary>A user sends a picture (message.image.received): <c>photo</c> is its URL, with an optional caption.</summary>
    public ZaloUpdate SendImage(string userId, string photoUrl, string? caption = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(photoUrl);
        return Enqueue(userId, "message.image.received", null, message =>
        {
            message["photo"] = photoUrl;
            if (caption is not null)
            {
                message["caption"] = caption;
            }
        });
    }

    /// <summary>
    /// A user sends a picture with <paramref name="content"/>, served at an address of this server until it stops
    /// (GET /photos/…, recorded as method "photo").
    /// </summary>
    public ZaloUpdate SendPhoto(string userId, byte[] content, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = NewId() + ".jpg";
        lock (_gate)
        {
            _photos[name] = content;
        }

        return SendImage(userId, $"{BaseUrl}/photos/{name}", caption);
    }

    /// <summary>A user sends a sticker (message.sticker.received); <c>sticker</c> is an opaque id.</summary>
    public ZaloUpdate SendSticker(string userId) =>
        Enqueue(userId, "message.sticker.received", null, message => message["sticker"] = NewId());

    /// <summary>A user sends something the platform does not describe to bots (message.unsupported.received, no content).</summary>
    public ZaloUpdate SendUnsupported(string userId) =>
        Enqueue(userId, "message.unsupported.received", null, _ => { });

    /// <summary>
    /// A text update from <paramref name="userId"/> that is not queued: for a test that posts it to the webhook itself
    /// (<see cref="PostToWebhookAsync"/>), once or several times. The chat exists for the bot from now on.
    /// </summary>
    public ZaloUpdate NewText(string userId, string text, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Create(userId, "message.text.received", displayName, message => message["text"] = text, text, queue: false);
    }

    /// <summary>Makes a chat exist for the bot without any update, as if the user had written before the test began.</summary>
    public void AddChat(string chatId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        lock (_gate)
        {
            _knownChats.Add(chatId);
        }
    }

    private ZaloUpdate Enqueue(string userId, string eventName, string? displayName, Action<JsonObject> content, string? text = null) =>
        Create(userId, eventName, displayName, content, text, queue: true);

    private ZaloUpdate Create(string userId, string eventName, string? displayName, Action<JsonObject> content, string? text, bool queue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        lock (_gate)
        {
            var name = displayName ?? _displayNames.GetValueOrDefault(userId) ?? $"User {userId}";
            _displayNames[userId] = name;
            _knownChats.Add(userId);
            var messageId = NewId();
            var message = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = UnixMsNow(),
                ["from"] = new JsonObject { ["id"] = userId, ["display_name"] = name, ["is_bot"] = false },
                ["chat"] = new JsonObject { ["id"] = userId, ["chat_type"] = "PRIVATE" },
            };
            content(message);
            var json = new JsonObject { ["event_name"] = eventName, ["message"] = message }.ToJsonString(FakeTelegramServer.JsonOut);
            var update = new ZaloUpdate(eventName, messageId, userId, text, json);
            if (queue)
            {
                _queue.Add(new PendingUpdate(update));
                Pulse();
            }

            return update;
        }
    }

    /// <summary>Refuses a send the way Zalo does when the chat cannot receive it; call with the lock held.</summary>
    private void EnsureReachable(string chatId)
    {
        if (chatId.Length == 0)
        {
            throw new BotApiError(400, "Bad Request: chat_id is required");
        }

        if (_missingChats.Contains(chatId) || (!_knownChats.Contains(chatId) && !_options.AcceptUnknownChats))
        {
            throw new BotApiError(400, "Bad Request: chat not found");
        }

        if (_blockedChats.Contains(chatId))
        {
            throw new BotApiError(403, "Forbidden: user blocked the bot");
        }
    }
}
