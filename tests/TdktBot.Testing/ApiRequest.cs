using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace TdktBot.Testing;

/// <summary>
/// A Bot API error the fake answers with: HTTP status = error_code, plus the optional parameters
/// object Telegram adds for flood control and group migration. Handlers throw it; the dispatcher turns
/// it into the response.
/// </summary>
internal sealed class BotApiError(int code, string description) : Exception(description)
{
    public int Code { get; } = code;

    public int? RetryAfter { get; init; }

    public long? MigrateToChatId { get; init; }

    /// <summary>Set when the reason is malformed HTML, so the refused message can carry it.</summary>
    public string? HtmlError { get; init; }

    public string ToJson()
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = Code, ["description"] = Message };
        if (RetryAfter is { } retry)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = retry };
        }
        else if (MigrateToChatId is { } migrated)
        {
            body["parameters"] = new JsonObject { ["migrate_to_chat_id"] = migrated };
        }

        return body.ToJsonString(FakeTelegramServer.JsonOut);
    }
}

/// <summary>
/// The parameters of one Bot API call. Telegram takes them from the query string, a JSON body, a
/// url-encoded form or a multipart form; all end up here as one JSON object, where form values are strings
/// (numbers and nested JSON such as reply_markup included), so the accessors accept both shapes.
/// </summary>
internal sealed class ApiRequest(string method, JsonObject parameters, string body, IFormFileCollection? files)
{
    public string Method { get; } = method;

    /// <summary>The parameters as JSON, for <see cref="ApiCall.Body"/>.</summary>
    public string Body { get; } = body;

    public IFormFileCollection? Files { get; } = files;

    public static async Task<ApiRequest> ReadAsync(HttpRequest http, string method, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject();
        foreach (var (key, value) in http.Query)
        {
            parameters[key] = value.ToString();
        }

        if (http.HasFormContentType)
        {
            var form = await http.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }

            var recorded = (JsonObject)parameters.DeepClone();
            foreach (var file in form.Files)
            {
                recorded[file.Name] = $"(file {file.FileName}, {file.Length} bytes)";
            }

            return new ApiRequest(method, parameters, recorded.ToJsonString(FakeTelegramServer.JsonOut), form.Files);
        }

        using var reader = new StreamReader(http.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(text))
        {
            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new BotApiError(400, "Bad Request: can't parse JSON request body");
            }

            if (parsed is not JsonObject json)
            {
                throw new BotApiError(400, "Bad Request: request body must be a JSON object");
            }

            foreach (var (key, value) in json.ToList())
            {
                json.Remove(key);
                parameters[key] = value;
            }
        }

        return new ApiRequest(method, parameters, string.IsNullOrWhiteSpace(text) ? parameters.ToJsonString(FakeTelegramServer.JsonOut) : text, null);
    }

    /// <summary>The names of all parameters the call carried, in the order they came.</summary>
    public IReadOnlyList<string> Names => [.. parameters.Select(p => p.Key)];

    public bool Has(string name) => parameters[name] is not null;

    public string? String(string name) => parameters[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => other.ToJsonString(),
    };

    public long? Long(string name) => parameters[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public bool Bool(string name) => parameters[name] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        JsonValue value when value.TryGetValue<string>(out var text) => text is "true" or "True" or "1",
        _ => false,
    };

    /// <summary>A nested JSON parameter (reply_markup, commands, scope…), parsed when it came as a form string.</summary>
    public JsonNode? Json(string name)
    {
        var node = parameters[name];
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw new BotApiError(400, $"Bad Request: can't parse {name} JSON object");
            }
        }

        return node?.DeepClone();
    }

    public IReadOnlyList<string>? StringList(string name) =>
        Json(name) is JsonArray array ? [.. array.Select(item => item?.GetValue<string>() ?? "")] : null;

    /// <summary>chat_id as a number; usernames ("@name") are not simulated, so they name no chat.</summary>
    public long ChatId() =>
        !Has("chat_id") ? throw new BotApiError(400, "Bad Request: chat_id is empty")
        : Long("chat_id") ?? throw new BotApiError(400, "Bad Request: chat not found");

    public long MessageId() =>
        Long("message_id") ?? throw new BotApiError(400, "Bad Request: message_id is empty");
}
