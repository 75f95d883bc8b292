using Microsoft.EntityFrameworkCore;
using TdktBot.Data.Entities;

namespace TdktBot.Data;

// The model beyond EF's conventions, which already name the tables after the DbSets and find every relationship that has
// a navigation: keys, indexes, lengths, the relationships to broadcasts, and enums stored as their names so the database
// reads plainly and survives reordering.
public sealed partial class TdktDbContext
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UnitRecord>(b =>
        {
            b.HasIndex(u => u.Name).IsUnique();
            b.Property(u => u.Name).HasMaxLength(300);
        });

        modelBuilder.Entity<PlanRecord>().HasIndex(p => p.Year).IsUnique();

        modelBuilder.Entity<PlanTarget>(b =>
        {
            b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(t => new { t.PlanId, t.Kind, t.Number }).IsUnique();
        });

        modelBuilder.Entity<Obligation>(b =>
        {
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(o => new { o.TargetId, o.UnitId }).IsUnique();
            b.HasIndex(o => o.Status);
        });

        modelBuilder.Entity<Chat>().HasIndex(c => new { c.Channel, c.Address }).IsUnique();

        modelBuilder.Entity<Member>(b =>
        {
            b.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(m => new { m.Channel, m.PersonId, m.UnitId }).IsUnique();
        });

        modelBuilder.Entity<Reminder>(b =>
        {
            b.HasIndex(r => r.Key).IsUnique();
            b.HasIndex(r => r.ObligationId);
        });

        modelBuilder.Entity<Delivery>(b =>
        {
            b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(d => d.Key).IsUnique();
            b.HasIndex(d => new { d.Status, d.NotBefore });
            b.HasOne<Broadcast>().WithMany().HasForeignKey(d => d.BroadcastId);
        });

        modelBuilder.Entity<ReceivedUpdate>(b =>
        {
            b.Property(u => u.Key).HasMaxLength(128);
            b.HasIndex(u => new { u.Channel, u.Key }).IsUnique();
            b.HasIndex(u => u.At);
        });

        modelBuilder.Entity<AuditEntry>().HasIndex(a => a.At);

        modelBuilder.Entity<Invite>(b =>
        {
            b.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
            b.HasIndex(i => i.CodeHash).IsUnique();
        });

        modelBuilder.Entity<InviteFailure>().HasIndex(f => new { f.Channel, f.Address, f.At });

        modelBuilder.Entity<BroadcastRecipient>(b =>
        {
            b.HasKey(r => new { r.BroadcastId, r.ChatId });
            b.HasOne<Broadcast>().WithMany().HasForeignKey(r => r.BroadcastId);
        });

        modelBuilder.Entity<ArchivedFile>(b =>
        {
            b.Property(f => f.SentBy).HasMaxLength(300);
            b.Property(f => f.OriginalName).HasMaxLength(300);
            b.Property(f => f.Sha256).HasMaxLength(64);
            b.Property(f => f.Path).HasMaxLength(600);
            b.HasIndex(f => f.Path).IsUnique();
            b.HasIndex(f => new { f.TargetId, f.UnitId });
        });

        modelBuilder.Entity<BoardPass>(b =>
        {
            b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(p => p.SecretHash).HasMaxLength(64);
            b.HasIndex(p => p.SecretHash).IsUnique();
            b.HasIndex(p => p.ExpiresAt);
        });

        modelBuilder.Entity<StoreVersion>(b =>
        {
            b.ToTable("StoreVersion");
            b.Property(v => v.Id).ValueGeneratedNever();
            b.HasData(new StoreVersion { Id = VersionRow, Value = 0 });
        });
    }
}
