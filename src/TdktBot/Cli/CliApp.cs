using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Messaging;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Hosting;
using TdktBot.Plans;
using TdktBot.Messaging.Telegram;
using TdktBot.Messaging.Zalo;
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
            foreach (var message in CliErrors.Describe(parsed))
            {
                error.WriteLine(message);
            }

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
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"Cấu hình chưa đúng: {string.Join(" ", ex.Failures)} Hãy sửa appsettings.json hoặc biến môi trường tương ứng (xem appsettings.example.json).");
            return InputError;
        }
        catch (InvalidOperationException ex) when (ConfigurationErrors.TryExplain(ex, out var message))
        {
            error.WriteLine(message);
            return InputError;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException)
        {
            error.WriteLine($"Lỗi cơ sở dữ liệu: {(ex.InnerException ?? ex).Message} Hãy kiểm tra thư mục dữ liệu (Data:Folder, ConnectionStrings:Tdkt): có tồn tại, ghi được, và không bị chương trình khác khóa.");
            return InputError;
        }
        catch (IOException ex)
        {
            error.WriteLine($"Lỗi đọc/ghi tệp: {ex.Message}");
            return InputError;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"Không có quyền đọc/ghi tệp: {ex.Message}");
            return InputError;
        }
    }

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

            configuration = new ConfigurationBuilder().AddConfiguration(configuration).AddInMemoryCollection(simulation).Build();
        }

        return now is { } start ? new SimulatedClock(start, TimeProvider.System) : clock ?? TimeProvider.System;
    }

    private PlanOptions PlanSettings() => configuration.GetSection(PlanOptions.Section).Get<PlanOptions>() ?? new PlanOptions();

    /// <summary>The host with every service; <c>run</c> starts it, tests build it with their own clock and folders.</summary>
    public IHost BuildHost(TimeProvider time, Action<IServiceCollection>? configureServices = null) =>
        BotHost.Build(configuration, time, output, configureServices);

    private async Task<int> RunBotAsync(TimeProvider time, CancellationToken ct)
    {
        // The terminal chat only when a person is at the keyboard; scripts and services get the worker alone.
        var interactive = input is null && !Console.IsInputRedirected;
        using var host = BuildHost(time, interactive
            ? services => services.AddHostedService(sp => new ConsoleChatService(sp.GetRequiredService<IConversation>(),
                sp.GetRequiredService<PlanStore>(), sp.GetRequiredService<IHostApplicationLifetime>(), Console.In, output))
            : null);
        await host.StartAsync(ct);
        await host.WaitForShutdownAsync(ct);
        return 0;
    }

    private async Task<int> ReloadAsync(TimeProvider time, CancellationToken ct)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddClock(time)
            .AddStore(configuration)
            .AddPlans(configuration)
            .AddReminderPolicy(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StoreMigrator>().MigrateAsync(ct);
        var outcome = await provider.GetRequiredService<PlanStore>().LoadAsync(ct);
        var warnings = outcome.Loaded ? provider.GetRequiredService<IOptions<CalendarOptions>>().Value.MissingYearWarnings(outcome.Years ?? []) : [];
        foreach (var message in outcome.Messages.Concat(warnings))
        {
            (outcome.Loaded ? output : error).WriteLine(message);
        }

        if (outcome.Loaded)
        {
            output.WriteLine("Đã nạp lại kế hoạch. Bot đang chạy sẽ dùng lịch mới từ lần quét nhắc việc tiếp theo.");
        }

        return outcome.Loaded ? 0 : InputError;
    }

    private async Task<int> ChatAsync(string unitName, ChatRole? role, TimeProvider time, CancellationToken ct)
    {
        await using var provider = await ToolsAsync(time, ct);
        if (provider is null)
        {
            return InputError;
        }

        var plans = provider.GetRequiredService<PlanStore>();
        var chat = await plans.EnsureConsoleChatAsync(unitName, role, ct);
        if (chat is null)
        {
            error.WriteLine($"Không tìm thấy đơn vị «{unitName}». Các đơn vị: {string.Join("; ", plans.Directory!.Units.Select(u => u.Name))}.");
            return InputError;
        }

        await ConsoleConversation.RunAsync(provider.GetRequiredService<IConversation>(), chat.Address, chat.DisplayName ?? chat.Address,
            input ?? Console.In, output, prompt: input is null && !Console.IsInputRedirected, ct);
        return 0;
    }

    private async Task<int> InviteAsync(Func<InviteCommands, Task<int>> verb, TimeProvider time, CancellationToken ct)
    {
        await using var provider = await ToolsAsync(time, ct);
        return provider is null
            ? InputError
            : await verb(new InviteCommands(provider.GetRequiredService<IDbContextFactory<TdktDbContext>>(),
                provider.GetRequiredService<PlanStore>(), provider.GetRequiredService<InviteOptions>(),
                provider.GetRequiredService<ReminderPolicy>(), time, provider.GetServices<IBotLinks>(), output, error));
    }

    /// <summary>The store and the conversation without the worker, for one-off commands; null (reported) when the plan files do not load.</summary>
    private async Task<ServiceProvider?> ToolsAsync(TimeProvider time, CancellationToken ct)
    {
        var provider = new ServiceCollection()
            .AddLogging(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning))
            .AddClock(time)
            .AddStore(configuration)
            .AddPlans(configuration)
            .AddReminderPolicy(configuration)
            .AddConversations(configuration)
            .BuildServiceProvider();
        await provider.GetRequiredService<StoreMigrator>().MigrateAsync(ct);
        var outcome = await provider.GetRequiredService<PlanStore>().LoadAsync(ct);
        if (outcome.Loaded)
        {
            return provider;
        }

        outcome.Messages.ToList().ForEach(error.WriteLine);
        await provider.DisposeAsync();
        return null;
    }

    private ReminderPolicy Policy()
    {
        var services = new ServiceCollection().AddReminderPolicy(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ReminderPolicy>();
    }
}
