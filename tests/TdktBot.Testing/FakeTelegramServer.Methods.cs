using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace TdktBot.Testing;

// The Bot API methods the bot calls, answered the way Telegram answers them.
public sealed partial class FakeTelegramServer
{
    private const int TextLimit = 4096;
    private const int CaptionLimit = 1024;
    private const int CallbackDataLimit = 64;

    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider MimeTypes = new();

    // Fields that give an inline keyboard button something to do; a button with none of them is refused.
    private static readonly string[] ButtonActions =
    [
        "callback_data", "url", "login_url", "switch_inline_query", "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat", "callback_game", "pay", "web_app", "copy_text",
    ];

    private readonly List<SentMessage> _sent = [];
    private readonly List<SentMessage> _refused = [];
    private readonly Dictionary<(long Chat, long Message), StoredMessage> _messages = [];
    private readonly Dictionary<string, bool> _callbackQueries = [];
    private readonly List<CallbackAnswer> _callbackAnswers = [];
    private readonly Dictionary<string, JsonArray> _commands = [];
    private readonly Dictionary<string, StoredFile> _files = [];

    /// <summary>Messages Telegram accepted from the bot, in order, each in its latest (edited) state.</summary>
    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>How many messages were sent so far; with <see cref="SentSince"/>, a long test reads only what is new.</summary>
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

