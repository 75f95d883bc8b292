namespace TdktBot.Testing;

/// <summary>
/// An injected answer: HTTP status (0 = drop the connection) and body, given before or after the call takes
/// effect, for <see cref="Remaining"/> more calls (int.MaxValue = for ever). <see cref="RetryAfter"/> is the
/// seconds of a 429, for servers that also send them as a Retry-After header.
/// </summary>
internal sealed record InjectedFault(int Status, string Body, bool AfterProcessing, int Remaining)
{
    public int? RetryAfter { get; init; }
}

/// <summary>Faults queued per API method, taken one call at a time. Not thread-safe: servers use it under their lock.</summary>
internal sealed class FaultQueue(StringComparer methodComparer)
{
    private readonly Dictionary<string, List<InjectedFault>> _faults = new(methodComparer);

    public void Add(string method, InjectedFault fault)
    {
        if (!_faults.TryGetValue(method, out var queue))
        {
            _faults[method] = queue = [];
        }

        queue.Add(fault);
    }

    /// <summary>The fault due for this call of <paramref name="method"/>, if any, counted as used.</summary>
    public InjectedFault? Take(string method)
    {
        if (!_faults.TryGetValue(method, out var queue) || queue.Count == 0)
        {
            return null;
        }

        var fault = queue[0];
        if (fault.Remaining == 1)
        {
            queue.RemoveAt(0);
        }
        else
        {
            queue[0] = fault with { Remaining = fault.Remaining == int.MaxValue ? int.MaxValue : fault.Remaining - 1 };
        }

        return fault;
    }
}
