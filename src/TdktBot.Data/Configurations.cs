using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TdktBot.Data.Entities;

namespace TdktBot.Data;

// Enums are stored as their names so the database reads plainly and survives reordering.
internal sealed class UnitConfiguration : IEntityTypeConfiguration<UnitRecord>
{
    public void Configure(EntityTypeBuilder<UnitRecord> b)
    {
        b.ToTable("Units");
        b.HasIndex(u => u.Name).IsUnique();
        b.Property(u => u.Name).HasMaxLength(300);
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<PlanRecord>
{
    public void Configure(EntityTypeBuilder<PlanRecord> b)
    {
        b.ToTable("Plans");
        b.HasIndex(p => p.Year).IsUnique();
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.ToTable("Targets");
        b.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(t => new { t.PlanId, t.Kind, t.Number }).IsUnique();
        b.HasOne(t => t.Plan).WithMany(p => p.Targets).HasForeignKey(t => t.PlanId);
    }
}

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> b)
    {
        b.ToTable("Obligations");
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(o => new { o.TargetId, o.UnitId }).IsUnique();
        b.HasIndex(o => o.Status);
        b.HasOne(o => o.Target).WithMany(t => t.Obligations).HasForeignKey(o => o.TargetId);
        b.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId);
        b.Ignore(o => o.IsOwed);
    }
}

internal sealed class ChatConfiguration : IEntityTypeConfiguration<Chat>
{
    public void Configure(EntityTypeBuilder<Chat> b)
    {
        b.ToTable("Chats");
        b.HasIndex(c => new { c.Channel, c.Address }).IsUnique();
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("Members");
        b.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(m => new { m.Channel, m.PersonId, m.UnitId }).IsUnique();
        b.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId);
    }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.ToTable("Reminders");
        b.HasIndex(r => r.Key).IsUnique();
        b.HasIndex(r => r.ObligationId);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("Deliveries");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(d => d.Key).IsUnique();
        b.HasIndex(d => new { d.Status, d.NotBefore });
        b.HasOne(d => d.Chat).WithMany().HasForeignKey(d => d.ChatId);
        b.HasOne(d => d.Reminder).WithMany().HasForeignKey(d => d.ReminderId);
        b.HasOne<Broadcast>().WithMany().HasForeignKey(d => d.BroadcastId);
        b.HasIndex(d => d.BroadcastId);
    }
}

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("Audit");
        b.HasIndex(a => a.At);
    }
}

internal sealed class InviteConfiguration : IEntityTypeConfiguration<Invite>
{
    public void Configure(EntityTypeBuilder<Invite> b)
    {
        b.ToTable("Invites");
        b.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(i => i.CodeHash).IsUnique();
        b.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId);
    }
}

internal sealed class InviteFailureConfiguration : IEntityTypeConfiguration<InviteFailure>
{
    public void Configure(EntityTypeBuilder<InviteFailure> b)
    {
        b.ToTable("InviteFailures");
        b.HasIndex(f => new { f.Channel, f.Address, f.At });
    }
}

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b) => b.ToTable("Broadcasts");
}

internal sealed class BroadcastRecipientConfiguration : IEntityTypeConfiguration<BroadcastRecipient>
{
    public void Configure(EntityTypeBuilder<BroadcastRecipient> b)
    {
        b.ToTable("BroadcastRecipients");
        b.HasKey(r => new { r.BroadcastId, r.ChatId });
        b.HasOne<Broadcast>().WithMany().HasForeignKey(r => r.BroadcastId);
        b.HasOne(r => r.Chat).WithMany().HasForeignKey(r => r.ChatId);
    }
}

internal sealed class StoreVersionConfiguration : IEntityTypeConfiguration<StoreVersion>
{
    public void Configure(EntityTypeBuilder<StoreVersion> b)
    {
        b.ToTable("StoreVersion");
        b.Property(v => v.Id).ValueGeneratedNever();
        b.HasData(new StoreVersion { Id = TdktDbContext.VersionRow, Value = 0 });
    }
}
