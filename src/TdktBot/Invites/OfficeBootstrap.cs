using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TdktBot.Messaging;
using TdktBot.Core.Access;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Obligations;
using TdktBot.Core.Conversations;

namespace TdktBot.Invites;

/// <summary>
/// The first office account: until an office chat is linked on a messenger, either the code set in
/// <c>Invites:OfficeCode</c> works as an office invite, or a code is made and printed once in the log.
/// </summary>
public sealed partial class OfficeBootstrap(IDbContextFactory<TdktDbContext> dbFactory, IEnumerable<IChatChannel> channels,
    IConfiguration configuration, InviteOptions invites, TimeProvider time, ILogger<OfficeBootstrap> logger)
{
    public const string CodeSetting = "Invites:OfficeCode";

    public async Task RunAsync(CancellationToken ct)
    {
        if (!channels.Any(c => c.Messenger != Messenger.Console))
        {
            return;
        }

        var configured = configuration[CodeSetting];
        var hash = string.IsNullOrWhiteSpace(configured) ? null : InviteService.Hash(configured);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await InviteService.OfficeSetupNeededAsync(db, hash, ct))
        {
            return;
        }

        if (hash is not null && configured!.Count(char.IsLetterOrDigit) < 10)
        {
            LogTooShort(logger, CodeSetting);
            return;
        }

        if (await db.Units.SingleOrDefaultAsync(u => u.IsOffice && u.InDirectory, ct) is not { } office)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (hash is not null)
        {
            db.Invites.Add(new Invite { CodeHash = hash, UnitId = office.Id, Role = ChatRole.Office, CreatedBy = CodeSetting, CreatedAt = now, ExpiresAt = now + invites.Lifetime });
            await db.SaveChangesAsync(ct);
            LogConfigured(logger, office.Name, CodeSetting);
            return;
        }

        var created = await new InviteService(db, time, invites).CreateAsync(office.Id, ChatRole.Office, new Actor("hệ thống", office.Id, Role.Office), ct);
        db.Audit.Add(new AuditEntry { At = now, Actor = "hệ thống", Action = InviteService.BootstrapAction, Subject = $"unit:{office.Id}" });
        await db.SaveChangesAsync(ct);
        LogPrinted(logger, office.Name, created.Code);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mã mời văn phòng cho {Office} lấy từ cấu hình {Setting}; gửi /start <mã> cho bot để liên kết.")]
    private static partial void LogConfigured(ILogger logger, string office, string setting);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Setting} quá ngắn: cần ít nhất 10 chữ hoặc số để khó đoán. Mã này chưa được dùng; hãy đặt mã dài hơn rồi khởi động lại.")]
    private static partial void LogTooShort(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mã mời đầu tiên cho {Office} (vai trò văn phòng): {Code}. Mở bot trên Telegram hoặc Zalo và gửi /start {Code}. Mã chỉ in ra một lần, dùng một lần và hết hạn sau 7 ngày; nếu mất, đặt Invites:OfficeCode trong cấu hình.")]
    private static partial void LogPrinted(ILogger logger, string office, string code);
}
