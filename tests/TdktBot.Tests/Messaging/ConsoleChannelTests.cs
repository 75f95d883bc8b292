using Microsoft.Extensions.Time.Testing;
using TdktBot.Core.Conversations;
using TdktBot.Messaging;

namespace TdktBot.Tests.Messaging;

public sealed class ConsoleChannelTests
{
    [Fact]
    public async Task Writes_a_block_headed_with_the_chat_and_the_Vietnam_time_whatever_the_clock_zone()
    {
        // 01:00 UTC is 08:00 in Vietnam; the clock's own local zone (New York) must not matter.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 23, 1, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var output = new StringWriter { NewLine = "\n" };
        var console = new ConsoleChannel(output, time);

        var first = await console.SendAsync(new OutgoingMessage("42", "Nhắc việc: nộp báo cáo quý I.", "Trường THCS Hoa Thám"), CancellationToken.None);
        time.Advance(TimeSpan.FromHours(16) + TimeSpan.FromMinutes(5));
        var second = await console.SendAsync(new OutgoingMessage("43", "Dòng một\nDòng hai"), CancellationToken.None);

        Assert.Equal(
            "── Tin nhắn tới Trường THCS Hoa Thám · 23/01/2026 08:00 ──\n"
            + "Nhắc việc: nộp báo cáo quý I.\n"
            + "\n"
            + "── Tin nhắn tới 43 · 24/01/2026 00:05 ──\n"
            + "Dòng một\nDòng hai\n"
            + "\n",
            output.ToString());
        Assert.Equal(new SendOutcome.Sent("console-1"), first);
        Assert.Equal(new SendOutcome.Sent("console-2"), second);
        Assert.Equal(Messenger.Console, console.Messenger);
    }

    [Fact]
    public async Task Messages_sent_at_once_from_many_threads_come_out_whole_with_distinct_ids()
    {
        var output = new StringWriter { NewLine = "\n" };
        var console = new ConsoleChannel(output, new FakeTimeProvider(new DateTimeOffset(2026, 1, 23, 1, 0, 0, TimeSpan.Zero)));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Task.Run(() =>
            console.SendAsync(new OutgoingMessage($"chat-{i}", $"Tin số {i}"), CancellationToken.None))));

        var blocks = output.ToString().Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(200, blocks.Length);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            var chat = lines[0]["── Tin nhắn tới ".Length..lines[0].IndexOf(" · ", StringComparison.Ordinal)];
            Assert.Equal($"Tin số {chat["chat-".Length..]}", lines[1]);
        }

        Assert.Equal(200, outcomes.Select(o => Assert.IsType<SendOutcome.Sent>(o).MessageId).Distinct().Count());
    }
}
