using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TdktBot.Telegram;

namespace TdktBot.Hosting;

/// <summary>
/// The bot's host, whose start sends Telegram's first getUpdates (<see cref="TelegramFirstPoll"/>) before the host itself
/// starts. Whatever keeps the poll from going out (settings, mostly) is left to the host's start, which meets it again
/// and reports it as it always has.
/// </summary>
internal sealed class EarlyPollHost(IHost host) : IHost, IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            host.Services.GetService<TelegramFirstPoll>()?.Start();
        }
        catch (Exception unusable) when (unusable is not OutOfMemoryException)
        {
        }

        return host.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => host.StopAsync(cancellationToken);

    public void Dispose() => host.Dispose();

    public ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asynchronous)
        {
            return asynchronous.DisposeAsync();
        }

        host.Dispose();
        return ValueTask.CompletedTask;
    }
}
