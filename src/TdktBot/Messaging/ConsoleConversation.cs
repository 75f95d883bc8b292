using TdktBot.Core.Conversations;

namespace TdktBot.Messaging;

/// <summary>A chat in the terminal: each line typed is a message from the chosen unit's console chat, each reply is printed.</summary>
public static class ConsoleConversation
{
    public static async Task RunAsync(IConversation conversation, string address, string senderName, TextReader input, TextWriter output, bool prompt, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            if (prompt)
            {
                await output.WriteAsync("> ");
                await output.FlushAsync(ct);
            }

            var line = await input.ReadLineAsync(ct);
            if (line is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var replies = await conversation.HandleAsync(new IncomingMessage
            {
                Channel = Messenger.Console,
                ChatAddress = address,
                ChatTitle = address,
                // The terminal is one person: its chat.
                SenderId = address,
                SenderName = senderName,
                Text = line,
            }, ct);
            foreach (var reply in replies)
            {
                await output.WriteLineAsync(ConsoleText.Render(reply.Text, reply.Buttons));
                await output.WriteLineAsync();
            }

            await output.FlushAsync(ct);
        }
    }
}
