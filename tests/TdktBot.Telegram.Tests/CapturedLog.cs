using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TdktBot.Telegram.Tests;

/// <summary>Keeps every log entry at every level and category (System.Net.Http included), exceptions written out in full.</summary>
internal sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Everything an operator could read: category, message and exception (with its stack and inner exceptions).</summary>
    public string Text => string.Join('\n', _entries.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
