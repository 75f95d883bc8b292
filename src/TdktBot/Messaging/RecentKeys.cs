namespace TdktBot.Messaging;

/// <summary>
/// The last few thousand keys seen, to drop an update a messenger delivers twice. Bounded, so a bot that runs for
/// months does not grow; a repeat that old is not a repeat any messenger sends. Thread-safe.
/// </summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>True the first time a key is seen; false for a repeat.</summary>
    public bool Add(string key)
    {
        lock (_gate)
        {
            if (!_keys.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _keys.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
