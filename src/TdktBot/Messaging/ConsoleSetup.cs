using Microsoft.Extensions.DependencyInjection;

namespace TdktBot.Messaging;

public static class ConsoleSetup
{
    /// <summary>The terminal as a channel: what is sent to console chats is written to <paramref name="output"/>.</summary>
    public static IServiceCollection AddConsoleChannel(this IServiceCollection services, TextWriter output) =>
        services.AddSingleton<IChatChannel>(sp => new ConsoleChannel(output, sp.GetRequiredService<TimeProvider>()));
}
