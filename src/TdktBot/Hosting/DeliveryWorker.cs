using Microsoft.Extensions.Hosting;
using TdktBot.Channels;
using TdktBot.Data.Outbox;

namespace TdktBot.Hosting;

/// <summary>Runs the paced sender for the life of the host.</summary>
public sealed class DeliveryWorker(DeliverySender sender) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => sender.RunAsync(stoppingToken);
}
