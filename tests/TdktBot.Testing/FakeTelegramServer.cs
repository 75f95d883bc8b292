using System.Diagnostics;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TdktBot.Testing;

/// <summary>
/// An in-process stand-in for the Telegram Bot API, served by Kestrel on 127.0.0.1 so the real
/// Telegram.Bot client (and the bot host built on it) talk to it over HTTP exactly as to
/// api.telegram.org. Tests act as users (<see cref="SendText"/>, <see cref="PressButton"/>…), read what the
/// bot did (<see cref="Sent"/>, <see cref="Calls"/>…) and inject faults and limits. Every member is
/// thread-safe: one lock guards all state, and waits happen outside it.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    /// <summary>Output encoding: Vietnamese text stays readable in recorded JSON instead of \u escapes.</summary>
    internal static readonly JsonSerializerOptions JsonOut = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly FakeTelegramOptions _options;
    private readonly WebApplication _app;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, Func<ApiRequest, CancellationToken, Task<Reply>>> _methods;
    private readonly List<ApiCall> _calls = [];
    private readonly FaultQueue _faults = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<TimeSpan>> _delaysOnce = new(StringComparer.OrdinalIgnoreCase);
    private readonly SendLimiter<long> _limiter = new();
    private int _tooManyRequests;
    private int _disposed;

    // Completed and replaced whenever state changes, so waiters (long polls, webhook delivery,
    // WaitUntilAsync) wake up and look again.
    private TaskCompletionSource _changed = Waits.NewSignal();

    private FakeTelegramServer(FakeTelegramOptions options)
    {
        var token = Regex.Match(options.Token, @"^(\d+):[^/\s]+$");
        if (!token.Success)
        {
            throw new ArgumentException("The token must look like a Telegram one, \"<digits>:<secret>\".", nameof(options));
        }

        _options = options;
        BotId = long.Parse(token.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        _methods = CreateMethods();

        // An empty builder: no configuration files, no logging providers, no environment variables that
        // could change how the fake behaves from one machine to the next.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:40123; give it to TelegramBotClientOptions as baseUrl.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token => _options.Token;

    /// <summary>The bot's user id: the digits before the colon of the token, as in real tokens.</summary>
    public long BotId { get; }

    public string BotUsername => _options.BotUsername;

    /// <summary>Time since the server started on the high-resolution clock all recorded times use.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>
    /// Every request with the right token or a wrong one, in the order they were answered (<see cref="ApiCall.At"/>
    /// is when each arrived). File downloads appear as method "file" with the file path as body.
    /// </summary>
    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Rates of sendMessage/sendDocument attempts so far and the number of 429 answers.</summary>
    public SendStats Stats
    {
        get
        {
            lock (_gate)
            {
                return _limiter.Measure(_tooManyRequests);
            }
        }
    }

    /// <summary>Starts a server on a free port of 127.0.0.1.</summary>
    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeTelegramServer(options ?? new FakeTelegramOptions());
        await server._app.StartAsync(cancellationToken);
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        server.BaseUrl = addresses.Addresses.Single();
        server._webhookLoop = Task.Run(server.DeliverToWebhookAsync, CancellationToken.None);
        return server;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, re-checking whenever the server's state changes.
    /// Throws <see cref="TimeoutException"/> (with <paramref name="what"/> in the message) after
    /// <paramref name="timeout"/>, 5 s by default.
    /// </summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, string? what = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        await Waits.UntilAsync(
            () =>
            {
                lock (_gate)
                {
                    return _changed.Task;
                }
            },
            condition,
            () => Elapsed,
            timeout ?? DefaultWait,
            what,
            cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Cancelling first ends long polls and delays at once, so Kestrel's stop does not wait for them.
        await _stopping.CancelAsync();
        lock (_gate)
        {
            Pulse();
        }

        await _webhookLoop;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _webhookClient.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Wakes every waiter; call with the lock held after changing state.</summary>
    private void Pulse()
    {
        var previous = _changed;
        _changed = Waits.NewSignal();
        previous.TrySetResult();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var arrived = Elapsed;
        var path = context.Request.Path.Value ?? "";
        var aborted = context.RequestAborted;
        if (path.StartsWith("/file/bot", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path["/file/bot".Length..]);
            return;
        }

        if (!path.StartsWith("/bot", StringComparison.Ordinal))
        {
            await WriteAsync(context, 404, new BotApiError(404, "Not Found").ToJson());
            return;
        }

        // /bot<token>/<method>: the token itself contains no slash.
        var rest = path["/bot".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? rest : rest[..slash];
        var method = slash < 0 ? "" : rest[(slash + 1)..];
        if (token != _options.Token)
        {
            Record(method, "", 401, arrived);
            await WriteAsync(context, 401, new BotApiError(401, "Unauthorized").ToJson());
            return;
        }

        ApiRequest request;
        try
        {
            request = await ApiRequest.ReadAsync(context.Request, method, aborted);
        }
        catch (BotApiError error)
        {
            Record(method, "", error.Code, arrived);
            await WriteAsync(context, error.Code, error.ToJson());
            return;
        }

        int status;
        string body;
        try
        {
            (status, body) = await AnswerAsync(request, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client gave up (a cancelled long poll, a timeout) or the server is stopping: nobody to answer.
            (status, body) = (0, "");
        }

        Record(method, request.Body, status, arrived);
        if (status == 0)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, status, body);
    }

    /// <summary>Status and body for one authorised call, after any injected delay or fault; status 0 means "drop the connection".</summary>
    private async Task<(int Status, string Body)> AnswerAsync(ApiRequest request, CancellationToken aborted)
    {
        TimeSpan delay;
        InjectedFault? fault;
        lock (_gate)
        {
            delay = _delays.GetValueOrDefault(request.Method);
            if (_delaysOnce.TryGetValue(request.Method, out var once) && once.TryDequeue(out var next) && next > delay)
            {
                delay = next;
            }
            fault = _faults.Take(request.Method);
        }

        if (delay > TimeSpan.Zero)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
            await Waits.AtLeastAsync(delay, stop.Token);
        }

        if (fault is { AfterProcessing: false })
        {
            return (fault.Status, fault.Body);
        }

        var answer = await InvokeAsync(request, aborted);
        return fault is null ? answer : (fault.Status, fault.Body);
    }

    private async Task<(int Status, string Body)> InvokeAsync(ApiRequest request, CancellationToken aborted)
    {
        if (!_methods.TryGetValue(request.Method, out var handler))
        {
            return (404, new BotApiError(404, "Not Found: method not found").ToJson());
        }

        try
        {
            var reply = await handler(request, aborted);
            var description = reply.Description is null ? "" : $",\"description\":{JsonSerializer.Serialize(reply.Description, JsonOut)}";
            return (200, $"{{\"ok\":true,\"result\":{reply.Result}{description}}}");
        }
        catch (BotApiError error)
        {
            return (error.Code, error.ToJson());
        }
        catch (InvalidOperationException wrongType)
        {
            // JsonNode.GetValue throws this when a parameter has the wrong JSON type (a number for a string);
            // Telegram answers such requests with 400 too.
            return (400, new BotApiError(400, $"Bad Request: wrong parameter type: {wrongType.Message}").ToJson());
        }
    }

    private void Record(string method, string body, int status, TimeSpan arrived)
    {
        lock (_gate)
        {
            _calls.Add(new ApiCall(method, body, status, arrived));
            if (status == 429)
            {
                _tooManyRequests++;
            }

            Pulse();
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    /// <summary>The result of a successful call as JSON text, and the description Telegram adds to some (setWebhook).</summary>
    private readonly record struct Reply(string Result, string? Description = null);
}