    /// <summary>The messages sent after the first <paramref name="count"/>, in the order they came.</summary>
    public IReadOnlyList<SentMessage> SentSince(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            return count >= _sent.Count ? [] : _sent.GetRange(count, _sent.Count - count);
        }
    }

    /// <summary>Send attempts refused with an error (bad HTML, blocked, 429…), in order.</summary>
    public IReadOnlyList<SentMessage> Refused
    {
        get
        {
            lock (_gate)
            {
                return [.. _refused];
            }
        }
    }

    public IReadOnlyList<CallbackAnswer> CallbackAnswers
    {
        get
        {
            lock (_gate)
            {
                return [.. _callbackAnswers];
            }
        }
    }

    /// <summary>The command list last set with setMyCommands for a scope ("default", "all_private_chats", "chat"…) and language.</summary>
    public IReadOnlyList<BotCommandInfo> GetCommands(string scopeType = "default", long? chatId = null, string languageCode = "")
    {
        lock (_gate)
        {
            var key = CommandsKey(scopeType, chatId?.ToString(CultureInfo.InvariantCulture), null, languageCode);
            return _commands.TryGetValue(key, out var commands)
                ? [.. commands.Select(c => new BotCommandInfo(c!["command"]!.GetValue<string>(), c["description"]!.GetValue<string>()))]
                : [];
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> accepted messages match <paramref name="predicate"/> and returns the
    /// first <paramref name="count"/> of them. The timeout (5 s by default) fails with the messages seen so far.
    /// </summary>
    public async Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(
        Func<SentMessage, bool> predicate, int count = 1, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        IReadOnlyList<SentMessage> found = [];
        try
        {
            await WaitUntilAsync(
                () => (found = [.. Sent.Where(predicate).Take(count)]).Count >= count,
                timeout,
                $"{count} matching message(s)",
                cancellationToken);
        }
        catch (TimeoutException timedOut)
        {
            var seen = string.Join("; ", Sent.Select(m => $"[{m.ChatId}] {m.PlainText}"));
            var refused = string.Join("; ", Refused.Select(m => $"[{m.ChatId}] {m.ErrorCode} {m.ErrorDescription}"));
            throw new TimeoutException($"{timedOut.Message} Got {found.Count}. Sent: {seen}. Refused: {refused}.", timedOut);
        }

        return found;
    }

    /// <summary>Waits for at least <paramref name="count"/> accepted messages in total.</summary>
    public Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        WaitForMessagesAsync(_ => true, count, timeout, cancellationToken);

    private Dictionary<string, Func<ApiRequest, CancellationToken, Task<Reply>>> CreateMethods()
    {
        static Func<ApiRequest, CancellationToken, Task<Reply>> Sync(Func<ApiRequest, Reply> handler) =>
            (request, _) => Task.FromResult(handler(request));

        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["getMe"] = Sync(_ => new Reply(BotUser(full: true).ToJsonString(JsonOut))),
            ["getUpdates"] = GetUpdatesAsync,
            ["sendMessage"] = Sync(r => Deliver(r, "sendMessage", r.String("text") ?? "", isCaption: false, document: null)),
            ["sendDocument"] = SendDocumentAsync,
            ["editMessageText"] = Sync(r => Edit(r, editText: true)),
            ["editMessageReplyMarkup"] = Sync(r => Edit(r, editText: false)),
            ["answerCallbackQuery"] = Sync(AnswerCallbackQuery),
            ["setMyCommands"] = Sync(SetMyCommands),
            ["getMyCommands"] = Sync(GetMyCommands),
            ["deleteMyCommands"] = Sync(DeleteMyCommands),
            ["setWebhook"] = Sync(SetWebhook),
            ["deleteWebhook"] = Sync(DeleteWebhook),
            ["getWebhookInfo"] = Sync(_ => GetWebhookInfo()),
            ["getFile"] = Sync(GetFile),
        };
    }

    private async Task<Reply> SendDocumentAsync(ApiRequest request, CancellationToken aborted)
    {
        // Read an uploaded file before taking the lock; resolving it (or a file_id) happens inside Deliver.
        // The file is either the form part "document" or, as Telegram.Bot sends it, "attach://<part>".
        var reference = request.String("document");
        var upload = request.Files?.GetFile(
            reference?.StartsWith("attach://", StringComparison.Ordinal) == true ? reference["attach://".Length..] : "document");
        byte[]? content = null;
        if (upload is not null)
        {
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, aborted);
            content = buffer.ToArray();
        }

        return Deliver(request, "sendDocument", request.String("caption") ?? "", isCaption: true, document: () =>
            upload is not null ? StoreFile(upload.FileName, content!)
            : reference is not null && _files.TryGetValue(reference, out var known) ? known
            : request.Has("document") ? throw new BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
            : throw new BotApiError(400, "Bad Request: there is no document in the request"));
    }

    /// <summary>sendMessage and sendDocument: checks as Telegram does, then records the message or the refusal.</summary>
    private Reply Deliver(ApiRequest request, string method, string text, bool isCaption, Func<StoredFile>? document)
    {
        var chatId = request.ChatId();
        var parseMode = request.String("parse_mode");
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            var receivedAt = Stopwatch.GetElapsedTime(_started, now);
            var chat = ChatOf(chatId);
            _limiter.RecordAttempt(chatId, chat.IsGroup, now);
            try
            {
                EnsureReachable(chat);
                var file = document?.Invoke();
                var (plain, entities) = Format(text, parseMode, isCaption);
                var markup = ReadMarkup(request.Json("reply_markup"));
                if (_limiter.RetryAfter(chatId, chat.IsGroup, now) is { } wait)
                {
                    throw new BotApiError(429, $"Too Many Requests: retry after {wait}") { RetryAfter = wait };
                }

                _limiter.RecordAccepted(chatId, chat.IsGroup, now);
                var message = NewMessage(chat, BotUser());
                var textField = isCaption ? "caption" : "text";
                if (file is not null)
                {
                    message["document"] = file.ToJson();
                }

                if (!isCaption || text.Length > 0)
                {
                    message[textField] = plain;
                }

                SetEntities(message, isCaption ? "caption_entities" : "entities", entities);
                SetOrRemove(message, "reply_markup", markup.Inline);
                var messageId = message["message_id"]!.GetValue<long>();
                _sent.Add(new SentMessage
                {
                    Method = method,
                    ChatId = chatId,
                    MessageId = messageId,
                    Text = text,
                    PlainText = plain,
                    Entities = entities,
                    ParseMode = CanonicalParseMode(parseMode),
                    Buttons = markup.Buttons,
                    ReplyMarkup = markup.Raw,
                    Document = file?.File,
                    ReceivedAt = receivedAt,
                });
                _messages[(chatId, messageId)] = new StoredMessage(message, _sent.Count - 1);
                Pulse();
                return new Reply(message.ToJsonString(JsonOut));
            }
            catch (BotApiError error)
            {
                _refused.Add(new SentMessage
                {
                    Method = method,
                    ChatId = chatId,
                    Text = text,
                    PlainText = text,
                    ParseMode = CanonicalParseMode(parseMode),
                    ReceivedAt = receivedAt,
                    HtmlError = error.HtmlError,
                    ErrorCode = error.Code,
                    ErrorDescription = error.Message,
                });
                Pulse();
                throw;
            }
        }
    }

    /// <summary>
    /// editMessageText / editMessageReplyMarkup. As in Telegram, leaving reply_markup out removes the inline
    /// keyboard, and an edit that changes nothing is refused with "message is not modified".
    /// </summary>
    private Reply Edit(ApiRequest request, bool editText)
    {
        if (request.Has("inline_message_id"))
        {
            throw new BotApiError(400, "Bad Request: inline messages are not simulated by the fake server");
        }

        var chatId = request.ChatId();
        var messageId = request.MessageId();
        lock (_gate)
        {
            EnsureReachable(ChatOf(chatId));
            if (!_messages.TryGetValue((chatId, messageId), out var stored))
            {
                throw new BotApiError(400, "Bad Request: message to edit not found");
            }

            var markup = ReadMarkup(request.Json("reply_markup"));
            var updated = (JsonObject)stored.Json.DeepClone();
            var record = _sent[stored.SentIndex];
            record = record with { Buttons = markup.Buttons, ReplyMarkup = markup.Raw, EditCount = record.EditCount + 1 };
            if (editText)
            {
                if (updated["text"] is null)
                {
                    throw new BotApiError(400, "Bad Request: there is no text in the message to edit");
                }

                var text = request.String("text") ?? "";
                var parseMode = request.String("parse_mode");
                var (plain, entities) = Format(text, parseMode, isCaption: false);
                updated["text"] = plain;
                SetEntities(updated, "entities", entities);
                record = record with { Text = text, PlainText = plain, Entities = entities, ParseMode = CanonicalParseMode(parseMode) };
            }

            SetOrRemove(updated, "reply_markup", markup.Inline);
            var before = (JsonObject)stored.Json.DeepClone();
            before.Remove("edit_date");
            updated.Remove("edit_date");
            if (JsonNode.DeepEquals(before, updated))
            {
                throw new BotApiError(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }

            updated["edit_date"] = UnixNow();
            stored.Json = updated;
            _sent[stored.SentIndex] = record;
            Pulse();
            return new Reply(updated.ToJsonString(JsonOut));
        }
    }

    private Reply AnswerCallbackQuery(ApiRequest request)
    {
        var id = request.String("callback_query_id") ?? "";
        lock (_gate)
        {
            // A query can be answered once; Telegram also forgets queries after a while, which the fake does not.
            if (!_callbackQueries.TryGetValue(id, out var answered) || answered)
            {
                throw new BotApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
            }

            _callbackQueries[id] = true;
            _callbackAnswers.Add(new CallbackAnswer(id, request.String("text"), request.Bool("show_alert"), request.String("url"), Elapsed));
            Pulse();
        }

        return new Reply("true");
    }

    private Reply SetMyCommands(ApiRequest request)
    {
        if (request.Json("commands") is not JsonArray commands)
        {
            throw new BotApiError(400, "Bad Request: commands must be an array of BotCommand");
        }

        if (commands.Count > 100)
        {
            throw new BotApiError(400, "Bad Request: too many commands");
        }

        foreach (var command in commands)
        {
            var name = command?["command"]?.GetValue<string>() ?? "";
            var description = command?["description"]?.GetValue<string>() ?? "";
            if (!Regex.IsMatch(name, "^[a-z0-9_]{1,32}$"))
            {
                throw new BotApiError(400, "Bad Request: BOT_COMMAND_INVALID");
            }

            if (description.Length is 0 or > 256)
            {
                throw new BotApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }

        lock (_gate)
        {
            _commands[CommandsKey(request)] = commands;
            Pulse();
        }

        return new Reply("true");
    }

    private Reply GetMyCommands(ApiRequest request)
    {
        lock (_gate)
        {
            return new Reply(_commands.TryGetValue(CommandsKey(request), out var commands) ? commands.ToJsonString(JsonOut) : "[]");
        }
    }

    private Reply DeleteMyCommands(ApiRequest request)
    {
        lock (_gate)
        {
            _commands.Remove(CommandsKey(request));
            Pulse();
        }

        return new Reply("true");
    }

    private static string CommandsKey(ApiRequest request)
    {
        var scope = request.Json("scope");
        return CommandsKey(
            scope?["type"]?.ToString() ?? "default", scope?["chat_id"]?.ToString(), scope?["user_id"]?.ToString(), request.String("language_code") ?? "");
    }

    private static string CommandsKey(string scopeType, string? chatId, string? userId, string languageCode) =>
        $"{scopeType}|{chatId}|{userId}|{languageCode}";

    private Reply GetFile(ApiRequest request)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(request.String("file_id") ?? "", out var file))
            {
                throw new BotApiError(400, "Bad Request: invalid file_id");
            }

            return new Reply(new JsonObject
            {
                ["file_id"] = file.File.FileId,
                ["file_unique_id"] = file.UniqueId,
                ["file_size"] = file.File.Content.Length,
                ["file_path"] = file.Path,
            }.ToJsonString(JsonOut));
        }
    }

    /// <summary>GET /file/bot&lt;token&gt;/&lt;file_path&gt;: the download URL getFile leads to. Recorded in <see cref="Calls"/> as method "file".</summary>
    private async Task ServeFileAsync(HttpContext context, string tokenAndPath)
    {
        var arrived = Elapsed;
        var slash = tokenAndPath.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? tokenAndPath : tokenAndPath[..slash];
        var path = slash < 0 ? "" : tokenAndPath[(slash + 1)..];
        StoredFile? file;
        lock (_gate)
        {
            file = _files.Values.FirstOrDefault(f => f.Path == path);
        }

        var status = token != _options.Token ? 401 : file is null ? 404 : 200;
        Record("file", path, status, arrived);
        if (status != 200)
        {
            await WriteAsync(context, status, new BotApiError(status, status == 401 ? "Unauthorized" : "Not Found").ToJson());
            return;
        }

        context.Response.ContentType = file!.File.MimeType;
        await context.Response.Body.WriteAsync(file.File.Content, context.RequestAborted);
    }

    /// <summary>Keeps a file under a new id and download path; call with the lock held.</summary>
    private StoredFile StoreFile(string fileName, byte[] content)
    {
        var number = _files.Count + 1;
        var mimeType = MimeTypes.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";
        var file = new StoredFile(
            new FakeFile($"BQACAgIAAx{number:D6}", fileName, mimeType, content),
            $"AgAD{number:D6}",
            $"documents/file_{number}{Path.GetExtension(fileName)}");
        _files[file.File.FileId] = file;
        return file;
    }

    /// <summary>Plain text and entities of a text or caption, refused as Telegram refuses it.</summary>
    private static (string Plain, IReadOnlyList<TextEntity> Entities) Format(string text, string? parseMode, bool isCaption)
    {
        var (plain, entities) = CanonicalParseMode(parseMode) switch
        {
            null => (text, []),
            "HTML" => ParseHtml(text),
            // MarkdownV2 and Markdown are accepted but not checked: the bot formats with HTML.
            "MarkdownV2" or "Markdown" => (text, []),
            _ => throw new BotApiError(400, "Bad Request: unsupported parse_mode"),
        };
        if (!isCaption && string.IsNullOrWhiteSpace(plain))
        {
            throw new BotApiError(400, "Bad Request: message text is empty");
        }

        if (plain.Length > (isCaption ? CaptionLimit : TextLimit))
        {
            throw new BotApiError(400, isCaption ? "Bad Request: message caption is too long" : "Bad Request: message is too long");
        }

        return (plain, entities);
    }

    private static (string, IReadOnlyList<TextEntity>) ParseHtml(string text)
    {
        var parsed = TelegramHtml.Parse(text);
        return parsed.Error is { } error
            ? throw new BotApiError(400, $"Bad Request: can't parse entities: {error}") { HtmlError = error }
            : (parsed.PlainText, parsed.Entities);
    }

    /// <summary>Telegram reads parse_mode without regard to case; the record uses its own spelling.</summary>
    private static string? CanonicalParseMode(string? parseMode) => parseMode?.ToUpperInvariant() switch
    {
        null or "" => null,
        "HTML" => "HTML",
        "MARKDOWNV2" => "MarkdownV2",
        "MARKDOWN" => "Markdown",
        _ => parseMode,
    };

    /// <summary>Checks reply_markup; inline keyboards are returned for the message, other keyboards only recorded.</summary>
    private static Markup ReadMarkup(JsonNode? markup)
    {
        if (markup is null)
        {
            return new Markup([], null, null);
        }

        if (markup is not JsonObject)
        {
            throw new BotApiError(400, "Bad Request: can't parse reply keyboard markup JSON object");
        }

        var raw = markup.ToJsonString(JsonOut);
        if (markup["inline_keyboard"] is not { } keyboard)
        {
            return new Markup([], raw, null);
        }

        if (keyboard is not JsonArray rows || rows.Any(row => row is not JsonArray))
        {
            throw new BotApiError(400, "Bad Request: can't parse inline keyboard: field \"inline_keyboard\" must be an array of arrays");
        }

        var buttons = new List<IReadOnlyList<InlineButton>>();
        foreach (var row in rows.Cast<JsonArray>())
        {
            var line = new List<InlineButton>();
            foreach (var button in row)
            {
                var text = button?["text"]?.GetValue<string>();
                if (string.IsNullOrEmpty(text))
                {
                    throw new BotApiError(400, "Bad Request: can't parse inline keyboard button: Text must be non-empty");
                }

                if (!ButtonActions.Any(action => button![action] is not null))
                {
                    throw new BotApiError(400, "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
                }

                var data = button!["callback_data"]?.GetValue<string>();
                if (data is not null && (data.Length == 0 || Encoding.UTF8.GetByteCount(data) > CallbackDataLimit))
                {
                    throw new BotApiError(400, "Bad Request: BUTTON_DATA_INVALID");
                }

                line.Add(new InlineButton(text, data, button["url"]?.GetValue<string>()));
            }

            buttons.Add(line);
        }

        return new Markup(buttons, raw, new JsonObject { ["inline_keyboard"] = keyboard.DeepClone() });
    }

    private static void SetEntities(JsonObject message, string field, IReadOnlyList<TextEntity> entities)
    {
        if (entities.Count == 0)
        {
            message.Remove(field);
            return;
        }

        var array = new JsonArray();
        foreach (var entity in entities)
        {
            var json = new JsonObject { ["type"] = entity.Type, ["offset"] = entity.Offset, ["length"] = entity.Length };
            if (entity.Url is not null)
            {
                json["url"] = entity.Url;
            }

            if (entity.Language is not null)
            {
                json["language"] = entity.Language;
            }

            if (entity.CustomEmojiId is not null)
            {
                json["custom_emoji_id"] = entity.CustomEmojiId;
            }

            array.Add(json);
        }

        message[field] = array;
    }

    private static void SetOrRemove(JsonObject target, string field, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(field);
        }
        else
        {
            target[field] = value;
        }
    }

    private sealed record Markup(IReadOnlyList<IReadOnlyList<InlineButton>> Buttons, string? Raw, JsonObject? Inline);

    /// <summary>A bot message as Telegram holds it (for edits and callback queries) and its place in <see cref="_sent"/>.</summary>
    private sealed class StoredMessage(JsonObject json, int sentIndex)
    {
        public JsonObject Json { get; set; } = json;

        public int SentIndex { get; } = sentIndex;
    }

    private sealed record StoredFile(FakeFile File, string UniqueId, string Path)
    {
        public JsonObject ToJson() => new()
        {
            ["file_name"] = File.FileName,
            ["mime_type"] = File.MimeType,
            ["file_id"] = File.FileId,
            ["file_unique_id"] = UniqueId,
            ["file_size"] = File.Content.Length,
        };
    }
}
