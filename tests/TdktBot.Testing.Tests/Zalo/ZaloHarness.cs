using System.Text;
using System.Text.Json.Nodes;

namespace TdktBot.Testing.Tests.Zalo;

/// <summary>What the fake answered to one call: HTTP status, the raw body and the Retry-After header.</summary>
internal sealed record ZaloReply(int Status, string Raw, TimeSpan? RetryAfter)
{
    public JsonNode Json => JsonNode.Parse(Raw) ?? throw new InvalidOperationException("The body is JSON null.");

    public JsonNode? Result => Json["result"];

    public string? Description => Json["description"]?.GetValue<string>();
}

/// <summary>
/// A fake Zalo server and a plain HttpClient calling it as a bot would (there is no Zalo client package),
/// disposed together.
/// </summary>
internal sealed class ZaloHarness : IAsyncDisposable
{
    private ZaloHarness(FakeZaloServer fake, HttpClient http)
    {
        Fake = fake;
        Http = http;
    }

    public FakeZaloServer Fake { get; }

    public HttpClient Http { get; }

    public static async Task<ZaloHarness> StartAsync(FakeZaloOptions? options = null)
    {
        var fake = await FakeZaloServer.StartAsync(options);
        return new ZaloHarness(fake, new HttpClient { Timeout = TimeSpan.FromSeconds(10) });
    }

    public Uri Url(string method, string? token = null) => new($"{Fake.BaseUrl}/bot{token ?? Fake.Token}/{method}");

    /// <summary>POSTs <paramref name="json"/> to the method, as the Zalo Bot Platform documents calls.</summary>
    public async Task<ZaloReply> CallAsync(string method, string json = "{}", string? token = null, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(Url(method, token), content, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<ZaloReply> GetAsync(string method, string query)
    {
        using var response = await Http.GetAsync(new Uri($"{Url(method)}?{query}"));
        return await ReadAsync(response, CancellationToken.None);
    }

    public Task<ZaloReply> SendMessageAsync(string chatId, string text) =>
        CallAsync("sendMessage", new JsonObject { ["chat_id"] = chatId, ["text"] = text }.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        Http.Dispose();
    }

    private static async Task<ZaloReply> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        new((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), response.Headers.RetryAfter?.Delta);
}
