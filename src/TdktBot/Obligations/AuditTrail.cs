using Microsoft.EntityFrameworkCore;
using TdktBot.Data.Entities;

namespace TdktBot.Obligations;

/// <summary>Rows of the audit trail (nhật ký), written the same way by every service. Tracked, not saved.</summary>
internal static class AuditTrail
{
    public static void Record(this DbSet<AuditEntry> audit, DateTimeOffset at, Actor by, string action, string subject, string? details = null) =>
        audit.Record(at, by.Name, by.Id, action, subject, details);

    public static void Record(this DbSet<AuditEntry> audit, DateTimeOffset at, string actor, string? actorId, string action, string subject,
        string? details = null) =>
        audit.Add(new AuditEntry { At = at, Actor = actor, ActorId = actorId, Action = action, Subject = subject, Details = details });
}
