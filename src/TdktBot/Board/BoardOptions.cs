namespace TdktBot.Board;

/// <summary>The status board on the web (configuration section "Web").</summary>
public sealed class BoardOptions
{
    public const string Section = "Web";

    public const string ListenKey = "Web:Listen";

    /// <summary>Where <c>run</c> serves the board when Web:Listen is not set at all.</summary>
    public const string DefaultListen = "http://127.0.0.1:5080";

    /// <summary>Where the board listens (plain http, or https with Kestrel's certificate settings), e.g. http://127.0.0.1:5080; empty: no board.</summary>
    public string? Listen { get; set; }

    /// <summary>The board's address as people's browsers reach it (behind a proxy, its https address); empty: the address it listens on.</summary>
    public string? PublicUrl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Listen);

    /// <summary>What is wrong with the settings, in Vietnamese, or null.</summary>
    public string? Problem() =>
        Enabled && !IsHttpUrl(Listen!)
            ? $"Web:Listen «{Listen}» phải là một địa chỉ http, ví dụ \"{DefaultListen}\", hoặc để trống để tắt bảng theo dõi."
            : !string.IsNullOrWhiteSpace(PublicUrl) && !IsHttpUrl(PublicUrl)
                ? $"Web:PublicUrl «{PublicUrl}» phải là địa chỉ đầy đủ mà trình duyệt mở được, ví dụ \"https://tdkt.hoatham.gov.vn\", hoặc để trống."
                : null;

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
