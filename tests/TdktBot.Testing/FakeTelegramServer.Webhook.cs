using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TdktBot.Testing;

// Webhook mode: after setWebhook the server POSTs queued updates to the bot's URL, one at a time and in
// order, retrying an update until the endpoint answers 2xx, as Telegram does.
public sealed partial class FakeTelegramServer
{
    private const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<WebhookDelivery> _deliveries = [];
    private WebhookState? _webhook;
    private Task _webhookLoop = Task.CompletedTask;

    /// <summary>Every attempt to deliver an update to the webhook, successful or not.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries
    {
        get
        {
            lock (_gate)
            {
                return [.. _deliveries];
            }
        }
    }

    /// <summary>
    /// POSTs an update to a bot's webhook endpoint as Telegram would, with the secret header when
    /// <paramref name="secretToken"/> is given, and returns the endpoint's status. For testing the endpoint
    /// directly: a wrong secret, a malformed update, a replay.
    /// </summary>
    public async Task<HttpStatusCode> PostUpdateToWebhookAsync(Uri url, string? secretToken, string updateJson, CancellationToken cancellationToken = default)
    {
        using var response = await PostToWebhookAsync(url, secretToken, updateJson, cancellationToken);
        return response.StatusCode;
    }

    /// <inheritdoc cref="PostUpdateToWebhookAsync(Uri, string?, string, CancellationToken)"/>
    public Task<HttpStatusCode> PostUpdateToWebhookAsync(Uri url, string? secretToken, FakeUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return PostUpdateToWebhookAsync(url, secretToken, update.Json, cancellationToken);
    }

    private async Task<HttpResponseMessage> PostToWebhookAsync(Uri url, string? secretToken, string updateJson, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(updateJson, Encoding.UTF8, "application/json"),
        };
        if (secretToken is not null)
        {
            request.Headers.Add(SecretHeader, secretToken);
        }

        return await _webhookClient.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Accepts http as well as https and any port, unlike Telegram, because the bot under test listens on
    /// plain http on 127.0.0.1. An empty url removes the webhook, as in Telegram.
    /// </summary>
    private Reply SetWebhook(ApiRequest request)
    {
        var url = request.String("url") ?? "";
        if (url.Length == 0)
        {
            return DeleteWebhook(request);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new BotApiError(400, "Bad Request: bad webhook: invalid URL specified");
        }

        var secret = request.String("secret_token");
        if (secret is not null && !Regex.IsMatch(secret, "^[A-Za-z0-9_-]{1,256}$"))
        {
            throw new BotApiError(400, "Bad Request: secret token contains unallowed characters");
        }

        var allowed = request.StringList("allowed_updates");
        lock (_gate)
        {
            SetAllowedUpdates(allowed);
            if (request.Bool("drop_pending_updates"))
            {
                _queue.Clear();
            }

            _webhook = new WebhookState(uri, secret, (int)(request.Long("max_connections") ?? 40));
            Pulse();
        }

        return new Reply("true", "Webhook was set");
    }

    private Reply DeleteWebhook(ApiRequest request)
    {
        lock (_gate)
        {
            if (request.Bool("drop_pending_updates"))
            {
                _queue.Clear();
            }

            var had = _webhook is not null;
            _webhook = null;
            Pulse();
            return new Reply("true", had ? "Webhook was deleted" : "Webhook is already deleted");
        }
    }

    private Reply GetWebhookInfo()
    {
        lock (_gate)
        {
            var info = new JsonObject
            {
                ["url"] = _webhook?.Url.OriginalString ?? "",
                ["has_custom_certificate"] = false,
                ["pending_update_count"] = _queue.Count,
            };
            if (_webhook is { } hook)
            {
                info["max_connections"] = hook.MaxConnections;
                if (hook.LastErrorDate is { } date)
                {
                    info["last_error_date"] = date;
                    info["last_error_message"] = hook.LastErrorMessage;
                }
            }

            if (_allowedUpdates is not null)
            {
                info["allowed_updates"] = new JsonArray([.. _allowedUpdates.Select(t => JsonValue.Create(t))]);
            }

            return new Reply(info.ToJsonString(JsonOut));
        }
    }

    /// <summary>Runs for the server's lifetime; idle while no webhook is set or nothing is queued.</summary>
    private async Task DeliverToWebhookAsync()
    {
        var stopping = _stopping.Token;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                WebhookState? hook;
                PendingUpdate? next;
                Task changed;
                lock (_gate)
                {
                    hook = _webhook;
                    next = _queue.FirstOrDefault();
                    changed = _changed.Task;
                }

                if (hook is null || next is null)
                {
                    await Waits.ForChangeAsync(changed, Timeout.InfiniteTimeSpan, stopping);
                    continue;
                }

                var (status, error) = await TryDeliverAsync(hook, next, stopping);
                var delivered = status is >= 200 and < 300;
                lock (_gate)
                {
                    _deliveries.Add(new WebhookDelivery(next.Id, status, error, Elapsed));
                    if (delivered)
                    {
                        _queue.Remove(next);
                    }
                    else
                    {
                        hook.LastErrorDate = UnixNow();
                        hook.LastErrorMessage = error;
                    }

                    Pulse();
                }

                if (!delivered)
                {
                    await Task.Delay(_options.WebhookRetryDelay, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The server is stopping; undelivered updates simply stay queued.
        }
    }

    private async Task<(int Status, string? Error)> TryDeliverAsync(WebhookState hook, PendingUpdate update, CancellationToken stopping)
    {
        try
        {
            using var response = await PostToWebhookAsync(hook.Url, hook.Secret, update.Json, stopping);
            var status = (int)response.StatusCode;
            return (status, status is >= 200 and < 300 ? null : $"Wrong response from the webhook: {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException failure)
        {
            return (0, $"Connection failed: {failure.Message}");
        }
        catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
        {
            return (0, "Timeout expired");
        }
    }

    private sealed class WebhookState(Uri url, string? secret, int maxConnections)
    {
        public Uri Url { get; } = url;

        public string? Secret { get; } = secret;

        public int MaxConnections { get; } = maxConnections;

        public long? LastErrorDate { get; set; }

        public string? LastErrorMessage { get; set; }
    }
}
