namespace TdktBot.Cluster;

/// <summary>The "Cluster" section: how instances on one PostgreSQL store share the lead.</summary>
public sealed class LeadOptions
{
    public const string Section = "Cluster";

    /// <summary>How often a standby asks for the lead, and the leader checks it still holds it. A dead leader's lock is
    /// freed when its connection closes, so a standby takes over within this interval (plus the connection's timeout when
    /// the leader's machine vanished without closing it).</summary>
    public TimeSpan LeaseCheck { get; set; } = TimeSpan.FromSeconds(5);
}
