using System.Text;
using System.Text.Json.Nodes;

namespace TdktBot.Testing;

// Webhook mode: after setWebhook the server POSTs queued updates to the bot's URL, one per request, in
// order, with the secret in X-Bot-Api-Secret-Token. An update the endpoint does not take (non-2xx, no
// answer) is tried again after a pause, three times in all, then dropped.
public sealed partial class FakeZaloServer
{
    private const string SecretHeader = "X-Bot-Api-Secret-Token";
    private const int WebhookTries = 3;
    private const int SecretMin = 8;
    private const int SecretMax = 256;

    private readonly HttpClient _webhookClient = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<ZaloWebhookDelivery> _deliveries = [];
    private WebhookState? _webhook;
    private long _webhookUpdatedAt;
    private Task _webhookLoop = Task.CompletedTask;

    /// <summary>The URL the bot set with setWebhook; null when none is set.</summary>
    public string? WebhookUrl
    {
        get
        {
            lock (_gate)
            {
                return _webhook?.Url.OriginalString;
            }
        }
    }

    /// <summary>The secret_token the bot set with setWebhook; null when no webhook is set.</summary>
    public string? WebhookSecret
    {
        get
        {
            lock (_gate)
            {
                return _webhook?.Secret;
            }
        }
    }

    /// <summary>Every automatic attempt to deliver an update to the webhook, successful or not.</summary>
    public IReadOnlyList<ZaloWebhookDelivery> WebhookDeliveries
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
    /// POSTs <paramref name="update"/> to the webhook the bot set, with its secret (or
    /// <paramref name="secretOverride"/>; "" sends no secret header) in the configured body shape (or
    /// <paramref name="wrapped"/>), and returns the HTTP status the bot answered. Independent of the queue and
    /// of automatic delivery, and not recorded in <see cref="WebhookDeliveries"/>: posting one update twice is a
    /// duplicate delivery.
    /// </summary>
    public async Task<int> PostToWebhookAsync(ZaloUpdate update, string? secretOverride = null, bool? wrapped = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        WebhookState hook;
        lock (_gate)
        {
            hook = _webhook ?? throw new InvalidOperationException("No webhook is set: the bot has not called setWebhook, or deleted it.");
        }

        var secret = secretOverride ?? hook.Secret;
        using var response = await PostAsync(hook.Url, secret.Length == 0 ? null : secret, Body(update, wrapped ?? _options.WebhookBodyWrapped), cancellationToken);
        return (int)response.StatusCode;
    }

    private static string Body(ZaloUpdate update, bool wrapped) =>
        wrapped ? $"{{\"ok\":true,\"result\":{update.Json}}}" : update.Json;

    private async Task<HttpResponseMessage> PostAsync(Uri url, string? secret, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add(SecretHeader, secret);
        }

        return await _webhookClient.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// Wants an absolute https URL, or http on a loopback address because the bot under test listens on plain
    /// http on 127.0.0.1, and a secret_token of 8 to 256 characters.
    /// </summary>
    private string SetWebhook(ApiRequest request)
    {
        var url = request.String("url") ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw new BotApiError(400, "Bad Request: url must be an absolute https URL");
        }

        var secret = request.String("secret_token") ?? "";
        if (secret.Length is < SecretMin or > SecretMax)
        {
            throw new BotApiError(400, $"Bad Request: secret_token must be {SecretMin} to {SecretMax} characters long");
        }

        lock (_gate)
        {
            _webhook = new WebhookState(uri, secret);
            return WebhookChanged();
        }
    }

    private string DeleteWebhook()
    {
        lock (_gate)
        {
            _webhook = null;
            return WebhookChanged();
        }
    }

    private string GetWebhookInfo()
    {
        lock (_gate)
        {
            return WebhookJson();
        }
    }

    /// <summary>Call with the lock held.</summary>
    private string WebhookChanged()
    {
        _webhookUpdatedAt = UnixMsNow();
        Pulse();
        return WebhookJson();
    }

    /// <summary>url (empty when none) and when it was last set or deleted (0: never); call with the lock held.</summary>
    private string WebhookJson() =>
        new JsonObject { ["url"] = _webhook?.Url.OriginalString ?? "", ["updated_at"] = _webhookUpdatedAt }.ToJsonString(FakeTelegramServer.JsonOut);

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

                var (status, error) = await TryDeliverAsync(hook, next.Update, stopping);
                var delivered = status is >= 200 and < 300;
                lock (_gate)
                {
                    next.Tries++;
                    _deliveries.Add(new ZaloWebhookDelivery(next.Update, status, error, next.Tries, Elapsed));
                    if (delivered || next.Tries >= WebhookTries)
                    {
                        _queue.Remove(next);
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

    private async Task<(int Status, string? Error)> TryDeliverAsync(WebhookState hook, ZaloUpdate update, CancellationToken stopping)
    {
        try
        {
            using var response = await PostAsync(hook.Url, hook.Secret, Body(update, _options.WebhookBodyWrapped), stopping);
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

    private sealed record WebhookState(Uri Url, string Secret);
}
