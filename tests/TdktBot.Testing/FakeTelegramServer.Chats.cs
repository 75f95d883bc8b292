using System.Text.Json.Nodes;

namespace TdktBot.Testing;

// Chats and users as Telegram knows them, and the JSON objects that describe them.
public sealed partial class FakeTelegramServer
{
    // Telegram numbers supergroups from -1000000000000 down; basic groups have small negative ids.
    private const long SupergroupIdBound = -1_000_000_000_000;

    // Sender of group messages when the test does not name one.
    private const long DefaultMemberId = 1001;

    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<long, string> _userNames = [];

    /// <summary>
    /// Makes a chat exist for the bot without any update, as if it had been used before the test began.
    /// The type follows from the id unless given: positive = private, below -1000000000000 = supergroup,
    /// other negative = group.
    /// </summary>
    public void AddChat(long chatId, string? title = null, string? chatType = null)
    {
        lock (_gate)
        {
            var chat = ChatForUser(chatId, chatType ?? InferType(chatId));
            if (title is not null)
            {
                if (chat.IsGroup)
                {
                    chat.Title = title;
                }
                else
                {
                    chat.FirstName = title;
                }
            }
        }
    }

    private static string InferType(long chatId) => chatId switch
    {
        > 0 => "private",
        <= SupergroupIdBound => "supergroup",
        _ => "group",
    };

    /// <summary>The chat's state, created on first mention (existing for the bot only once a user made it so).</summary>
    private ChatState ChatOf(long chatId)
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            _chats[chatId] = chat = new ChatState(chatId, InferType(chatId));
        }

        return chat;
    }

    /// <summary>A chat a simulated user acts in: checked against its type, and from then on known to the bot.</summary>
    private ChatState ChatForUser(long chatId, string chatType)
    {
        if (chatType is not ("private" or "group" or "supergroup"))
        {
            throw new ArgumentException($"Chat type \"{chatType}\" is not simulated; use private, group or supergroup.", nameof(chatType));
        }

        if (InferType(chatId) != chatType)
        {
            throw new ArgumentException(
                $"Chat id {chatId} does not fit type {chatType}: private chats have the user's (positive) id, groups small negative ids, supergroups ids below {SupergroupIdBound}.",
                nameof(chatId));
        }

        var chat = ChatOf(chatId);
        if (chat.MigratedTo is { } newId)
        {
            throw new InvalidOperationException($"Group {chatId} became supergroup {newId}; its members write there now.");
        }

        chat.Known = true;
        if (chat.IsGroup)
        {
            chat.Title ??= $"Group {chatId}";
        }

        return chat;
    }

    /// <summary>The simulated user acting in <paramref name="chat"/>; in a private chat that is the chat's own id.</summary>
    private JsonObject UserFor(ChatState chat, long? fromId, string? firstName)
    {
        var id = fromId ?? (chat.IsGroup ? DefaultMemberId : chat.Id);
        if (!chat.IsGroup && id != chat.Id)
        {
            throw new ArgumentException($"In a private chat the chat id is the user's id, so the sender must be {chat.Id}.", nameof(fromId));
        }

        var name = firstName ?? _userNames.GetValueOrDefault(id) ?? $"User {id}";
        _userNames[id] = name;
        if (!chat.IsGroup)
        {
            chat.FirstName = name;
        }

        return new JsonObject { ["id"] = id, ["is_bot"] = false, ["first_name"] = name, ["language_code"] = "vi" };
    }

    private JsonObject BotUser(bool full = false)
    {
        var bot = new JsonObject
        {
            ["id"] = BotId,
            ["is_bot"] = true,
            ["first_name"] = _options.BotFirstName,
            ["username"] = _options.BotUsername,
        };
        if (full)
        {
            // getMe adds what the bot may do, as configured in BotFather.
            bot["can_join_groups"] = true;
            bot["can_read_all_group_messages"] = false;
            bot["supports_inline_queries"] = false;
        }

        return bot;
    }

    /// <summary>A new message in <paramref name="chat"/>; ids count up per chat, shared by the users and the bot as in Telegram.</summary>
    private static JsonObject NewMessage(ChatState chat, JsonObject from) => new()
    {
        ["message_id"] = chat.NextMessageId++,
        ["from"] = from,
        ["chat"] = chat.ToJson(),
        ["date"] = UnixNow(),
    };

    private static long UnixNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Refuses a send or edit the way Telegram does when the chat cannot receive it.</summary>
    private void EnsureReachable(ChatState chat)
    {
        if (chat.Missing || (!chat.Known && !_options.AcceptUnknownChats))
        {
            throw new BotApiError(400, "Bad Request: chat not found");
        }

        if (chat.MigratedTo is { } newId)
        {
            throw new BotApiError(400, "Bad Request: group chat was upgraded to a supergroup chat") { MigrateToChatId = newId };
        }

        if (chat.Kicked)
        {
            throw new BotApiError(403, $"Forbidden: bot was kicked from the {chat.Type} chat");
        }

        if (chat.Blocked)
        {
            throw new BotApiError(403, "Forbidden: bot was blocked by the user");
        }
    }

    private sealed class ChatState(long id, string type)
    {
        public long Id { get; } = id;

        public string Type { get; } = type;

        public bool IsGroup => Type != "private";

        public string? Title { get; set; }

        public string? FirstName { get; set; }

        public long NextMessageId { get; set; } = 1;

        /// <summary>The chat exists for the bot: a user wrote, added the bot, or the test said so.</summary>
        public bool Known { get; set; }

        public bool Missing { get; set; }

        public bool Blocked { get; set; }

        public bool Kicked { get; set; }

        public long? MigratedTo { get; set; }

        /// <summary>Telegram's opaque per-chat token sent with callback queries.</summary>
        public string ChatInstance => $"instance{Math.Abs(Id)}";

        public JsonObject ToJson() => IsGroup
            ? new JsonObject { ["id"] = Id, ["title"] = Title ?? $"Group {Id}", ["type"] = Type }
            : new JsonObject { ["id"] = Id, ["first_name"] = FirstName ?? $"User {Id}", ["type"] = Type };
    }
}
