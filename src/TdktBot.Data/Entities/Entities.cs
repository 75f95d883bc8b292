using TdktBot.Core.Conversations;
using TdktBot.Core.Reminders;
namespace TdktBot.Data.Entities;

/// <summary>A unit of the commune as last loaded from the unit directory.</summary>
public sealed class UnitRecord
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Group ids, comma-separated ("giao-duc,doan-the").</summary>
    public string Groups { get; set; } = string.Empty;

    public bool IsOffice { get; set; }

    /// <summary>False once the unit is no longer in the directory; its history stays.</summary>
    public bool InDirectory { get; set; } = true;
}

/// <summary>A loaded plan, one per year (its key).</summary>
public sealed class PlanRecord
{
    public long Id { get; set; }

    public int Year { get; set; }

    public string? Title { get; set; }

    public string? SourceFile { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    public List<PlanTarget> Targets { get; set; } = [];
}

public enum TargetKind
{
    Task,
    Deadline,
}

/// <summary>Something units owe under a plan: one task row or one hard deadline, keyed by its printed number ("2", "D1").</summary>
public sealed class PlanTarget
{
    public long Id { get; set; }

    /// <summary>What reminders and replies say this target is about.</summary>
    public ReminderSubject ToSubject() =>
        new(Kind == TargetKind.Deadline ? ReminderSubject.DeadlineKind : ReminderSubject.TaskKind, Number, Content, Due);

    public long PlanId { get; set; }

    public PlanRecord Plan { get; set; } = null!;

    public TargetKind Kind { get; set; }

    public required string Number { get; set; }

    public int? Quarter { get; set; }

    public required string Content { get; set; }

    public DateOnly Due { get; set; }

    public bool DueDerived { get; set; }

    /// <summary>False once a reload no longer finds it in the plan; obligations and history stay.</summary>
    public bool InPlan { get; set; } = true;

    public List<Obligation> Obligations { get; set; } = [];
}

public enum ObligationStatus
{
    Pending,
    Submitted,
    Accepted,
    Returned,
}

/// <summary>One unit owing one task or deadline (nghĩa vụ), and where it stands.</summary>
public sealed class Obligation
{
    public long Id { get; set; }

    public long TargetId { get; set; }

    public PlanTarget Target { get; set; } = null!;

    public long UnitId { get; set; }

    public UnitRecord Unit { get; set; } = null!;

    public ObligationStatus Status { get; set; }

    public DateTimeOffset? StatusChangedAt { get; set; }

    public string? StatusChangedBy { get; set; }

    public string? Note { get; set; }

    /// <summary>Reminder slots before this instant are never sent: the plan (or the current due date) did not exist yet.</summary>
    public DateTimeOffset ScheduleFrom { get; set; }

    /// <summary>False when a reload no longer makes the unit responsible; the status is kept in case it comes back.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Whether the unit still has to act: reminders go only to these.</summary>
    public bool IsOwed => Status is ObligationStatus.Pending or ObligationStatus.Returned;
}

/// <summary>
/// The role an invite gives and a <see cref="Member"/> holds, stored by name. Who someone is to the bot where they write
/// (a stranger included, who holds nothing) is <c>TdktBot.Core.Access.Role</c>; <see cref="ChatRoles.ToRole"/> maps one to the other.
/// </summary>
public enum ChatRole
{
    Head,
    Staff,
    Office,
}

/// <summary>
/// A conversation the bot can write to (a person or a group on a messenger, or the local console), linked to a unit.
/// The link says which unit's reminders and broadcasts go there and makes whoever writes there staff of that unit; a
/// person's own role is a <see cref="Member"/>.
/// </summary>
public sealed class Chat
{
    public long Id { get; set; }

    public required Messenger Channel { get; set; }

    /// <summary>The messenger's id of the chat.</summary>
    public required string Address { get; set; }

    public string? DisplayName { get; set; }

    public long? UnitId { get; set; }

    public UnitRecord? Unit { get; set; }

    /// <summary>A group or channel rather than one person: messengers limit how often a group may be written to (Telegram: 20 a minute).</summary>
    public bool IsGroup { get; set; }

