using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TdktBot.Testing;

/// <summary>
/// An in-process stand-in for the Zalo Bot Platform API (POST {BaseUrl}/bot{token}/{method}, JSON in,
/// {"ok":…} envelopes out), served by Kestrel on 127.0.0.1 so the bot's Zalo client talks to it over HTTP.
/// Tests act as users (<see cref="SendText"/>…), read what the bot did (<see cref="Sent"/>, <see cref="Calls"/>…)
/// and inject faults and limits. Every member is thread-safe: one lock guards all state, and waits happen
/// outside it.
/// </summary>
public sealed partial class FakeZaloServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly FakeZaloOptions _options;
    private readonly WebApplication _app;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, Func<ApiRequest, CancellationToken, Task<string>>> _methods;
    private readonly List<ApiCall> _calls = [];

    // Zalo's method names are case-sensitive, so faults and delays are too.
    private readonly FaultQueue _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<TimeSpan>> _delaysOnce = new(StringComparer.Ordinal);
    private readonly SendLimiter<string> _limiter = new();
    private readonly Dictionary<string, byte[]> _photos = new(StringComparer.Ordinal);
    private int _tooManyRequests;
    private int _disposed;

    // Completed and replaced whenever state changes, so waiters (long polls, webhook delivery,
    // WaitUntilAsync) wake up and look again.
    private TaskCompletionSource _changed = Waits.NewSignal();

    private FakeZaloServer(FakeZaloOptions options)
    {
        if (string.IsNullOrEmpty(options.Token) || options.Token.Any(c => c == '/' || char.IsWhiteSpace(c)))
        {
            throw new ArgumentException("The token must be one path segment: no slash, no spaces.", nameof(options));
        }

        _options = options;
        _methods = CreateMethods();

        // An empty builder: no configuration files, no logging providers, no environment variables that
        // could change how the fake behaves from one machine to the next.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:40123 (no trailing slash); the bot's Zalo API base URL.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Token => _options.Token;

    public string BotId => _options.BotId;

    /// <summary>Time since the server started on the high-resolution clock all recorded times use.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>
    /// Every request with the right token or a wrong one, in the order they were answered (<see cref="ApiCall.At"/>
    /// is when each arrived), with the body the bot sent. A wrong-token call keeps only its method name.
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

    /// <summary>Rates of sendMessage attempts so far and the number of 429 answers; per-chat gaps are in <see cref="SendStats.MinGapByChatId"/>.</summary>
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
    public static async Task<FakeZaloServer> StartAsync(FakeZaloOptions? options = null, CancellationToken ct = default)
    {
        var server = new FakeZaloServer(options ?? new FakeZaloOptions());
        await server._app.StartAsync(ct);
        var addresses = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        server.BaseUrl = addresses.Addresses.Single().TrimEnd('/');
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
        await Waits.UntilAsync(CurrentSignal, condition, () => Elapsed, timeout ?? DefaultWait, what, cancellationToken);
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

    /// <summary>A new opaque id as Zalo writes them: 20 lowercase hex characters.</summary>
    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    private static long UnixMsNow() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private Task CurrentSignal()
    {
        lock (_gate)
        {
            return _changed.Task;
        }
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
        if (path.StartsWith("/photos/", StringComparison.Ordinal))
        {
            await ServePhotoAsync(context, path["/photos/".Length..], arrived);
            return;
        }

        if (!path.StartsWith("/bot", StringComparison.Ordinal))
        {
            await WriteAsync(context, Failure(new BotApiError(404, "Not Found")));
            return;
        }

        // /bot<token>/<method>: the token itself contains no slash.
        var rest = path["/bot".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var token = slash < 0 ? rest : rest[..slash];
        var method = slash < 0 ? "" : rest[(slash + 1)..];
        if (token != _options.Token)
        {
            // Nothing of the request but the method: the wrong token may be a real one pasted by mistake.
            Record(method, "", 401, arrived);
            await WriteAsync(context, Failure(new BotApiError(401, "Unauthorized")));
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
            await WriteAsync(context, Failure(error));
            return;
        }

        Answer answer;
        try
        {
            answer = await AnswerAsync(request, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client gave up (a cancelled long poll, a timeout) or the server is stopping: nobody to answer.
            answer = new Answer(0, "");
        }

        Record(method, request.Body, answer.Status, arrived);
        if (answer.Status == 0)
        {
            context.Abort();
            return;
        }

        await WriteAsync(context, answer);
    }

    /// <summary>The answer to one authorised call, after any injected delay or fault; status 0 means "drop the connection".</summary>
    private async Task<Answer> AnswerAsync(ApiRequest request, CancellationToken aborted)
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
            return new Answer(fault.Status, fault.Body, fault.RetryAfter);
        }

        var answer = await InvokeAsync(request, aborted);
        return fault is null ? answer : new Answer(fault.Status, fault.Body, fault.RetryAfter);
    }

    private async Task<Answer> InvokeAsync(ApiRequest request, CancellationToken aborted)
    {
        if (!_methods.TryGetValue(request.Method, out var handler))
        {
            return Failure(new BotApiError(404, "Not Found: method not found"));
        }

        try
        {
            var result = await handler(request, aborted);
            return new Answer(200, $"{{\"ok\":true,\"result\":{result}}}");
        }
        catch (BotApiError error)
        {
            return Failure(error);
        }
        catch (InvalidOperationException wrongType)
        {
            // JsonNode.GetValue throws this when a parameter has the wrong JSON type.
            return Failure(new BotApiError(400, $"Bad Request: wrong parameter type: {wrongType.Message}"));
        }
    }

    /// <summary>GET /photos/&lt;name&gt;: a picture's address as Zalo's updates give it; recorded as method "photo", and failed by <c>FailNext("photo", …)</c>.</summary>
    private async Task ServePhotoAsync(HttpContext context, string name, TimeSpan arrived)
    {
        byte[]? content;
        InjectedFault? fault;
        lock (_gate)
        {
            content = _photos.GetValueOrDefault(name);
            fault = _faults.Take("photo");
        }

        var status = fault?.Status ?? (content is null ? 404 : 200);
        Record("photo", name, status, arrived);
        if (status == 0)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        if (status == 200)
        {
            context.Response.ContentType = "image/jpeg";
            context.Response.ContentLength = content!.Length;
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
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

    private static Answer Failure(BotApiError error) => new(error.Code, error.ToJson(), error.RetryAfter);

    private static async Task WriteAsync(HttpContext context, Answer answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (answer.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(answer.Body);
    }

    /// <summary>What the server answers: HTTP status (0 = drop the connection), body, and the seconds of a Retry-After header.</summary>
    private readonly record struct Answer(int Status, string Body, int? RetryAfter = null);
}
