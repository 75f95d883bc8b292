using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TdktBot.Testing;

/// <summary>A log provider that keeps every entry the host logs, to check what an operator would read (and what must never be there).</summary>
public sealed class RecordingLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Everything an operator could read: category, message and exception (with its stack and inner exceptions).</summary>
    public string Text => string.Join('\n', _entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    /// <summary>Waits up to 10 s for an entry that <paramref name="matches"/>.</summary>
    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> matches, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (_entries.FirstOrDefault(matches) is { } entry)
            {
                return entry;
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Nothing logged {what} within 10 s. The log:\n{string.Join('\n', _entries)}");
            }

            await Task.Delay(50);
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
