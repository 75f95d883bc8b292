using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TdktBot.Messaging.Zalo;

/// <summary>An update from Zalo: what happened (<see cref="EventName"/>) and the message it came with.</summary>
public sealed record ZaloUpdate(
    [property: JsonPropertyName("event_name")] string? EventName,
    [property: JsonPropertyName("message")] ZaloMessage? Message)
{
    public const string TextReceived = "message.text.received";
    public const string ImageReceived = "message.image.received";
    public const string StickerReceived = "message.sticker.received";
}

/// <summary>A message in an update. Ids are opaque strings.</summary>
public sealed record ZaloMessage
{
    [JsonPropertyName("message_id")]
    public string? MessageId { get; init; }

    [JsonPropertyName("from")]
    public ZaloUser? From { get; init; }

    [JsonPropertyName("chat")]
    public ZaloChat? Chat { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("caption")]
    public string? Caption { get; init; }

    /// <summary>A picture's address (message.image.received).</summary>
    [JsonPropertyName("photo")]
    public string? Photo { get; init; }
}

public sealed record ZaloUser(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("is_bot")] bool IsBot);

/// <summary>A chat; <see cref="ChatType"/> is "PRIVATE" for a person (groups are not generally available yet).</summary>
public sealed record ZaloChat(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("chat_type")] string? ChatType)
{
    public bool IsGroup => ChatType is { } type && !type.Equals("PRIVATE", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The bot itself (getMe).</summary>
public sealed record ZaloBot(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("account_name")] string? AccountName);

/// <summary>What sendMessage answers.</summary>
public sealed record ZaloSent([property: JsonPropertyName("message_id")] string? MessageId);

/// <summary>What setWebhook, deleteWebhook and getWebhookInfo answer: the URL now set (empty when none).</summary>
public sealed record ZaloWebhookInfo([property: JsonPropertyName("url")] string? Url);

/// <summary>Zalo could not be asked, or did not answer in a way the bot can read: the network, a timeout, a body that is not JSON.</summary>
public class ZaloException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Zalo answered with an error: <c>{"ok":false,"error_code":N,"description":"…"}</c>.</summary>
public sealed class ZaloApiException(int errorCode, string description, TimeSpan? retryAfter = null)
    : ZaloException($"Zalo {errorCode}: {description}")
{
    public int ErrorCode { get; } = errorCode;

    /// <summary>How long Zalo asks to wait (a 429's Retry-After header or parameters.retry_after), when it says.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

internal static class ZaloJson
{
    /// <summary>Vietnamese stays readable in bodies instead of \u escapes; everything JSON must escape still is.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    /// <summary>
    /// An update from a webhook post. Zalo documents the body wrapped as <c>{"ok":true,"result":{…}}</c> and sends it
    /// unwrapped; both are read. Null when it is neither.
    /// </summary>
    public static ZaloUpdate? ReadUpdate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var body = root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object ? result : root;
        var update = body.Deserialize<ZaloUpdate>(Options);
        return update is { EventName.Length: > 0 } ? update : null;
    }
}
