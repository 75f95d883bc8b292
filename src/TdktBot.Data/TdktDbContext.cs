using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;

namespace TdktBot.Data;

/// <summary>The bot's store, on SQLite or PostgreSQL, created and upgraded only by migrations.</summary>
public sealed partial class TdktDbContext(DbContextOptions<TdktDbContext> options) : DbContext(options)
{
    public DbSet<UnitRecord> Units => Set<UnitRecord>();

    public DbSet<PlanRecord> Plans => Set<PlanRecord>();

    public DbSet<PlanTarget> Targets => Set<PlanTarget>();

    public DbSet<Obligation> Obligations => Set<Obligation>();

    public DbSet<Chat> Chats => Set<Chat>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<Invite> Invites => Set<Invite>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<BroadcastRecipient> BroadcastRecipients => Set<BroadcastRecipient>();

    public DbSet<InviteFailure> InviteFailures => Set<InviteFailure>();

    public DbSet<StoreVersion> Versions => Set<StoreVersion>();

    public DbSet<ReceivedUpdate> ReceivedUpdates => Set<ReceivedUpdate>();

    public DbSet<ArchivedFile> ArchivedFiles => Set<ArchivedFile>();

    public DbSet<BoardPass> BoardPasses => Set<BoardPass>();

    internal const int VersionRow = 1;

    // What conversations read and cache by the store's version.
    private static readonly HashSet<Type> Watched = [typeof(UnitRecord), typeof(PlanRecord), typeof(PlanTarget), typeof(Obligation), typeof(Chat), typeof(Member)];

    // Read before every answer. A compiled query belongs to one model, and each provider has its own.
    private static readonly ConcurrentDictionary<string, Func<TdktDbContext, CancellationToken, Task<long>>> ReadVersion = new();

    /// <summary>The store's version for what conversations read (units, plans, targets, obligations, chats, members); it only grows.</summary>
    public Task<long> ReadVersionAsync(CancellationToken ct = default) =>
        ReadVersion.GetOrAdd(Database.ProviderName!, _ =>
            EF.CompileAsyncQuery((TdktDbContext db, CancellationToken ct) => db.Versions.Where(v => v.Id == VersionRow).Select(v => v.Value).Single()))(this, ct);

    /// <summary>
    /// Moves the version on. <see cref="SaveChangesAsync(bool, CancellationToken)"/> does it for tracked changes; a bulk
    /// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> on those tables calls it itself, in the same transaction.
    /// </summary>
    public Task MarkChangedAsync(CancellationToken ct = default) =>
        Versions.Where(v => v.Id == VersionRow).ExecuteUpdateAsync(s => s.SetProperty(v => v.Value, v => v.Value + 1), ct);

    /// <summary>
    /// Opens a transaction that no other process holding the same <paramref name="name"/> runs beside: on PostgreSQL a
    /// transaction-scoped advisory lock, released at commit or rollback; on SQLite the one writer is already alone.
    /// </summary>
    public async Task<IDbContextTransaction> BeginExclusiveAsync(string name, CancellationToken ct = default)
    {
        var transaction = await Database.BeginTransactionAsync(ct);
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 0))", ["tdkt:" + name], ct);
        }

        return transaction;
    }

    /// <summary>Saves, and moves the store's version on in the same transaction when anything conversations read changed.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangesWhatConversationsRead())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await MarkChangedAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangesWhatConversationsRead())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Versions.Where(v => v.Id == VersionRow).ExecuteUpdate(s => s.SetProperty(v => v.Value, v => v.Value + 1));
        own?.Commit();
        return saved;
    }

    private bool ChangesWhatConversationsRead()
    {
        // As SaveChanges itself: a caller that turned automatic detection off has detected the changes it made.
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        return ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Watched.Contains(e.Metadata.ClrType));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset text; instants are stored as UTC Unix milliseconds.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

        // Messengers as the lowercase names the store has always held ("console", "telegram", "zalo").
        configurationBuilder.Properties<Messenger>().HaveConversion<MessengerConverter>();
    }

    internal sealed class MessengerConverter() : ValueConverter<Messenger, string>(
        v => v.Key(),
        v => Enum.Parse<Messenger>(v, true));

    internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}
