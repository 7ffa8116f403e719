using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatApp.Notifications.Tests.Support;

/// <summary>
/// Keeps what the service logs, for tests that check a warning was raised or an event was
/// recognised as a redelivery; warnings and errors also go to <see cref="LogFile"/> next to the
/// test binaries, where a failing test's server side can be read.
/// </summary>
public sealed class LogCollector : ILoggerProvider
{
    public static readonly string LogFile = Path.Combine(AppContext.BaseDirectory, "notifications-server.log");
    private static readonly Lock FileGate = new();

    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries => _entries.ToList();

    public bool Contains(LogLevel level, string fragment) =>
        _entries.Any(entry => entry.Level == level && entry.Message.Contains(fragment, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var message = formatter(state, exception);
            owner._entries.Enqueue((logLevel, category, message, exception));
            if (logLevel >= LogLevel.Warning)
            {
                lock (FileGate)
                    File.AppendAllText(LogFile, $"{DateTime.UtcNow:O} [{logLevel}] {category}: {message}{Environment.NewLine}{exception}{Environment.NewLine}");
            }
        }
    }
}
