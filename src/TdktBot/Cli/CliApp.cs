using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Messaging;
using TdktBot.Core.Reminders;
using TdktBot.Core.Text;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Operations;
using TdktBot.Hosting;
using TdktBot.Plans;
using TdktBot.Store;
using TdktBot.Reminders;
using TdktBot.Conversations;

namespace TdktBot.Cli;

/// <summary>The verbs of the one executable: run the bot (the default), or the office's plan and reminder tools.</summary>
public sealed partial class CliApp(IConfiguration configuration, TextWriter output, TextWriter error, TimeProvider? clock = null, TextReader? input = null)
{
    public const int InputError = 1;
    public const int UsageError = 2;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct = default)
    {
        // Words are taken as typed: no "@file" response files, no "-abc" bundles of short options.
        var parsed = CommandLine().Parse(args, new ParserConfiguration { EnablePosixBundling = false, ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            CliErrors.Describe(parsed).ForEach(error.WriteLine);
            error.WriteLine();
            CliHelp.Write(parsed.CommandResult.Command, error);
            return UsageError;
        }

        try
        {
            // What a verb throws is told below; Ctrl+C and SIGTERM are left to the host, which stops the bot cleanly.
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, ct);
        }
        catch (Exception ex) when (Explain(ex) is { } message)
        {
            error.WriteLine(message);
            return InputError;
        }
    }

    /// <summary>What a verb threw, said in Vietnamese with what to check; null for anything else, which is a bug and is left to surface.</summary>
    private string? Explain(Exception ex) => ex switch
    {
        OptionsValidationException e => $"Cấu hình chưa đúng: {string.Join(" ", e.Failures)} {ConfigurationErrors.WhereToFix}",

        // EF's execution strategy wraps a connection that failed as "likely a transient failure".
        InvalidOperationException { InnerException: System.Data.Common.DbException } => StoreErrors.Describe(StoreOptions.From(configuration), ex),
        InvalidOperationException e => ConfigurationErrors.Explain(e),
        StoreException => $"{ex.Message} {ConfigurationErrors.WhereToFix}",
        System.Data.Common.DbException or DbUpdateException => StoreErrors.Describe(StoreOptions.From(configuration), ex),
        IOException => $"Lỗi đọc/ghi tệp: {ex.Message}",
        UnauthorizedAccessException => $"Không có quyền đọc/ghi tệp: {ex.Message}",
        _ => null,
    };

    /// <summary>The clock of this run, from <c>--now</c> when given; set before a verb reads the settings.</summary>
    private TimeProvider Start(DateTimeOffset? now)
    {
        if (now is not null)
        {
            // A replay of another day must never touch the real store nor write to real people on a messenger.
            var simulation = new Dictionary<string, string?> { ["Telegram:BotToken"] = string.Empty, ["Zalo:BotToken"] = string.Empty };
            if (string.IsNullOrEmpty(configuration[$"{StoreOptions.Section}:Folder"]))
            {
                simulation[$"{StoreOptions.Section}:Folder"] = StoreOptions.SimulationFolder;
            }

            // A PostgreSQL store is always a real one, shared with the running bots: a replay keeps a SQLite file of its own.
            if (StoreOptions.From(configuration).Provider == StoreProvider.Postgres)
            {
                simulation[StoreOptions.ProviderKey] = nameof(StoreProvider.Sqlite);
                simulation[StoreOptions.TdktKey] = string.Empty;
            }

            configuration = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(simulation).Build();
        }

        return now is { } start ? new SimulatedClock(start, TimeProvider.System) : clock ?? TimeProvider.System;
    }

    /// <summary>A person is at the keyboard, not a script, a service or a test's reader.</summary>
    private bool Interactive => input is null && !Console.IsInputRedirected;

    private PlanOptions PlanSettings() => configuration.GetSection(PlanOptions.Section).Get<PlanOptions>() ?? new PlanOptions();

    /// <summary>The host with every service; <c>run</c> starts it, tests build it with their own clock and folders.</summary>
    public IHost BuildHost(TimeProvider time, Action<IServiceCollection>? configureServices = null) =>
        BotHost.Build(configuration, time, output, configureServices);

    private async Task<int> RunBotAsync(TimeProvider time, CancellationToken ct)
    {
        // "run" serves the status board at its default address unless Web:Listen says otherwise (empty: no board).
        var settings = configuration[Board.BoardOptions.ListenKey] is null
            ? new ConfigurationBuilder().AddConfiguration(configuration)
                .AddInMemoryCollection([new KeyValuePair<string, string?>(Board.BoardOptions.ListenKey, Board.BoardOptions.DefaultListen)]).Build()
            : configuration;

        // The terminal chat only when a person is at the keyboard; scripts and services get the worker alone.
        using var host = BotHost.Build(settings, time, output, Interactive
            ? services => services.AddHostedService(sp => new ConsoleChatService(sp.GetRequiredService<IConversation>(),
                sp.GetRequiredService<PlanStore>(), sp.GetRequiredService<IHostApplicationLifetime>(), Console.In, output))
            : null);
        await host.StartAsync(ct);
        await host.WaitForShutdownAsync(ct);
        return 0;
    }

    private Task<int> ReloadAsync(bool acceptShrink, TimeProvider time, CancellationToken ct) => WithPlansAsync(time, tools: false, acceptShrink, (provider, outcome) =>
    {
        var warnings = provider.GetRequiredService<IOptions<CalendarOptions>>().Value.MissingYearWarnings(outcome.Years ?? []);
        outcome.Messages.Concat(warnings).ToList().ForEach(output.WriteLine);
        output.WriteLine("Đã nạp lại kế hoạch. Bot đang chạy sẽ dùng lịch mới từ lần quét nhắc việc tiếp theo.");
        return Task.FromResult(0);
    }, ct);

    private Task<int> ChatAsync(string unitName, ChatRole? role, TimeProvider time, CancellationToken ct) => WithPlansAsync(time, tools: true, acceptShrink: false, async (provider, _) =>
    {
        var plans = provider.GetRequiredService<PlanStore>();
        var chat = await plans.EnsureConsoleChatAsync(unitName, role, ct);
        if (chat is null)
        {
            error.WriteLine($"Không tìm thấy đơn vị «{unitName}». Các đơn vị: {string.Join("; ", plans.Directory!.Units.Select(u => u.Name).Order(VietnameseOrder.Names))}.");
            return InputError;
        }

        await ConsoleConversation.RunAsync(provider.GetRequiredService<IConversation>(), chat.Address, chat.DisplayName ?? chat.Address,
            input ?? Console.In, output, prompt: Interactive, ct);
        return 0;
    }, ct);

    private Task<int> InviteAsync(Func<InviteCommands, Task<int>> verb, TimeProvider time, CancellationToken ct) =>
        WithPlansAsync(time, tools: true, acceptShrink: false, (provider, _) => verb(new InviteCommands(provider.GetRequiredService<IDbContextFactory<TdktDbContext>>(),
            provider.GetRequiredService<PlanStore>(), provider.GetRequiredService<InviteOptions>(),
            provider.GetRequiredService<ReminderPolicy>(), time, provider.GetServices<IBotLinks>(), output, error)), ct);

    /// <summary>
    /// Runs <paramref name="verb"/> on the migrated store on <paramref name="time"/> once the plans are loaded into it, without the
    /// worker; or tells why the plans did not load. The <paramref name="tools"/> (chat, invites) get the conversation and warnings
    /// logged to standard error too. A load that would drop too much of a plan is held unless <paramref name="acceptShrink"/>;
    /// the tools then work on the old schedule.
    /// </summary>
    private async Task<int> WithPlansAsync(TimeProvider time, bool tools, bool acceptShrink, Func<ServiceProvider, PlanLoadOutcome, Task<int>> verb,
        CancellationToken ct)
    {
        var services = new ServiceCollection()
            .AddLogging(b =>
            {
                if (tools)
                {
                    b.AddInstanceConsole().SetMinimumLevel(LogLevel.Warning);
                }
            })
            .AddInstanceId(configuration)
            .AddClock(time)
            .AddStore(configuration)
            .AddPlans(configuration)
            .AddReminderPolicy(configuration);
        await using var provider = (tools ? services.AddConversations(configuration) : services).BuildServiceProvider();
        await provider.GetRequiredService<StoreMigrator>().MigrateAsync(ct);
        var outcome = await provider.GetRequiredService<PlanStore>().LoadAsync(acceptShrink, ct);
        if (!outcome.Loaded)
        {
            outcome.Messages.ToList().ForEach(error.WriteLine);
            if (!(outcome.Held && tools))
            {
                return InputError;
            }
        }

        return await verb(provider, outcome);
    }

    private ReminderPolicy Policy()
    {
        using var provider = new ServiceCollection().AddReminderPolicy(configuration).BuildServiceProvider();
        return provider.GetRequiredService<ReminderPolicy>();
    }
}
