using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TdktBot.Data;

namespace TdktBot.Store;

/// <summary>Applies pending migrations to the store before anything reads it.</summary>
public sealed partial class StoreMigrator(IDbContextFactory<TdktDbContext> dbFactory, ILogger<StoreMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var applied = await TdktStore.MigrateAsync(db, () => LogStaleLock(logger), ct);
        if (applied.Count > 0)
        {
            LogMigrated(logger, applied.Count, applied[^1]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Đã gỡ khóa nâng cấp cơ sở dữ liệu do một lần chạy trước bị dừng đột ngột để lại; nếu không gỡ, bot sẽ chờ mãi khi khởi động.")]
    private static partial void LogStaleLock(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Đã nâng cấp cơ sở dữ liệu: {Count} migration, mới nhất {Latest}.")]
    private static partial void LogMigrated(ILogger logger, int count, string latest);
}
