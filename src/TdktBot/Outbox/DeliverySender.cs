using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TdktBot.Messaging;
using TdktBot.Core.Conversations;
using TdktBot.Data.Entities;
using TdktBot.Data;
using TdktBot.Operations;

namespace TdktBot.Outbox;

/// <summary>
/// Sends the stored deliveries (the outbox) one at a time, paced for the messengers' rate limits,
/// and records each outcome before the next message: after a crash the only message that can go
/// out twice is the one that was in flight.
/// </summary>
public sealed partial class DeliverySender : IDisposable
{
    private const int BatchSize = 100;

    // Claims one pending row for {0} until {1} unless another instance holds it; PostgreSQL skips a row another claim has locked.
    private const string ClaimSql = """
        UPDATE "Deliveries" SET "ClaimedBy" = {0}, "ClaimedUntil" = {1}
        WHERE "Id" IN (SELECT "Id" FROM "Deliveries" WHERE "Id" = {2} AND "Status" = {3}
                       AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {4} OR "ClaimedBy" = {0})
        """;

    // Keeps a large MaxAttempts from putting a retry years away (or past DateTimeOffset.MaxValue).
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromDays(1);

    // A chat moves once in its life (group → supergroup); a messenger that keeps answering "moved" is
    // broken, and following it for ever would stall the outbox.
    private const int MaxMovesPerMessage = 3;

    private readonly Func<TdktDbContext> _openDb;
    private readonly Dictionary<Messenger, IChatChannel> _channels;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly DeliverySignal _signal;
    private readonly BotMetrics _metrics;
    private readonly ILogger<DeliverySender> _logger;

    // Who claims the rows this sender sends.
    private readonly string _instance;

    // One drain at a time, so one message in flight at a time even if a drain is asked for while the loop runs.
    private readonly SemaphoreSlim _draining = new(1, 1);

    // Pacing protects the messengers' limits, which count real seconds, so it runs on Stopwatch
    // timestamps and never on the domain clock (a test's fake clock or a shifted simulation).
    private readonly long _chatSpacing;
    private readonly long _groupSpacing;
    private readonly Dictionary<long, long> _chatFreeAt = [];
    private readonly SendRate _rate;

    // A messenger's retry_after stops the whole messenger, not just the chat that got it: its flood
    // limits are mostly per bot. Kept on the domain clock like the rows' NotBefore it goes with.
    private readonly Dictionary<Messenger, DateTimeOffset> _pausedUntil = [];

    public DeliverySender(
        Func<TdktDbContext> openDb,
        IEnumerable<IChatChannel> channels,
        DeliveryOptions options,
        TimeProvider clock,
        DeliverySignal signal,
        BotMetrics metrics,
        ILogger<DeliverySender> logger,
        string? instance = null)
    {
        if (!(options.MessagesPerSecond > 0) || double.IsInfinity(options.MessagesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MessagesPerSecond, "Delivery:MessagesPerSecond must be a positive number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PerGroupPerMinute, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PerChatInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryBaseDelay, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero, nameof(options));

        _openDb = openDb;
        _channels = channels.ToDictionary(c => c.Messenger);
        _options = options;
        _clock = clock;
        _signal = signal;
        _metrics = metrics;
        _logger = logger;
        _instance = instance ?? new InstanceOptions().Resolved;
        _rate = new SendRate(options.MessagesPerSecond, Stopwatch.Frequency);
        _chatSpacing = (long)Math.Ceiling(options.PerChatInterval.TotalSeconds * Stopwatch.Frequency);

        // Even spacing rather than a sliding window: it can never put more than N in any minute, and a
        // group rarely has more than a few messages queued at once, so bursts would gain nothing.
        _groupSpacing = Math.Max(_chatSpacing, (long)Math.Ceiling(60.0 * Stopwatch.Frequency / options.PerGroupPerMinute));
    }

    /// <summary>
    /// Sends every pending delivery that is due now, oldest first, to active chats on configured
    /// messengers, waiting only as the pacing requires; returns how many sends were attempted.
    /// </summary>
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        await _draining.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Each batch settles at least one row (attempted or withdrawn), and rows that stay due (a retry
            // without backoff) run out of attempts, so this ends once nothing more is due.
            var attempted = 0;
            while (true)
            {
                var (sent, withdrawn) = await SendBatchAsync(ct).ConfigureAwait(false);
                if (sent + withdrawn == 0)
                {
                    return attempted;
                }

                attempted += sent;
            }
        }
        finally
        {
            _draining.Release();
        }
    }

    /// <summary>Drains, then waits for the signal or the poll interval, until cancelled; an error is logged and the loop goes on.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store may be locked or the disk full for a moment; what was recorded stays, the rest is retried.
                LogDrainFailed(ex, _options.PollInterval);
            }

