using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TdktBot.Messaging;
using TdktBot.Core.Access;
using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Invites;
using TdktBot.Obligations;
using TdktBot.Plans;
using TdktBot.Core.Text;

namespace TdktBot.Cli;

/// <summary><c>invite create | list</c>: the office's invite codes from the command line.</summary>
public sealed class InviteCommands(IDbContextFactory<TdktDbContext> dbFactory, PlanStore plans, InviteOptions options, ReminderPolicy policy,
    TimeProvider time, IEnumerable<IBotLinks> links, TextWriter output, TextWriter error)
{
    /// <summary><c>invite create</c>: a one-time code for the unit <paramref name="written"/> (as the office writes its name).</summary>
    public async Task<int> CreateAsync(string written, ChatRole role, CancellationToken ct)
    {
        var name = plans.Directory?.FindUnit(written)?.Name;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (name is null || await db.Units.SingleOrDefaultAsync(u => u.Name == name, ct) is not { } unit)
        {
            error.WriteLine(ReplyTexts.UnitNotFound(written));
            return CliApp.InputError;
        }

        // Whoever runs the command line holds the bot's machine and store: the office.
        var created = await new InviteService(db, time, options).CreateAsync(unit.Id, role, new Actor("dòng lệnh", null, Role.Office), ct);
        output.WriteLine(ReplyTexts.Invite(unit.Name, ReplyTexts.RoleName(role.ToString()), created.Code,
            policy.LocalDate(created.Invite.ExpiresAt), links.On(Messenger.Telegram, created.Code), links.On(Messenger.Zalo, created.Code)));
        return 0;
    }

    public async Task<int> ListAsync(CancellationToken ct)
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
