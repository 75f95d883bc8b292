using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TdktBot.Board;
using TdktBot.Broadcasts;
using TdktBot.Cluster;
using TdktBot.Conversations;
using TdktBot.Messaging;
using TdktBot.Operations;
using TdktBot.Outbox;
using TdktBot.Plans;
using TdktBot.Reminders;
using TdktBot.Store;
using TdktBot.Messaging.Telegram;
using TdktBot.Messaging.Zalo;

namespace TdktBot.Hosting;

/// <summary>The composition root: the settings, and the bot as one <c>AddX</c> per feature.</summary>
public static class BotHost
{
    /// <summary>Settings files in order: the bundled working calendar, the local appsettings.json, then environment variables.</summary>
    public static IConfigurationBuilder AddTdktConfiguration(this IConfigurationBuilder builder) => builder
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("calendar.json", optional: true)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables();

    public static IServiceCollection AddClock(this IServiceCollection services, TimeProvider clock) =>
        services.AddSingleton(clock);

    /// <summary>
    /// The bot with every feature. The host starts hosted services in the order they are added: the reminder worker
    /// (store migrated, plan loaded, catch-up sweep) is ready before any receiver takes a message.
    /// </summary>
    public static IHost Build(IConfiguration configuration, TimeProvider time, TextWriter consoleOutput, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);

        // Messages to units go to standard output; the log goes to standard error so the two never mix. Every line carries
        // the instance id, so the logs of several instances can be read together.
        builder.Logging
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Quartz", LogLevel.Warning)
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddInstanceConsole();
        builder.Services
            .AddClock(time)
            .AddCluster(configuration)
            .AddStore(configuration)
            .AddPlans(configuration)
            .AddReminders(configuration)
            .AddConversations(configuration)
            .AddConsoleChannel(consoleOutput)
            .AddTelegram(configuration)
            .AddZalo(configuration)
            .AddOutbox(configuration)
            .AddBroadcasts(configuration)
            .AddBoard(configuration)
            .AddOperations(configuration);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
