using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using TdktBot.Broadcasts;
using TdktBot.Channels;
using TdktBot.Conversations;
using TdktBot.Invites;
using TdktBot.Outbox;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Plans;
using TdktBot.Reminders;
using TdktBot.Store;

namespace TdktBot.Hosting;

/// <summary>The bot's services, one <c>AddX</c> per area; Program.cs reads as their table of contents.</summary>
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

    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        var store = Store(configuration);
        services.AddSingleton(store);
        services.AddPooledDbContextFactory<TdktDbContext>(o => TdktStore.Configure(o, store.TdktConnectionString));
        services.AddSingleton<StoreMigrator>();
        return services;
    }

    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlanOptions>().Bind(configuration.GetSection(PlanOptions.Section));
        services.AddSingleton<PlanStore>();
        return services;
    }

    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReminderPolicy(configuration);
        services.AddSingleton<ReminderRunner>();
        services.AddHostedService<ReminderWorker>();
        return services;
    }

    /// <summary>The policy alone, from the "Reminders" and "Calendar" settings; <c>reminders preview</c> needs nothing else.</summary>
    public static IServiceCollection AddReminderPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => o.DaysBefore.All(d => d is >= 0 and <= 60), "Reminders:DaysBefore: mỗi giá trị phải từ 0 đến 60 ngày.")
            .Validate(o => o.EscalationWorkingDays is >= 1 and <= 30, "Reminders:EscalationWorkingDays phải từ 1 đến 30 ngày làm việc.")
            .Validate(o => o.LatestAt > o.At, "Reminders:LatestAt phải muộn hơn Reminders:At.")
            .Validate(o => o.OverdueWorkingDays.All(d => d is >= 1 and <= 30), "Reminders:OverdueWorkingDays: mỗi giá trị phải từ 1 đến 30 ngày làm việc.")
            .Validate(o => TimeZoneExists(o.TimeZone), "Reminders:TimeZone: không có múi giờ này; dùng \"Asia/Ho_Chi_Minh\".")
            .ValidateOnStart();
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalendarOptions>, CalendarValidation>();
        services.AddSingleton(sp => new ReminderPolicy(
            sp.GetRequiredService<IOptions<ReminderOptions>>().Value.ToSettings(),
            sp.GetRequiredService<IOptions<CalendarOptions>>().Value.ToCalendar()));
        return services;
    }

    /// <summary>The conversation engine every channel hands messages to, with invites and the bots' links.</summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        var invites = configuration.GetSection(InviteOptions.Section).Get<InviteOptions>() ?? new InviteOptions();
        services.AddSingleton(invites);
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<StoreSnapshots>();
        services.AddSingleton<IConversation, ConversationEngine>();
        services.AddSingleton<OfficeBootstrap>();
        return services;
    }

    /// <summary>Campaign launches: drafts and confirmations (<see cref="BroadcastService"/>), progress and reports to the office.</summary>
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BroadcastMonitorOptions>().Bind(configuration.GetSection(BroadcastMonitorOptions.Section))
            .Validate(o => o.CheckInterval > TimeSpan.Zero, "Broadcasts:CheckInterval phải lớn hơn 0, ví dụ \"00:00:05\".")
            .ValidateOnStart();
        services.AddHostedService<BroadcastMonitor>();
        return services;
    }

    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration, TextWriter consoleOutput)
    {
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton<IChatChannel>(sp => new ConsoleChannel(consoleOutput, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DeliverySender(
            () => sp.GetRequiredService<IDbContextFactory<TdktDbContext>>().CreateDbContext(),
            sp.GetServices<IChatChannel>(),
            sp.GetRequiredService<IOptions<DeliveryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DeliverySignal>(),
            sp.GetRequiredService<ILogger<DeliverySender>>()));
        services.AddHostedService<DeliveryWorker>();
        return services;
    }

    /// <summary>Quartz with its own SQLite job store; the daily sweep runs at the policy's hour in the commune's zone.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var store = Store(configuration);
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        var zone = TimeZoneExists(reminders.TimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(reminders.TimeZone) : TimeZoneInfo.Utc;
        Directory.CreateDirectory(store.FolderPath);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = configuration["Quartz:SchedulerName"] ?? "tdkt";
                o.DefaultTimeZone = zone;
            });
            q.UsePersistentStore(s =>
            {
                s.UseSqlite(store.QuartzConnectionString);
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
            });
            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(ReminderSweepJob.Key)
                .WithIdentity("reminder-sweep-daily", "tdkt")
                .WithCronSchedule($"0 {reminders.At.Minute} {reminders.At.Hour} ? * *", c => c
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static StoreOptions Store(IConfiguration configuration)
    {
        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        store.Tdkt = configuration.GetConnectionString("Tdkt");
        store.Quartz = configuration.GetConnectionString("Quartz");
        return store;
    }

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private sealed class CalendarValidation : IValidateOptions<CalendarOptions>
    {
        public ValidateOptionsResult Validate(string? name, CalendarOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
