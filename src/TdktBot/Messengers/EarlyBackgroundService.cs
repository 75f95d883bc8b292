using Microsoft.Extensions.Hosting;

namespace TdktBot.Messengers;

/// <summary>
/// A background service that starts in the host's <see cref="IHostedLifecycleService.StartingAsync"/>, before any
/// service's <see cref="IHostedService.StartAsync"/> (the store's preparation among them), so a receiver polls while
/// the store is made ready. Outside a host that calls the lifecycle methods it starts in <see cref="StartAsync"/>.
/// </summary>
internal abstract class EarlyBackgroundService : BackgroundService, IHostedLifecycleService
{
    private bool _startedEarly;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        _startedEarly = true;
        await base.StartAsync(cancellationToken);
    }

    public override Task StartAsync(CancellationToken cancellationToken) =>
        _startedEarly ? Task.CompletedTask : StartingAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
