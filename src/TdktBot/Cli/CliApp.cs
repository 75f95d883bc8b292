using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TdktBot.Channels;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Hosting;
using TdktBot.Plans;
using TdktBot.Telegram;
using TdktBot.Zalo;
using TdktBot.Store;

namespace TdktBot.Cli;

/// <summary>The verbs of the one executable: run the bot (the default), or the office's plan and reminder tools.</summary>
public sealed class CliApp(IConfiguration configuration, TextWriter output, TextWriter error, TimeProvider? clock = null, TextReader? input = null)
{
    public const int InputError = 1;
    public const int UsageError = 2;

    public const string Usage = """
        TdktBot: nhắc việc kế hoạch thi đua, khen thưởng của xã.

        Cách dùng / Usage:
          TdktBot [run] [--now <ngày giờ>]      chạy bot: nạp kế hoạch, nhắc việc, gửi tin (mặc định)
          TdktBot plan import <kế-hoạch.docx|.txt> [-o plan.yaml] [--format yaml|json]
          TdktBot plan show [plan.yaml] [--quarter 1-4] [--format text|json]
          TdktBot plan check [plan.yaml] [--format text|json]
          TdktBot plan reload                    nạp lại tệp kế hoạch và danh sách đơn vị vào cơ sở dữ liệu
          TdktBot reminders preview --from <ngày> --to <ngày> [--plan plan.yaml] [--format text|json]
          TdktBot chat --as "<đơn vị>" [--role head|staff|office]   trò chuyện với bot qua dòng lệnh (đọc từ bàn phím hoặc tệp)
          TdktBot invite create --unit "<đơn vị>" [--role head|staff|office] | invite list
        Tùy chọn chung:
          --units <don-vi.yaml>   danh sách đơn vị (mặc định theo cấu hình Plan:UnitsFile)
          --now <ngày giờ>        chạy trên đồng hồ giả lập, bắt đầu từ thời điểm này (giờ Việt Nam), ví dụ 2026-01-23T07:59
        """;

    public static bool IsVerb(string word) => word is "run" or "plan" or "reminders" or "chat" or "invite" or "help" or "--help" or "-h";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct = default)
    {
        try
        {
            var (rest, now) = TakeNow(args);
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

            var time = now is { } start ? new SimulatedClock(start, TimeProvider.System) : clock ?? TimeProvider.System;
            var verb = rest.Count == 0 ? "run" : rest[0];
            var planOptions = configuration.GetSection(PlanOptions.Section).Get<PlanOptions>() ?? new PlanOptions();
            return verb switch
            {
                "run" when rest.Count <= 1 => await RunBotAsync(time, ct),
                "run" => throw new CliUsageException($"Lệnh run không nhận «{rest[1]}»."),
                "plan" when rest.Count > 1 && rest[1] == "reload" => await ReloadAsync(time, ct),
                "chat" => await ChatAsync(rest.Skip(1).ToList(), time, ct),
                "invite" => await InviteAsync(rest.Skip(1).ToList(), time, ct),
                "plan" => new PlanCommands(planOptions, output, error).Run(rest.Skip(1).ToList()),
                "reminders" => new RemindersCommands(planOptions, Policy(), output, error).Run(rest.Skip(1).ToList()),
                "help" or "--help" or "-h" => Help(),
                _ => throw new CliUsageException($"Không có lệnh «{verb}»."),
            };
        }
        catch (CliUsageException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine();
            error.WriteLine(Usage);
            return UsageError;
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

    /// <summary>The host with every service; <c>run</c> starts it, tests build it with their own clock and folders.</summary>
    public IHost BuildHost(TimeProvider time, Action<IServiceCollection>? configureServices = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        // Messages to units go to standard output; the log goes to standard error so the two never mix.
        builder.Logging
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Quartz", LogLevel.Warning)
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss ");
        builder.Services
            .AddClock(time)
            .AddStore(configuration)
            .AddPlans(configuration)
            .AddReminders(configuration)
            .AddConversations(configuration)
            .AddTelegram(configuration)
            .AddZalo(configuration)
            .AddDelivery(configuration, output)
            .AddBroadcasts(configuration)
            .AddScheduling(configuration);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

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
        foreach (var message in outcome.Messages)
        {
            (outcome.Loaded ? output : error).WriteLine(message);
        }

        if (outcome.Loaded)
        {
            output.WriteLine("Đã nạp lại kế hoạch. Bot đang chạy sẽ dùng lịch mới từ lần quét nhắc việc tiếp theo.");
        }

        return outcome.Loaded ? 0 : InputError;
    }

    private async Task<int> ChatAsync(IReadOnlyList<string> args, TimeProvider time, CancellationToken ct)
    {
        var parsed = CliArguments.Parse(args, new Dictionary<string, string>(), new HashSet<string> { "--as", "--role" }, new HashSet<string>());
        var unitName = parsed.Get("--as") ?? throw new CliUsageException("Cần cho biết trò chuyện với tư cách đơn vị nào: chat --as \"Trường THCS Hoa Thám\".");
        var role = parsed.Get("--role") switch
        {
            null => (ChatRole?)null,
            "head" => ChatRole.Head,
            "staff" => ChatRole.Staff,
            "office" => ChatRole.Office,
            var other => throw new CliUsageException($"--role chỉ nhận head, staff hoặc office, không phải «{other}»."),
        };

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

    private async Task<int> InviteAsync(IReadOnlyList<string> args, TimeProvider time, CancellationToken ct)
    {
        await using var provider = await ToolsAsync(time, ct);
        return provider is null
            ? InputError
            : await new InviteCommands(provider.GetRequiredService<IDbContextFactory<TdktDbContext>>(),
                provider.GetRequiredService<PlanStore>(), provider.GetRequiredService<InviteOptions>(),
                provider.GetRequiredService<ReminderPolicy>(), time, provider.GetServices<IBotLinks>(), output, error).RunAsync(args, ct);
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

    private static (List<string> Remaining, DateTimeOffset? Now) TakeNow(IReadOnlyList<string> args)
    {
        var rest = new List<string>();
        string? now = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--now")
            {
                now = i + 1 < args.Count ? args[++i] : throw new CliUsageException("Tùy chọn --now cần một ngày giờ, ví dụ 2026-01-23T07:59.");
            }
            else if (args[i].StartsWith("--now=", StringComparison.Ordinal))
            {
                now = args[i][6..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (rest, now is null ? null : CliTime.Parse("--now", now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")));
    }

    private int Help()
    {
        output.WriteLine(Usage);
        return 0;
    }
}
