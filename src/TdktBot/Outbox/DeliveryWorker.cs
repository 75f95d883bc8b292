using Microsoft.Extensions.Hosting;
using TdktBot.Cluster;

namespace TdktBot.Outbox;

/// <summary>Runs the paced sender for the life of the host, while this instance leads (one sender for the whole cluster).</summary>
public sealed class DeliveryWorker(DeliverySender sender, ILead lead) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => lead.WhileLeadingAsync(sender.RunAsync, stoppingToken);
}
