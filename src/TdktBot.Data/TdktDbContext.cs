using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TdktBot.Data.Entities;

namespace TdktBot.Data;

/// <summary>The bot's store: one SQLite file, created and upgraded only by migrations.</summary>
public sealed class TdktDbContext(DbContextOptions<TdktDbContext> options) : DbContext(options)
{
    public DbSet<UnitRecord> Units => Set<UnitRecord>();

    public DbSet<PlanRecord> Plans => Set<PlanRecord>();

    public DbSet<PlanTarget> Targets => Set<PlanTarget>();

    public DbSet<Obligation> Obligations => Set<Obligation>();

    public DbSet<Chat> Chats => Set<Chat>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<Invite> Invites => Set<Invite>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<BroadcastRecipient> BroadcastRecipients => Set<BroadcastRecipient>();

    public DbSet<InviteFailure> InviteFailures => Set<InviteFailure>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or sort DateTimeOffset text; instants are stored as UTC Unix milliseconds.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TdktDbContext).Assembly);

    internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}
