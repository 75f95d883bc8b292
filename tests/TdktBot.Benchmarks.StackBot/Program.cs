using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using TdktBot.Benchmarks.EchoBot;
using TdktBot.Benchmarks.StackBot;
using TdktBot.Data;

// Settings as the bot takes them from the environment (Telegram__BotToken, Telegram__ApiBaseUrl, Data__Folder).
var token = Environment.GetEnvironmentVariable("Telegram__BotToken");
var baseUrl = Environment.GetEnvironmentVariable("Telegram__ApiBaseUrl");
var folder = Environment.GetEnvironmentVariable("Data__Folder");
if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(baseUrl) || string.IsNullOrEmpty(folder))
{
    await Console.Error.WriteLineAsync("Set Telegram__BotToken, Telegram__ApiBaseUrl and Data__Folder.");
    return 2;
}

var builder = Host.CreateApplicationBuilder();
builder.Services.AddPooledDbContextFactory<TdktDbContext>(o => TdktStore.Configure(o, $"Data Source={Path.Combine(folder, "tdkt.db")}"));
builder.Services.AddQuartz(q =>
{
    q.UsePersistentStore(s =>
    {
        s.UseSqlite($"Data Source={Path.Combine(folder, "quartz.db")}");
        s.UseSystemTextJsonSerializer();
        s.ProvisionSchema();
    });
    q.AddJob<IdleJob>(j => j.WithIdentity(IdleJob.Key).StoreDurably());
    q.AddTrigger(t => t.ForJob(IdleJob.Key).WithIdentity("idle-daily").WithCronSchedule("0 0 8 ? * *"));
});
builder.Services.AddQuartzHostedService();
builder.Services.AddSingleton(new Settings(token, baseUrl));
builder.Services.AddHostedService<StoreThenEcho>();
await builder.Build().RunAsync();
return 0;

namespace TdktBot.Benchmarks.StackBot
{
    internal sealed record Settings(string Token, string BaseUrl);

    /// <summary>A daily job that does nothing: Quartz keeps one trigger in its store, as the bot's daily sweep.</summary>
    internal sealed class IdleJob : IJob
    {
        public static readonly JobKey Key = new("idle");

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Migrates the store, reads the units and writes one audit row through EF Core, collects once as the bot does after
    /// start-up, then echoes as the echo bot does.
    /// </summary>
    internal sealed class StoreThenEcho(IDbContextFactory<TdktDbContext> factory, Settings settings) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await using (var db = await factory.CreateDbContextAsync(stoppingToken))
            {
                await TdktStore.MigrateAsync(db, stoppingToken);
                var units = await db.Units.CountAsync(stoppingToken);
                db.Audit.Add(new TdktBot.Data.Entities.AuditEntry { At = DateTimeOffset.UtcNow, Actor = "stack", Action = "stack.start", Subject = $"units:{units}" });
                await db.SaveChangesAsync(stoppingToken);
            }

            // The bot's start-up tuning: one compacting collection once the store is ready (CliApp.RunBotAsync).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

            using var http = new HttpClient();
            await EchoLoop.RunAsync(EchoLoop.Client(settings.Token, settings.BaseUrl, http), stoppingToken);
        }
    }
}
