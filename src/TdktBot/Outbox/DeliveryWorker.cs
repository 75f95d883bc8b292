using Microsoft.Extensions.Hosting;

namespace TdktBot.Outbox;

/// <summary>Runs the paced sender for the life of the host.</summary>
public sealed class DeliveryWorker(DeliverySender sender) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sender.RunAsync(stoppingToken);
}
