using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TdktBot.Channels;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Hosting;
using TdktBot.Plans;

namespace TdktBot.Cli;

/// <summary><c>invite create | list</c>: the office's invite codes from the command line.</summary>
public sealed class InviteCommands(IDbContextFactory<TdktDbContext> dbFactory, PlanStore plans, InviteOptions options, ReminderPolicy policy,
    TimeProvider time, IEnumerable<IBotLinks> links, TextWriter output, TextWriter error)
{
    public const string Usage = """
        Cách dùng / Usage:
          invite create --unit "<đơn vị>" [--role head|staff|office]   tạo mã mời dùng một lần
          invite list                                                 các mã còn hiệu lực (không in lại mã)
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Count == 0 ? CliApp.UsageError : 0;
        }

        var parsed = CliArguments.Parse(args.Skip(1), new Dictionary<string, string>(), new HashSet<string> { "--unit", "--role" }, new HashSet<string>());
        return args[0] switch
        {
            "create" => await CreateAsync(parsed, ct),
            "list" => await ListAsync(ct),
            _ => throw new CliUsageException($"Không có lệnh «invite {args[0]}»."),
        };
    }

    private async Task<int> CreateAsync(CliArguments args, CancellationToken ct)
    {
        var written = args.Get("--unit") ?? throw new CliUsageException("Cần --unit \"<tên đơn vị>\".");
        var role = args.Get("--role") switch
        {
            null or "head" => ChatRole.Head,
            "staff" => ChatRole.Staff,
            "office" => ChatRole.Office,
            var other => throw new CliUsageException($"--role chỉ nhận head, staff hoặc office, không phải «{other}»."),
        };

        var name = plans.Directory?.FindUnit(written)?.Name;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (name is null || await db.Units.SingleOrDefaultAsync(u => u.Name == name, ct) is not { } unit)
        {
            error.WriteLine(ReplyTexts.UnitNotFound(written));
            return CliApp.InputError;
        }

        var created = await new InviteService(db, time, options).CreateAsync(unit.Id, role, "dòng lệnh", ct);
        output.WriteLine(ReplyTexts.Invite(unit.Name, ReplyTexts.RoleName(role.ToString()), created.Code,
            policy.LocalDate(created.Invite.ExpiresAt), links.On("telegram", created.Code), links.On("zalo", created.Code)));
        return 0;
    }

    private async Task<int> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await new InviteService(db, time, options).OpenAsync(ct);
        if (open.Count == 0)
        {
            output.WriteLine("Không có mã mời nào còn hiệu lực.");
            return 0;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{open.Count} mã mời còn hiệu lực (mã chỉ hiện một lần khi tạo):"));
        foreach (var invite in open)
        {
            output.WriteLine($"• {invite.Unit.Name} ({ReplyTexts.RoleName(invite.Role.ToString())}), tạo ngày {VietnameseFormat.Date(policy.LocalDate(invite.CreatedAt))} bởi {invite.CreatedBy}, hết hạn {VietnameseFormat.Date(policy.LocalDate(invite.ExpiresAt))}");
        }

        return 0;
    }
}
