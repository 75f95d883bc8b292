using Microsoft.EntityFrameworkCore;
using TdktBot.Messaging;
using TdktBot.Core.Access;
using TdktBot.Core.Reminders;
using TdktBot.Core.Units;
using TdktBot.Data;
using TdktBot.Data.Entities;
using TdktBot.Obligations;
using TdktBot.Core.Conversations;
using TdktBot.Invites;

namespace TdktBot.Conversations;

/// <summary>
/// One message being answered: who wrote it and the role they hold where they write, the chat's link to a unit, the
/// store as of now (the snapshot, and a context only if something needs the store itself), and today in the commune.
/// </summary>
internal sealed class Turn(IncomingMessage message, Role role, Chat? chat, UnitRecord? unit, StoreSnapshot snapshot,
    IReadOnlyDictionary<long, Obligation> unitObligations, DateOnly today, StoreLease lease) : IAsyncDisposable
{
    private const string Unlinked = "A stranger's chat is linked to no unit; the access policy lets strangers only join.";

    public IncomingMessage Message => message;

    public Role Role => role;

    public StoreSnapshot Snapshot => snapshot;

    /// <summary>The unit's active obligations for targets in the plan, by target id; none in a chat linked to no unit.</summary>
    public IReadOnlyDictionary<long, Obligation> UnitObligations => unitObligations;

    public DateOnly Today => today;

    public TdktDbContext Db => lease.Db;

    /// <summary>The chat, linked to <see cref="Unit"/>. A stranger's chat has no link, and a stranger may only join (<see cref="AccessPolicy"/>).</summary>
    public Chat Chat => chat ?? throw new InvalidOperationException(Unlinked);

    public UnitRecord Unit => unit ?? throw new InvalidOperationException(Unlinked);

    /// <summary>The person, as the services and the audit trail know them.</summary>
    public Actor Actor =>
        new($"{ChannelName(Chat.Channel)} {Message.SenderName ?? Chat.DisplayName ?? Chat.Address} ({Unit.Name})", Unit.Id, Role)
        {
            Id = $"{Message.Channel.Key()}:{Message.SenderId}",
        };

    public static string ChannelName(Messenger channel) => channel == Messenger.Console ? "Máy tính" : channel.Display();

    /// <summary>The unit a name written by the office stands for, as the unit directory understands it.</summary>
    public async Task<UnitRecord?> FindUnitAsync(UnitDirectory? directory, string written, CancellationToken ct)
    {
        var name = directory?.FindUnit(written)?.Name;
        return name is null ? null : await Db.Units.SingleOrDefaultAsync(u => u.Name == name, ct);
    }

    public ValueTask DisposeAsync() => lease.DisposeAsync();
}

/// <summary>Starts each <see cref="Turn"/>: finds who is writing, where, and with which role.</summary>
internal sealed class Turns(IDbContextFactory<TdktDbContext> dbFactory, StoreSnapshots snapshots, ReminderPolicy policy, TimeProvider time)
{
    private static readonly IReadOnlyDictionary<long, Obligation> Nothing = new Dictionary<long, Obligation>();

    /// <summary>
    /// The chat's link and the writer's role come from the snapshot. A linked chat makes whoever writes there staff of its
    /// unit; only a role the person holds in that unit (<see cref="Member"/>) makes them more.
    /// </summary>
    public async Task<Turn> BeginAsync(IncomingMessage message, CancellationToken ct)
    {
        // A context only for what needs the store itself (links, changes, the office's tools); questions are answered
        // from the snapshot.
        var lease = new StoreLease(dbFactory);
        try
        {
            var snapshot = await snapshots.CurrentAsync(ct);
            var today = policy.LocalDate(time.GetUtcNow());
            var chat = await snapshot.ChatAtAsync(message.Channel, message.ChatAddress, ct);
            if (chat is not { Unit: { } unit })
            {
                return new Turn(message, Role.Stranger, null, null, snapshot, Nothing, today, lease);
            }

            if (!chat.Active && await ReactivateAsync(lease.Db, message, ct) is { } stored)
            {
                chat = stored;
            }

            var member = await snapshot.MemberAsync(message.Channel, message.SenderId, unit.Id, ct);
            return new Turn(message, member?.Role.ToRole() ?? Role.Staff, chat, unit, snapshot,
                await snapshot.ObligationsOfAsync(unit.Id, ct), today, lease);
        }
        catch
        {
            await lease.DisposeAsync();
            throw;
        }
    }

    // Someone writing from a chat we marked blocked has clearly unblocked the bot. Changed on the store's own row, never on
    // the shared snapshot.
    private static async Task<Chat?> ReactivateAsync(TdktDbContext db, IncomingMessage message, CancellationToken ct)
    {
        var stored = await db.Chats.SingleOrDefaultAsync(x => x.Channel == message.Channel && x.Address == message.ChatAddress, ct);
        if (stored is not null)
        {
            stored.Active = true;
            stored.InactiveReason = null;
            await db.SaveChangesAsync(ct);
        }

        return stored;
    }
}

/// <summary>A context from the pool, taken the first time a message needs one and given back when it is answered.</summary>
internal sealed class StoreLease(IDbContextFactory<TdktDbContext> factory) : IAsyncDisposable
{
    private TdktDbContext? _db;

    public TdktDbContext Db => _db ??= factory.CreateDbContext();

    public ValueTask DisposeAsync() => _db?.DisposeAsync() ?? ValueTask.CompletedTask;
}
