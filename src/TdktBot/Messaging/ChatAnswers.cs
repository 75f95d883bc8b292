using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TdktBot.Core.Conversations;
using TdktBot.Operations;

namespace TdktBot.Messaging;

/// <summary>
/// What every messenger does with what a person wrote: hands it to the conversation and sends the replies at once
/// through the messenger's channel (people are waiting; the outbox is for what the bot decides on its own).
/// </summary>
internal sealed partial class ChatAnswers(IServiceScopeFactory scopes, BotMetrics metrics, ILogger<ChatAnswers> logger)
{
    /// <summary>Chats handled at the same time. A few, so one slow chat does not hold up the others, yet the store (one SQLite file) is not crowded with writers.</summary>
    public const int ParallelChats = 4;

    /// <summary>A reply that the messenger asks us to hold back longer than this is dropped rather than keep the chat waiting.</summary>
    private static readonly TimeSpan LongestReplyWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Handles a batch: each chat's items in the order they came, different chats side by side. <paramref name="handle"/>
    /// is expected to log its own failures; only cancellation ends the batch early.
    /// </summary>
    public static async Task InChatOrderAsync<T, TChat>(
        IEnumerable<T> items, Func<T, TChat> chatOf, Func<T, CancellationToken, Task> handle, CancellationToken ct)
        where TChat : notnull
    {
        var chats = items.GroupBy(chatOf).ToList();
        if (chats.Count == 1)
        {
            // Most batches are one person's message: handled right here, without handing it to another thread.
            foreach (var item in chats[0])
            {
                ct.ThrowIfCancellationRequested();
                await handle(item, ct);
            }

            return;
        }

        await Parallel.ForEachAsync(
            chats,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelChats, CancellationToken = ct },
            async (chat, token) =>
            {
                foreach (var item in chat)
                {
                    await handle(item, token);
                }
            });
    }

    /// <summary>
    /// The conversation's replies to <paramref name="incoming"/>, sent to the same chat and timed from <paramref name="received"/>,
    /// the <see cref="Stopwatch"/> timestamp at which the bot took up the batch it came in (a poll's answer, or the webhook's queue).
    /// </summary>
    public async Task AnswerAsync(IChatChannel channel, IncomingMessage incoming, long received, CancellationToken ct)
    {
        // Held until the replies are out, so an outbox message the conversation queues for this chat waits its turn after them.
        using var answering = channel.Answering(incoming.ChatAddress);

        // A scope per message, so a conversation may use scoped services (a DbContext) whatever its own lifetime.
        await using var scope = scopes.CreateAsyncScope();
        var conversation = scope.ServiceProvider.GetRequiredService<IConversation>();
        var replies = await conversation.HandleAsync(incoming, ct);
        var sent = 0;
        foreach (var reply in replies)
        {
            sent += await ReplyAsync(channel, incoming.ChatAddress, reply, ct) ? 1 : 0;
        }

        if (sent > 0)
        {
            metrics.Answered(channel.Messenger, sent, received);
        }
    }

    /// <summary>A chat changed its id (a Telegram group became a supergroup): its link follows.</summary>
    public async Task ChatMovedAsync(Messenger channel, string oldAddress, string newAddress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IConversation>().ChatMovedAsync(channel, oldAddress, newAddress, ct);
    }

    /// <summary>Sends one reply, trying once more after a short wait when the messenger is busy; a reply that still fails is logged (false).</summary>
    public async Task<bool> ReplyAsync(IChatChannel channel, string address, Reply reply, CancellationToken ct)
    {
        var message = new OutgoingMessage(address, reply.Text) { Buttons = reply.Buttons, Document = reply.Document };
        var outcome = await channel.SendAsync(message, ct);
        if (outcome is SendOutcome.Transient { RetryAfter: var wait } && (wait ?? TimeSpan.Zero) <= LongestReplyWait)
        {
            await Task.Delay(wait ?? TimeSpan.FromSeconds(1), ct);
            outcome = await channel.SendAsync(message, ct);
        }

        if (outcome is not SendOutcome.Sent)
        {
            LogReplyFailed(logger, channel.Messenger, address, outcome);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: không gửi được câu trả lời tới {ChatId}: {Outcome}")]
    private static partial void LogReplyFailed(ILogger logger, Messenger channel, string chatId, SendOutcome outcome);
}
