using System.Globalization;

namespace TdktBot.Operations;

/// <summary>The health and metrics endpoints (configuration section "Health").</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Where <c>/healthz</c> and <c>/metrics</c> are served (plain http, e.g. http://127.0.0.1:5081); empty: not served.</summary>
    public string Listen { get; set; } = string.Empty;

    public bool Enabled => !string.IsNullOrWhiteSpace(Listen);
}

/// <summary>This process among the bot's instances (configuration section "Instance").</summary>
public sealed class InstanceOptions
{
    public const string Section = "Instance";

    /// <summary>The name of this instance in logs and in <c>/healthz</c>; empty: <c>&lt;hostname&gt;-&lt;pid&gt;</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary><see cref="Id"/>, or the host's name and the process id when it is not set.</summary>
    public string Resolved => string.IsNullOrWhiteSpace(Id)
        ? $"{Environment.MachineName}-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"
        : Id.Trim();

    /// <summary>A set id has letters, digits, '.', '-', '_' and ':' only, at most 64: it goes into every log line as it is.</summary>
    public bool IsValid => string.IsNullOrWhiteSpace(Id)
        || (Resolved.Length <= 64 && Resolved.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':'));
}

/// <summary>The resolved id of this instance.</summary>
public sealed record InstanceId(string Value)
{
    public override string ToString() => Value;
}
