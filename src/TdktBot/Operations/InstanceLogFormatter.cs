using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace TdktBot.Operations;

/// <summary>
/// The console log with this instance's id on every line (a message's further lines and an exception's stack too), so the logs of
/// several instances can be merged and still tell who wrote what: <c>08:00:01 info: bot-a TdktBot.Reminders.ReminderWorker: …</c>.
/// </summary>
public sealed class InstanceLogFormatter : ConsoleFormatter
{
    public const string FormatterName = "tdkt";

    private readonly InstanceId _instance;
    private readonly IOptionsMonitor<ConsoleFormatterOptions> _options;

    public InstanceLogFormatter(InstanceId instance, IOptionsMonitor<ConsoleFormatterOptions> options)
        : base(FormatterName)
    {
        _instance = instance;
        _options = options;
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var options = _options.CurrentValue;
        if (options.TimestampFormat is { } format)
        {
            var now = options.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now;
            textWriter.Write(now.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(_instance.Value);
        textWriter.Write(' ');
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        var lines = message.Split('\n');
        textWriter.WriteLine(lines[0].TrimEnd('\r'));

        // Further lines of the message and the exception's stack each carry the id too, so a grep for one instance keeps them.
        var rest = lines.Skip(1).Concat(logEntry.Exception?.ToString().Split('\n') ?? []);
        foreach (var line in rest)
        {
            textWriter.Write("      ");
            textWriter.Write(_instance.Value);
            textWriter.Write(" | ");
            textWriter.WriteLine(line.TrimEnd('\r'));
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString(),
    };
}