    public bool Active { get; set; } = true;

    public string? InactiveReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The question the chat asked last and the follow-ups it had since ("quý sau thì sao"), oldest first, as a JSON array
    /// of the texts: what the next follow-up reads on from, while <see cref="AskedAt"/> is recent.
    /// </summary>
    public string? Asked { get; set; }

    public DateTimeOffset? AskedAt { get; set; }
}

/// <summary>A reminder decided by a sweep. Its unique key ("rem:12:before-3d", "esc:4", "digest:2026-W05") is what makes each step go out at most once.</summary>
public sealed class Reminder
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public required string Step { get; set; }

    public long? ObligationId { get; set; }

    public long? TargetId { get; set; }

    /// <summary>When the policy meant it to go out.</summary>
    public DateTimeOffset ScheduledAt { get; set; }

    /// <summary>True when its catch-up window had closed before a sweep saw it: recorded, logged, never sent.</summary>
    public bool Skipped { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>One message to one chat, stored before it is sent (outbox); the paced sender records the outcome.</summary>
public sealed class Delivery
{
    public long Id { get; set; }

    /// <summary>Unique: the reminder or broadcast key plus the chat, so a retry or a second sweep never makes a second row.</summary>
    public required string Key { get; set; }

    /// <summary>"reminder", "escalation", "digest", "notice", "broadcast".</summary>
    public required string Kind { get; set; }

    public long ChatId { get; set; }

    public Chat Chat { get; set; } = null!;

    public required string Text { get; set; }

    public long? ReminderId { get; set; }

    public Reminder? Reminder { get; set; }

    public long? BroadcastId { get; set; }

    /// <summary>Reply buttons, one per line as "label|data" (a ✅ under a reminder); channels without buttons show them as text replies.</summary>
    public string? Buttons { get; set; }

    /// <summary>The messenger's id of a file sent after the text (only valid on the channel it came from).</summary>
    public string? Attachment { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this instant (backoff after a transient error, or a messenger's retry_after).</summary>
    public DateTimeOffset NotBefore { get; set; }

    public string? MessageId { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The instance sending it now (several share one PostgreSQL store); null when nobody holds it.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when <see cref="ClaimedBy"/> holds it: a row claimed by an instance that died comes back after this.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>A message waiting to be sent now: what every producer (sweep, engine, monitor, sender) stores.</summary>
    public static Delivery Pending(string key, string kind, long chatId, string text, DateTimeOffset now) => new()
    {
        Key = key,
        Kind = kind,
        ChatId = chatId,
        Text = text,
        Status = DeliveryStatus.Pending,
        NotBefore = now,
        CreatedAt = now,
    };
}

/// <summary>Who did what and when (nhật ký): status changes, plan loads, chats made inactive.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The person's name as the trail shows it ("Telegram Cô Lan (Trường THCS Hoa Thám)"), or "hệ thống", "dòng lệnh".</summary>
    public required string Actor { get; set; }

    /// <summary>The person's messenger id with the messenger ("telegram:123456", "zalo:u-1"), when a person acted: names change and repeat, ids do not.</summary>
    public string? ActorId { get; set; }

    public required string Action { get; set; }

    public required string Subject { get; set; }

    public string? Details { get; set; }
}

/// <summary>A one-time code that links a chat to a unit and a role (mã mời). Only its hash is stored.</summary>
public sealed class Invite
{
    public long Id { get; set; }

    /// <summary>SHA-256 of the normalised code, hex.</summary>
    public required string CodeHash { get; set; }

    public long UnitId { get; set; }

    public UnitRecord Unit { get; set; } = null!;

    public ChatRole Role { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public long? UsedByChatId { get; set; }
}

/// <summary>
/// A person's role in a unit on one messenger, from the invite they redeemed (in a private chat or a group). The role is
/// the person's: in a group, they act with it and the others as staff. One per person and unit; a later invite replaces it.
/// </summary>
public sealed class Member
{
    public long Id { get; set; }

    public required Messenger Channel { get; set; }

    /// <summary>The messenger's id of the person (Telegram or Zalo user id); for the console, its chat.</summary>
    public required string PersonId { get; set; }

    public long UnitId { get; set; }

    public UnitRecord Unit { get; set; } = null!;

    public ChatRole Role { get; set; }

    /// <summary>The person's name when they joined, for the member list.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The invite that gave the role; null for roles carried over from chats linked before members existed, and for the console.</summary>
    public long? InviteId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A code that did not work, kept to slow down guessing (per chat, across restarts).</summary>
public sealed class InviteFailure
{
    public long Id { get; set; }

    public required Messenger Channel { get; set; }

    public required string Address { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>A campaign launch (phát động phong trào) the office sends to every unit or a group.</summary>
public sealed class Broadcast
{
    public long Id { get; set; }

    public required string Text { get; set; }

    /// <summary>The group id it goes to; null for every unit.</summary>
    public string? GroupId { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The office chat that wrote it: it gets the preview, the progress and the report.</summary>
    public long CreatedByChatId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null while the office has not confirmed the preview; nothing is sent before.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>Set when the office dropped the draft instead of confirming it; it can no longer be confirmed.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the final report went into the outbox for the office chat; the monitor stops watching it then.</summary>
    public DateTimeOffset? ReportedAt { get; set; }
}

/// <summary>
/// One chat a broadcast goes to, fixed when the office drafts it: the preview's count is exactly who gets
/// the message, even if chats join or leave before the office confirms.
/// </summary>
public sealed class BroadcastRecipient
{
    public long BroadcastId { get; set; }

    public long ChatId { get; set; }

    public Chat Chat { get; set; } = null!;
}

/// <summary>
/// One number that moves on with every change to what conversations read (units, plans, targets, obligations, chats, members),
/// in the writer's own transaction, so a reader that finds it unchanged knows its copy of those rows is still true,
/// whichever process wrote. <see cref="TdktDbContext"/> moves it; there is only the row with <see cref="Id"/> 1.
/// </summary>
public sealed class StoreVersion
{
    public int Id { get; set; }

    public long Value { get; set; }
}

/// <summary>
/// An update a messenger handed over, recorded before it is handled: the same update handed over again (a retry, or the
/// next leader polling from the last confirmed offset) is not answered twice, whichever instance gets it.
/// </summary>
public sealed class ReceivedUpdate
{
    public long Id { get; set; }

    public Messenger Channel { get; set; }

    /// <summary>The messenger's id of the update ("update:123" on Telegram, "event:message id" on Zalo).</summary>
    public required string Key { get; set; }

    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A file a unit sent with a confirmation, kept in the archive folder (<see cref="Path"/>, relative to it) and registered
/// here: who sent it for what and when, whether it came late, its original name (as text only, never a path), size and
/// SHA-256.
/// </summary>
public sealed class ArchivedFile
{
    public long Id { get; set; }

    public long UnitId { get; set; }

    public UnitRecord Unit { get; set; } = null!;

    public long TargetId { get; set; }

    public PlanTarget Target { get; set; } = null!;

    public Messenger Channel { get; set; }

    /// <summary>Who sent it, as the audit trail names people.</summary>
    public required string SentBy { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Received after the item's legal end day.</summary>
    public bool Late { get; set; }

    /// <summary>The sender's own name of the file, shown to the office; never used to build a path.</summary>
    public string? OriginalName { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Where it is, relative to the archive folder, with '/' between folders.</summary>
    public required string Path { get; set; }
}

/// <summary>What a <see cref="BoardPass"/> lets its holder do.</summary>
public enum BoardPassKind
{
    /// <summary>A sign-in link from "/bang": used once, within minutes.</summary>
    Link,

    /// <summary>A browser's session on the status board, made by using a link.</summary>
    Session,
}

/// <summary>
/// A way into the status board for one person (<see cref="Member"/>): only the SHA-256 of its random secret is stored,
/// so the store never holds what a browser presents. Removing the member removes their passes.
/// </summary>
public sealed class BoardPass
{
    public long Id { get; set; }

    public BoardPassKind Kind { get; set; }

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string SecretHash { get; set; }

    public long MemberId { get; set; }

    public Member Member { get; set; } = null!;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When a link was used, or a session ended by signing out.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}
