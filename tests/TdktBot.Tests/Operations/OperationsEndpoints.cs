using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TdktBot.Testing;

namespace TdktBot.Tests.Operations;

/// <summary>Reading <c>/healthz</c> and <c>/metrics</c> over real HTTP, as a probe or a Prometheus scrape would.</summary>
internal static partial class OperationsEndpoints
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Settings that serve both on a free port of 127.0.0.1; the address goes in <paramref name="listen"/>.</summary>
    public static Dictionary<string, string?> Settings(out string listen)
    {
        listen = $"http://127.0.0.1:{LoopbackPort.Free()}";
        return new Dictionary<string, string?> { ["Health:Listen"] = listen };
    }

    public static async Task<(int Status, JsonElement Body)> HealthAsync(string listen)
    {
        using var response = await Http.GetAsync(new Uri(listen + "/healthz"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<string> MetricsAsync(string listen)
    {
        using var response = await Http.GetAsync(new Uri(listen + "/metrics"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// The value of the sample <paramref name="name"/> whose labels include every one of <paramref name="labels"/>
    /// (<c>messenger="telegram"</c>), or null when the text has none.
    /// </summary>
    public static double? Sample(string metrics, string name, params string[] labels)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (SampleLine().Match(line) is { Success: true } m && m.Groups["name"].Value == name
                && labels.All(l => m.Groups["labels"].Value.Split(',').Contains(l)))
            {
                return double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})?\s+(?<value>\S+)")]
    private static partial Regex SampleLine();
}
