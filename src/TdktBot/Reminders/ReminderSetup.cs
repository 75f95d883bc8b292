using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Operations;
using TdktBot.Store;

namespace TdktBot.Reminders;

public static class ReminderSetup
{
    /// <summary>The worker (store, plan, catch-up sweep, file watching), the policy and the daily sweep on Quartz.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReminderPolicy(configuration);
        services.AddSingleton<ReminderRunner>();
        services.AddHostedService<ReminderWorker>();
        return services.AddScheduling(configuration);
    }

    /// <summary>The policy alone, from the "Reminders" and "Calendar" settings; <c>reminders preview</c> needs nothing else.</summary>
    public static IServiceCollection AddReminderPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section))

            // The binder adds a configured list to the default one; a configured list replaces it.
            .PostConfigure(o =>
            {
                o.DaysBefore = Configured(nameof(ReminderOptions.DaysBefore)) ?? o.DaysBefore;
                o.OverdueWorkingDays = Configured(nameof(ReminderOptions.OverdueWorkingDays)) ?? o.OverdueWorkingDays;
            })
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

        List<int>? Configured(string list) =>
            configuration.GetSection($"{ReminderOptions.Section}:{list}") is { } section && section.Exists() ? section.Get<List<int>>() ?? [] : null;
    }

    /// <summary>
    /// Quartz with a persistent job store: its own SQLite file by default; on PostgreSQL its <c>qrtz_</c> tables beside the
    /// store's (or in <c>ConnectionStrings:Quartz</c>), clustered, so several instances run one schedule and a sweep cut short
    /// by a crash is run again by another. The daily sweep runs at the policy's hour in the commune's zone.
    /// </summary>
    private static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var store = StoreOptions.From(configuration);
        var reminders = configuration.GetSection(ReminderOptions.Section).Get<ReminderOptions>() ?? new ReminderOptions();
        var zone = TimeZoneExists(reminders.TimeZone) ? TimeZoneInfo.FindSystemTimeZoneById(reminders.TimeZone) : TimeZoneInfo.Utc;
        var clustered = store.Provider == StoreProvider.Postgres;
        var instance = (configuration.GetSection(InstanceOptions.Section).Get<InstanceOptions>() ?? new InstanceOptions()).Resolved;
        if (!clustered)
        {
            PrivateFiles.PrepareDatabase(store.QuartzConnectionString);
        }

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // The same name on every instance makes them one cluster; each instance names itself by machine and process.
                o.InstanceName = configuration["Quartz:SchedulerName"] ?? "tdkt";
                o.InstanceId = clustered ? instance : "NON_CLUSTERED";
                o.DefaultTimeZone = zone;
            });
            q.UsePersistentStore(s =>
            {
                if (clustered)
                {
                    s.UsePostgres(store.QuartzConnectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = CheckinInterval(configuration);
                        c.CheckinMisfireThreshold = 2 * CheckinInterval(configuration);
                    });
                }
                else
                {
                    s.UseSqlite(store.QuartzConnectionString);
                }

                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
            });

            // Recovery: a sweep running on an instance that dies is run again by another (it is idempotent: each reminder's key is unique).
            q.AddJob<ReminderSweepJob>(j => j.WithIdentity(ReminderSweepJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t
                .ForJob(ReminderSweepJob.Key)
                .WithIdentity("reminder-sweep-daily", "tdkt")
                .WithCronSchedule($"{reminders.At.Second} {reminders.At.Minute} {reminders.At.Hour} ? * *", c => c
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    // Quartz:CheckinInterval: how often an instance tells the cluster it is alive (default 7.5 s); a silent one is taken
    // for dead after twice that, and its recoverable jobs run elsewhere.
    private static TimeSpan CheckinInterval(IConfiguration configuration) =>
        TimeSpan.TryParse(configuration["Quartz:CheckinInterval"], System.Globalization.CultureInfo.InvariantCulture, out var every) && every > TimeSpan.Zero
            ? every
            : TimeSpan.FromSeconds(7.5);

    private static bool TimeZoneExists(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    private sealed class CalendarValidation : IValidateOptions<CalendarOptions>
    {
        public ValidateOptionsResult Validate(string? name, CalendarOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
