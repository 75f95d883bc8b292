namespace TdktBot.Cluster;

/// <summary>
/// The lead: the one instance that polls the messengers and sends the outbox. Telegram answers a second poller with 409,
/// and the messengers' rate limits count every message of the bot, so both are done by one instance at a time; the
/// others answer webhooks, run their share of the clustered schedule and stand by to take over.
/// </summary>
public interface ILead
{
    /// <summary>Whether this instance leads now.</summary>
    bool Held { get; }

    /// <summary>Waits until this instance leads; the token returned is cancelled the moment the lead is lost.</summary>
    Task<CancellationToken> WaitAsync(CancellationToken ct);
}

/// <summary>One instance alone on its store (SQLite): it always leads.</summary>
public sealed class SoleLead : ILead
{
    public bool Held => true;

    public Task<CancellationToken> WaitAsync(CancellationToken ct) => Task.FromResult(CancellationToken.None);
}

public static class LeadExtensions
{
    /// <summary>Runs <paramref name="work"/> whenever this instance leads, cancelled when the lead is lost, until <paramref name="stopping"/> fires.</summary>
    public static async Task WhileLeadingAsync(this ILead lead, Func<CancellationToken, Task> work, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            CancellationToken lost;
            try
            {
                lost = await lead.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            using var both = CancellationTokenSource.CreateLinkedTokenSource(stopping, lost);
            try
            {
                await work(both.Token);
            }
            catch (OperationCanceledException) when (both.IsCancellationRequested)
            {
            }

            if (!lost.CanBeCanceled)
            {
                // The sole instance: the work ended on its own, or at stop.
                return;
            }
        }
    }
}

/// <summary>Each messenger's receiving role as <c>/healthz</c> reports it: the lead polls every messenger.</summary>
public sealed class LeadRoles(ILead lead) : Messaging.IReceiverLeadership
{
    public Messaging.ReceiverRole RoleOf(Core.Conversations.Messenger messenger) => lead.Held ? Messaging.ReceiverRole.Leader : Messaging.ReceiverRole.Standby;
}
