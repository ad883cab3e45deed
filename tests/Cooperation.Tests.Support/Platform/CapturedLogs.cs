using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Cooperation.Tests.Support;

/// <summary>A logger provider that keeps every entry, for tests that read what a host logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>One log entry.</summary>
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    /// <summary>What was logged since the last <see cref="Clear"/>.</summary>
    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>Forgets what was logged so far.</summary>
    public void Clear() => _entries.Clear();

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <inheritdoc/>
    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
