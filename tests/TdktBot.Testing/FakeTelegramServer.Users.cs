using System.Globalization;
using System.Text.Json.Nodes;

namespace TdktBot.Testing;

// What simulated users do. Each action creates the update Telegram would send the bot and queues it for
// getUpdates or the webhook.
public sealed partial class FakeTelegramServer
{
    private long _nextCallbackQueryId = 4_000_000_000_000_000;

    /// <summary>
    /// A user writes <paramref name="text"/> in a chat. In a private chat the sender is the chat itself; in a
    /// group <paramref name="fromId"/> (default 1001) writes. A leading /command gets its bot_command entity,
    /// as Telegram adds it. The chat exists for the bot from now on.
    /// </summary>
    public FakeUpdate SendText(long chatId, string text, string chatType = "private", long? fromId = null, string? firstName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        lock (_gate)
        {
            var chat = ChatForUser(chatId, chatType);
            var message = NewMessage(chat, UserFor(chat, fromId, firstName));
            message["text"] = text;
            if (text.StartsWith('/'))
            {
                var end = text.IndexOfAny([' ', '\n']);
                var length = end < 0 ? text.Length : end;
                if (length > 1)
                {
                    message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
                }
            }

            return EnqueueMessage(message);
        }
    }

    /// <summary>
    /// A user sends a file, e.g. a plan to import. The bot reaches its content with getFile and the download URL.
    /// </summary>
    public FakeUpdate SendDocument(long chatId, string fileName, byte[] content, string? caption = null, string chatType = "private", long? fromId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var chat = ChatForUser(chatId, chatType);
            var message = NewMessage(chat, UserFor(chat, fromId, null));
            message["document"] = StoreFile(fileName, content).ToJson();
            if (caption is not null)
            {
                message["caption"] = caption;
            }

            return EnqueueMessage(message);
        }
    }

    /// <summary>
    /// A user sends a photo: Telegram gives it in sizes, smallest first; here a thumbnail and the picture itself
    /// (<paramref name="content"/>), both reachable with getFile.
    /// </summary>
    public FakeUpdate SendPhoto(long chatId, byte[] content, string? caption = null, long? fromId = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        lock (_gate)
        {
            var chat = ChatForUser(chatId, "private");
            var message = NewMessage(chat, UserFor(chat, fromId, null));
            var thumbnail = StoreFile("thumb.jpg", [.. content.Take(16)]);
            var picture = StoreFile("photo.jpg", content);
            message["photo"] = new JsonArray(PhotoSize(thumbnail, 90), PhotoSize(picture, 1280));
            if (caption is not null)
            {
                message["caption"] = caption;
            }

            return EnqueueMessage(message);
        }

        static JsonObject PhotoSize(StoredFile file, int width) => new()
        {
            ["file_id"] = file.File.FileId,
            ["file_unique_id"] = file.UniqueId,
            ["width"] = width,
            ["height"] = width * 3 / 4,
            ["file_size"] = file.File.Content.Length,
        };
    }

    /// <summary>
    /// A user presses an inline button with <paramref name="callbackData"/> under message <paramref name="messageId"/>.
    /// The callback_query carries the message as it now stands when the bot sent it; for an unknown message
    /// (sent before the test began) it carries what Telegram sends for inaccessible messages: chat, id, date 0.
    /// </summary>
    public FakeUpdate PressButton(long chatId, long messageId, string callbackData, long? fromId = null)
    {
        ArgumentNullException.ThrowIfNull(callbackData);
        lock (_gate)
        {
            var chat = ChatForUser(chatId, InferType(chatId));
            var id = (_nextCallbackQueryId++).ToString(CultureInfo.InvariantCulture);
            var query = new JsonObject
            {
                ["id"] = id,
                ["from"] = UserFor(chat, fromId, null),
                ["message"] = _messages.TryGetValue((chatId, messageId), out var stored)
                    ? stored.Json.DeepClone()
                    : new JsonObject { ["message_id"] = messageId, ["chat"] = chat.ToJson(), ["date"] = 0 },
                ["chat_instance"] = chat.ChatInstance,
                ["data"] = callbackData,
            };
            _callbackQueries[id] = false;
            return Enqueue("callback_query", query) with { CallbackQueryId = id };
        }
    }

    /// <summary>
    /// A group becomes a supergroup. As in Telegram the bot gets two service messages: one in the old group
    /// with migrate_to_chat_id (returned) and one in the new supergroup with migrate_from_chat_id. From then on
    /// sending to the old id fails with 400 and parameters.migrate_to_chat_id.
    /// </summary>
    public FakeUpdate MigrateGroup(long oldChatId, long newChatId, long? fromId = null)
    {
        lock (_gate)
        {
            var group = ChatForUser(oldChatId, "group");
            var supergroup = ChatForUser(newChatId, "supergroup");
            supergroup.Title = group.Title;
            var user = UserFor(group, fromId, null);
            var left = NewMessage(group, user);
            left["migrate_to_chat_id"] = newChatId;
            var arrived = NewMessage(supergroup, (JsonObject)user.DeepClone());
            arrived["migrate_from_chat_id"] = oldChatId;
            group.MigratedTo = newChatId;
            var first = EnqueueMessage(left);
            EnqueueMessage(arrived);
            return first;
        }
    }

    /// <summary>
    /// A user adds the bot to a group: a my_chat_member update (left → member) and the new_chat_members
    /// service message (returned), after which the bot can write there.
    /// </summary>
    public FakeUpdate AddBotToGroup(long chatId, string? title = null, string chatType = "group", long? fromId = null)
    {
        lock (_gate)
        {
            var chat = ChatForUser(chatId, chatType);
            chat.Title = title ?? chat.Title;
            chat.Kicked = false;
            var user = UserFor(chat, fromId, null);
            Enqueue("my_chat_member", MemberChange(chat, user, "left", "member"));
            var message = NewMessage(chat, (JsonObject)user.DeepClone());
            message["new_chat_members"] = new JsonArray(BotUser());
            return EnqueueMessage(message);
        }
    }

    /// <summary>
    /// A user removes the bot from a group: a my_chat_member update (member → kicked); from then on sends get
    /// 403 "Forbidden: bot was kicked from the group chat".
    /// </summary>
    public FakeUpdate RemoveBotFromGroup(long chatId, long? fromId = null)
    {
        lock (_gate)
        {
            var chat = ChatForUser(chatId, InferType(chatId));
            if (!chat.IsGroup)
            {
                throw new ArgumentException("Only groups and supergroups have members to remove; use Block for a private chat.", nameof(chatId));
            }

            chat.Kicked = true;
            return Enqueue("my_chat_member", MemberChange(chat, UserFor(chat, fromId, null), "member", "kicked"));
        }
    }

    private JsonObject MemberChange(ChatState chat, JsonObject user, string oldStatus, string newStatus)
    {
        var change = new JsonObject
        {
            ["chat"] = chat.ToJson(),
            ["from"] = user.DeepClone(),
            ["date"] = UnixNow(),
            ["old_chat_member"] = new JsonObject { ["status"] = oldStatus, ["user"] = BotUser() },
            ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = BotUser() },
        };
        if (newStatus == "kicked")
        {
            // A banned member carries the end of the ban; 0 means for ever.
            change["new_chat_member"]!["until_date"] = 0;
        }

        return change;
    }

    private FakeUpdate EnqueueMessage(JsonObject message) =>
        Enqueue("message", message) with { MessageId = message["message_id"]!.GetValue<long>() };
}
