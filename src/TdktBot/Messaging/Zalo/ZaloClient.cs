using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace TdktBot.Messaging.Zalo;

/// <summary>
/// The calls the bot makes to the Zalo Bot API (<c>POST {ApiBaseUrl}/bot{token}/{method}</c> with a JSON body), as a
/// typed HttpClient. Timeouts and retries on transient answers (429, 5xx, the network) are the HttpClient pipeline's
/// (<see cref="ZaloHosting"/>); this reads Zalo's envelopes and turns errors into <see cref="ZaloApiException"/>
/// (Zalo answered no) or <see cref="ZaloException"/> (no readable answer). The token is in every URL, so no message
/// made here quotes a URL, and every message is scrubbed of the token.
/// </summary>
public sealed class ZaloClient(HttpClient http, IOptions<ZaloOptions> options)
{
    public Task<ZaloBot> GetMeAsync(CancellationToken ct) =>
        CallAsync<ZaloBot>("getMe", new Dictionary<string, string>(), ct);

    /// <summary>Sends a plain text of 1–2000 characters to a chat.</summary>
    public Task<ZaloSent> SendMessageAsync(string chatId, string text, CancellationToken ct) =>
        CallAsync<ZaloSent>("sendMessage", new Dictionary<string, string> { ["chat_id"] = chatId, ["text"] = text }, ct);

    /// <summary>The next update, waiting up to <paramref name="timeoutSeconds"/>; null when none came (Zalo's 408).</summary>
    public async Task<ZaloUpdate?> GetUpdatesAsync(int timeoutSeconds, CancellationToken ct)
    {
        try
        {
            // Zalo documents the timeout as a string of seconds.
            var body = new Dictionary<string, string> { ["timeout"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture) };
            return await CallAsync<ZaloUpdate>("getUpdates", body, ct);
        }
        catch (ZaloApiException nothingYet) when (nothingYet.ErrorCode == 408)
        {
            return null;
        }
    }

    public Task<ZaloWebhookInfo> SetWebhookAsync(string url, string secretToken, CancellationToken ct) =>
        CallAsync<ZaloWebhookInfo>("setWebhook", new Dictionary<string, string> { ["url"] = url, ["secret_token"] = secretToken }, ct);

    public Task<ZaloWebhookInfo> DeleteWebhookAsync(CancellationToken ct) =>
        CallAsync<ZaloWebhookInfo>("deleteWebhook", new Dictionary<string, string>(), ct);

    public Task<ZaloWebhookInfo> GetWebhookInfoAsync(CancellationToken ct) =>
        CallAsync<ZaloWebhookInfo>("getWebhookInfo", new Dictionary<string, string>(), ct);

    /// <summary>
    /// Streams a picture a person sent (the <c>photo</c> address of a message.image.received update) into
    /// <paramref name="into"/>. Only an absolute http(s) address is fetched; a failed answer is an
    /// <see cref="HttpRequestException"/>, which the archive retries.
    /// </summary>
    public async Task DownloadPhotoAsync(string url, Stream into, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            throw new IOException("Zalo gửi địa chỉ ảnh không hợp lệ.");
        }

        using var response = await http.GetAsync(address, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Zalo: tải ảnh không được (HTTP {(int)response.StatusCode})", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        await body.CopyToAsync(into, ct);
    }

    private async Task<T> CallAsync<T>(string method, Dictionary<string, string> body, CancellationToken ct)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{settings.ApiBaseUrl.TrimEnd('/')}/bot{settings.BotToken}/{method}")
        {
            // A string, not JsonContent: a known length instead of a chunked body, which some gateways refuse.
            Content = new StringContent(JsonSerializer.Serialize(body, ZaloJson.Options), Encoding.UTF8, MediaTypeNames.Application.Json),
        };

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or TimeoutException or TimeoutRejectedException)
        {
            throw new ZaloException(Scrub($"Zalo {method}: không kết nối được ({Causes(error)})"), error);
        }

        using (response)
        {
            return Read<T>(method, response, await response.Content.ReadAsStringAsync(ct));
        }
    }

    private T Read<T>(string method, HttpResponseMessage response, string text)
    {
        var status = (int)response.StatusCode;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // A proxy's error page, or a body cut short.
            throw response.IsSuccessStatusCode
                ? new ZaloException($"Zalo {method}: câu trả lời không phải JSON (HTTP {status})")
                : new ZaloApiException(status, Scrub(response.ReasonPhrase ?? "lỗi HTTP"), RetryAfter(response, default));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                if (root.TryGetProperty("result", out var result) && result.ValueKind != JsonValueKind.Null
                    && Deserialize<T>(method, result) is { } value)
                {
                    return value;
                }

                throw new ZaloException($"Zalo {method}: câu trả lời thiếu «result»");
            }

            var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : status;
            var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
                ? d.GetString()!
                : response.ReasonPhrase ?? "lỗi";
            throw new ZaloApiException(code, Scrub(description), RetryAfter(response, root));
        }
    }

    /// <summary>
    /// The result as <typeparamref name="T"/>. JSON of another shape (a string for an object, a number for a text) is
    /// an unreadable answer like any other, a <see cref="ZaloException"/> its callers expect, not a JsonException that
    /// would end the polling loop.
    /// </summary>
    private static T? Deserialize<T>(string method, JsonElement result)
    {
        try
        {
            return result.Deserialize<T>(ZaloJson.Options);
        }
        catch (JsonException error)
        {
            throw new ZaloException($"Zalo {method}: câu trả lời không đúng dạng ({error.Message})", error);
        }
    }

    /// <summary>A 429's wait: the Retry-After header, else parameters.retry_after in the body (seconds), as Zalo may give either.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, JsonElement root)
    {
        if (response.Headers.RetryAfter is RetryConditionHeaderValue header)
        {
            return header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        }

        return root.ValueKind == JsonValueKind.Object
            && root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("retry_after", out var seconds) && seconds.TryGetInt32(out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : null;
    }

    private static string Causes(Exception error)
    {
        var causes = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            causes.Add($"{e.GetType().Name}: {e.Message}");
        }

        return string.Join(" ← ", causes);
    }

    /// <summary>The token blanked out of anything that could reach a log or the store.</summary>
    private string Scrub(string text) =>
        options.Value.BotToken is { Length: > 0 } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;
}