            try
            {
                await _signal.WaitAsync(_options.PollInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public void Dispose() => _draining.Dispose();

    /// <summary>A fresh context per batch keeps the tracked rows few and sees what other processes wrote meanwhile.</summary>
    private async Task<(int Attempted, int Withdrawn)> SendBatchAsync(CancellationToken ct)
    {
        var db = _openDb();
        await using (db.ConfigureAwait(false))
        {
            // Each send is saved before the next, and scanning the whole batch (rows, chats, units, reminders) for
            // changes on every save cost more than the send itself: changes are looked for where they were made.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = _clock.GetUtcNow();
            var open = _channels.Keys.Where(name => !IsPaused(name, now)).ToList();
            if (open.Count == 0)
            {
                return (0, 0);
            }

            var waiting = await db.Deliveries
                .Include(d => d.Chat).ThenInclude(c => c.Unit)
                .Include(d => d.Reminder)
                .Where(d => d.Status == DeliveryStatus.Pending && d.NotBefore <= now && d.Chat.Active && open.Contains(d.Chat.Channel)
                            && (d.ClaimedUntil == null || d.ClaimedUntil < now || d.ClaimedBy == _instance))
                .OrderBy(d => d.Id)
                .Take(BatchSize)
                .ToListAsync(ct).ConfigureAwait(false);

            int attempted = 0, withdrawn = 0;
            var moves = new Dictionary<long, int>();
            while (true)
            {
                // A permanent failure gives up the chat's other rows; a retry_after stops its messenger.
                waiting.RemoveAll(d => d.Status != DeliveryStatus.Pending || IsPaused(d.Chat.Channel, _clock.GetUtcNow()));
                if (waiting.Count == 0)
                {
                    return (attempted, withdrawn);
                }

                var tick = Stopwatch.GetTimestamp();
                var readyAt = Math.Max(_rate.NextAt(), waiting.Min(d => ChatFreeAt(d, tick)));
                if (readyAt > tick)
                {
                    await Task.Delay(RoundUp(Stopwatch.GetElapsedTime(tick, readyAt)), ct).ConfigureAwait(false);
                    continue;
                }

                // Oldest first, except that a chat written to too recently lets the other chats go ahead.
                var next = waiting.First(d => ChatFreeAt(d, tick) <= tick);
                waiting.Remove(next);

                // Checked at the last moment, since a reminder can wait in the outbox (pacing, retries, a restart)
                // while its unit confirms: reminders stop the moment the unit says it is done.
                if (next.Reminder?.ObligationId is { } obligationId && !await IsOwedAsync(db, obligationId, ct).ConfigureAwait(false))
                {
                    next.Status = DeliveryStatus.Failed;
                    next.Error = DeliveryTexts.NoLongerOwed;
                    db.Entry(next).DetectChanges();
                    await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                    LogWithdrawn(next.Id, next.ChatId, obligationId);
                    withdrawn++;
                    continue;
                }

                // Held for this send alone: another sender (an instance that took over the lead) skips it until the lease ends.
                if (!await ClaimAsync(db, next, ct).ConfigureAwait(false))
                {
                    continue;
                }

                ForgetFreeChats(tick);
                _rate.Started(tick);
                var movedBefore = moves.GetValueOrDefault(next.Id);
                if (await SendAsync(db, next, movedBefore, ct).ConfigureAwait(false))
                {
                    // Sent again at once to the new address: first in line, still under the pacing rules.
                    moves[next.Id] = movedBefore + 1;
                    waiting.Insert(0, next);
                }

                attempted++;
            }
        }
    }

    /// <summary>
    /// Claims <paramref name="delivery"/> for this instance until the lease ends, unless another holds it: on PostgreSQL a
    /// row locked by another sender's claim is skipped (FOR UPDATE SKIP LOCKED), and a claim whose lease ended is taken over.
    /// </summary>
    private async Task<bool> ClaimAsync(TdktDbContext db, Delivery delivery, CancellationToken ct)
    {
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = (_clock.GetUtcNow() + _options.ClaimLease).ToUnixTimeMilliseconds();
        var claimed = await db.Database.ExecuteSqlRawAsync(
            db.Database.IsNpgsql() ? ClaimSql + " FOR UPDATE SKIP LOCKED)" : ClaimSql + ")",
            [_instance, until, delivery.Id, nameof(DeliveryStatus.Pending), now],
            ct).ConfigureAwait(false);
        if (claimed == 0)
        {
            LogClaimedElsewhere(delivery.Id);
            return false;
        }

        // Recorded in the tracked row too, so the outcome saved after the send does not write the claim back.
        delivery.ClaimedBy = _instance;
        delivery.ClaimedUntil = DateTimeOffset.FromUnixTimeMilliseconds(until);
        db.Entry(delivery).Property(d => d.ClaimedBy).OriginalValue = _instance;
        db.Entry(delivery).Property(d => d.ClaimedUntil).OriginalValue = delivery.ClaimedUntil;
        return true;
    }

    /// <summary>Whether the unit still has to act on the obligation, as the sweep decides it (active, in the plan, not done).</summary>
    private static Task<bool> IsOwedAsync(TdktDbContext db, long obligationId, CancellationToken ct) =>
        db.Obligations.AnyAsync(
            o => o.Id == obligationId && o.Active && o.Target.InPlan && (o.Status == ObligationStatus.Pending || o.Status == ObligationStatus.Returned),
            ct);

    /// <summary>Sends one delivery and records the outcome; true when the chat moved and the delivery should go again now.</summary>
    private async Task<bool> SendAsync(TdktDbContext db, Delivery delivery, int movedBefore, CancellationToken ct)
    {
        var chat = delivery.Chat;
        var message = new OutgoingMessage(chat.Address, delivery.Text, chat.DisplayName) { Buttons = DeliveryButtons.Parse(delivery.Buttons), FileId = delivery.Attachment };
        SendOutcome outcome;
        try
        {
            outcome = await _channels[chat.Channel].SendAsync(message, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // A messenger client that throws (network down, timeout, a bug) is worth another try.
            outcome = new SendOutcome.Transient(ex.Message);
        }

        // Counted from the answer, not the request, so the chat sees the gap however slow the request was.
        _rate.Answered(Stopwatch.GetTimestamp());
        _chatFreeAt[chat.Id] = Stopwatch.GetTimestamp() + (chat.IsGroup ? _groupSpacing : _chatSpacing);

        var now = _clock.GetUtcNow();
        if (outcome is SendOutcome.Moved moved && movedBefore < MaxMovesPerMessage)
        {
            // Not an attempt: nobody got the message, and the new address has not been tried yet.
            var movedTo = await ChatMoves.MoveAsync(db, chat, moved.NewAddress, "bot", now, CancellationToken.None).ConfigureAwait(false);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            LogMoved(delivery.Id, chat.Id, chat.Channel, moved.NewAddress, movedTo.Id);
            return delivery.Status == DeliveryStatus.Pending;
        }

        delivery.Attempts++;

        // The claim ends with the attempt: sent or given up, the row is settled; to be retried, anyone may take it when due.
        delivery.ClaimedUntil = null;
        switch (outcome)
        {
            case SendOutcome.Sent sent:
                delivery.Status = DeliveryStatus.Sent;
                delivery.MessageId = sent.MessageId;
                delivery.SentAt = now;
                delivery.Error = null;
                _metrics.Sent(chat.Channel);
                if (delivery.Reminder is { } reminder)
                {
                    _metrics.ReminderSent(reminder.ScheduledAt, now);
                }

                LogSent(delivery.Id, chat.Id, chat.Channel, sent.MessageId);
                break;
            case SendOutcome.Transient transient:
                Retry(delivery, transient, now);
                break;
            case SendOutcome.Moved again:
                Retry(delivery, new SendOutcome.Transient($"moved {movedBefore} times, last to {again.NewAddress}"), now);
                break;
            case SendOutcome.Permanent permanent:
                delivery.Status = DeliveryStatus.Failed;
                delivery.Error = permanent.Reason;
                _metrics.Failed(chat.Channel);
                await StopChatAsync(db, delivery, permanent.Reason, now).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"The {chat.Channel} channel returned no outcome for delivery {delivery.Id}.");
        }

        // A permanent failure changed the chat and its other rows too; otherwise only this row changed.
        if (outcome is SendOutcome.Permanent)
        {
            db.ChangeTracker.DetectChanges();
        }
        else
        {
            db.Entry(delivery).DetectChanges();
        }

        // The message has gone (or not) whatever the token says now; not recording it would send it again.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        return false;
    }

    private void Retry(Delivery delivery, SendOutcome.Transient transient, DateTimeOffset now)
    {
        var chat = delivery.Chat;
        delivery.Error = transient.Reason;
        if (transient.RetryAfter is { } pause && pause > TimeSpan.Zero)
        {
            var until = now + pause;
            if (!_pausedUntil.TryGetValue(chat.Channel, out var already) || already < until)
            {
                _pausedUntil[chat.Channel] = until;
            }

            LogChannelPaused(chat.Channel, pause, until);
        }

        if (delivery.Attempts >= _options.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
            _metrics.Failed(chat.Channel);
            LogGaveUp(delivery.Id, chat.Id, chat.Channel, delivery.Attempts, transient.Reason);
            return;
        }

        _metrics.Retried(chat.Channel);
        var backoff = Backoff(delivery.Attempts);
        delivery.NotBefore = now + (transient.RetryAfter > backoff ? transient.RetryAfter.Value : backoff);
        LogRetry(delivery.Id, chat.Id, chat.Channel, transient.Reason, delivery.Attempts, _options.MaxAttempts, delivery.NotBefore);
    }

    /// <summary>
    /// The messenger says this chat is gone for good: stop writing to it, give up what waits for it,
    /// note it in the audit trail and tell the office so the unit can be invited again.
    /// </summary>
    private async Task StopChatAsync(TdktDbContext db, Delivery failed, string reason, DateTimeOffset now)
    {
        var chat = failed.Chat;
        chat.Active = false;
        chat.InactiveReason = reason;

        // Recorded with the failed row in one SaveChanges, so a crash leaves all of it or none.
        var given = await db.Deliveries
            .Where(d => d.ChatId == chat.Id && d.Status == DeliveryStatus.Pending && d.Id != failed.Id)
            .ToListAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var d in given)
        {
            d.Status = DeliveryStatus.Failed;
            d.Error = DeliveryTexts.ChatStopped;
        }

        var name = chat.DisplayName ?? chat.Address;
        db.Audit.Add(new AuditEntry
        {
            At = now,
            Actor = "bot",
            Action = "chat.inactive",
            Subject = $"chat:{chat.Id}",
            Details = $"{chat.Channel.Key()} {chat.Address} ({name}{(chat.Unit is null ? string.Empty : $", {chat.Unit.Name}")}): {reason} · {given.Count} tin chờ gửi bị hủy",
        });

        var offices = await db.OfficeChats()
            .Where(c => c.Id != chat.Id)
            .OrderBy(c => c.Id)
            .ToListAsync(CancellationToken.None).ConfigureAwait(false);
        var text = DeliveryTexts.ChatInactive(name, chat.Unit?.Name, chat.Channel, reason);
        foreach (var office in offices)
        {
            // The failed row's id tells this stop from a later one, after the unit was invited again.
            db.Deliveries.Add(Delivery.Pending($"inactive:{chat.Id}:{failed.Id}:{office.Id}", "notice", office.Id, text, now));
        }

        LogChatStopped(chat.Id, chat.Channel, reason, given.Count, offices.Count);
    }

    private TimeSpan Backoff(int attempts)
    {
        // Beyond 2^30 any base delay of note is past the cap anyway; the bound keeps the double finite.
        var ticks = _options.RetryBaseDelay.Ticks * Math.Pow(2, Math.Min(attempts - 1, 30));
        return ticks >= LongestBackoff.Ticks ? LongestBackoff : TimeSpan.FromTicks((long)ticks);
    }

    private bool IsPaused(Messenger channel, DateTimeOffset now) =>
        _pausedUntil.TryGetValue(channel, out var until) && until > now;

    /// <summary>
    /// When the delivery's chat may be written to again: the spacing after the sender's own last message there, or after
    /// the messenger's last write by any path (an immediate reply goes out beside the outbox), whichever ends later.
    /// </summary>
    private long ChatFreeAt(Delivery delivery, long tick)
    {
        var chat = delivery.Chat;
        var own = _chatFreeAt.GetValueOrDefault(chat.Id);
        if (_channels[chat.Channel].SinceLastWrite(chat.Address) is not { } since)
        {
            return own;
        }

        var written = tick - (long)(since.TotalSeconds * Stopwatch.Frequency);
        return Math.Max(own, written + (chat.IsGroup ? _groupSpacing : _chatSpacing));
    }

    private void ForgetFreeChats(long tick)
    {
        foreach (var (chatId, freeAt) in _chatFreeAt)
        {
            if (freeAt <= tick)
            {
                _chatFreeAt.Remove(chatId);
            }
        }
    }

    // Task.Delay counts whole milliseconds; rounding down would wake too early and spin.
    private static TimeSpan RoundUp(TimeSpan wait) => TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {DeliveryId} sent to chat {ChatId} on {Channel} as {MessageId}")]
    private partial void LogSent(long deliveryId, long chatId, Messenger channel, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} to chat {ChatId} on {Channel} failed: {Reason}; attempt {Attempts} of {MaxAttempts}, next try from {NotBefore}")]
    private partial void LogRetry(long deliveryId, long chatId, Messenger channel, string reason, int attempts, int maxAttempts, DateTimeOffset notBefore);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} to chat {ChatId} on {Channel} given up after {Attempts} attempts: {Reason}")]
    private partial void LogGaveUp(long deliveryId, long chatId, Messenger channel, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} asked to wait {RetryAfter}; nothing goes to it before {Until}")]
    private partial void LogChannelPaused(Messenger channel, TimeSpan retryAfter, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ChatId} on {Channel} no longer takes messages ({Reason}): made inactive, {GivenUp} waiting deliveries given up, {Offices} office chats told")]
    private partial void LogChatStopped(long chatId, Messenger channel, string reason, int givenUp, int offices);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId}: chat {ChatId} on {Channel} moved to {NewAddress} (now chat {MovedToChatId}); sending again")]
    private partial void LogMoved(long deliveryId, long chatId, Messenger channel, string newAddress, long movedToChatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} to chat {ChatId} withdrawn: obligation {ObligationId} is no longer owed")]
    private partial void LogWithdrawn(long deliveryId, long chatId, long obligationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} is being sent by another instance; skipped")]
    private partial void LogClaimedElsewhere(long deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending deliveries failed; trying again in {Wait}")]
    private partial void LogDrainFailed(Exception exception, TimeSpan wait);
}
