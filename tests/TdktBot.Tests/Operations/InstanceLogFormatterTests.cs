using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TdktBot.Operations;

namespace TdktBot.Tests.Operations;

/// <summary>What the console formatter writes for one entry, as a log reader sees it.</summary>
public sealed class InstanceLogFormatterTests
{
    [Fact]
    public void A_message_of_several_lines_and_its_exception_carry_the_instance_id_on_every_line()
    {
        var formatter = new InstanceLogFormatter(new InstanceId("bot-a"), new Fixed(new ConsoleFormatterOptions()));
        var failure = new InvalidOperationException("đĩa đầy");
        var entry = new LogEntry<string>(LogLevel.Error, "TdktBot.Plans.PlanStore", new EventId(7), "Tệp kế hoạch lỗi:\n- dòng 3\n- dòng 9", failure, (s, _) => s);
        using var output = new StringWriter();

        formatter.Write(entry, null, output);

        var lines = output.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal("fail: bot-a TdktBot.Plans.PlanStore: Tệp kế hoạch lỗi:", lines[0]);
        Assert.Equal("      bot-a | - dòng 3", lines[1]);
        Assert.Equal("      bot-a | - dòng 9", lines[2]);
        Assert.Equal("      bot-a | System.InvalidOperationException: đĩa đầy", lines[3]);
        Assert.All(lines, line => Assert.Contains("bot-a", line, StringComparison.Ordinal));
    }

    private sealed class Fixed(ConsoleFormatterOptions value) : IOptionsMonitor<ConsoleFormatterOptions>
    {
        public ConsoleFormatterOptions CurrentValue => value;

        public ConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ConsoleFormatterOptions, string?> listener) => null;
    }
}
