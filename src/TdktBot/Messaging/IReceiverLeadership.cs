using TdktBot.Core.Conversations;

namespace TdktBot.Messaging;

/// <summary>Whether this instance takes a messenger's updates now (leader) or waits to take over (standby).</summary>
public enum ReceiverRole
{
    Leader,
    Standby,
}

/// <summary>
/// Who receives each messenger's updates. In polling mode only one instance may poll a bot at a time (Telegram answers a
/// second poller with 409 Conflict), so several instances on one store elect a leader per messenger.
/// </summary>
public interface IReceiverLeadership
{
    /// <summary>This instance's role for <paramref name="messenger"/> at this moment.</summary>
    ReceiverRole RoleOf(Messenger messenger);
}

/// <summary>One instance alone on its store: always the leader.</summary>
public sealed class SingleInstanceLeadership : IReceiverLeadership
{
    public ReceiverRole RoleOf(Messenger messenger) => ReceiverRole.Leader;
}
