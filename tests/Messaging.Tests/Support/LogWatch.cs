using System.Collections.Concurrent;
using ChatApp.Testing;
using Microsoft.Extensions.Logging;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>
/// Listens to what running replicas log, for a test that needs to see the service recognise
/// something (a redelivered event, say). It joins the replicas' logging while they run and
/// keeps only the lines that contain one of its fragments; disposing it stops the listening.
/// </summary>
public sealed class LogWatch : ILoggerProvider
{
    private readonly string[] _fragments;
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();
    private volatile bool _stopped;

    private LogWatch(string[] fragments) => _fragments = fragments;

    /// <summary>Starts keeping the lines of <paramref name="replicas"/> that contain one of <paramref name="fragments"/>.</summary>
    public static LogWatch On(IEnumerable<MessagingReplica> replicas, params string[] fragments)
    {
        var watch = new LogWatch(fragments);
        foreach (var replica in replicas)
            replica.Get<ILoggerFactory>().AddProvider(watch);
        return watch;
    }

    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    public Task WaitForAsync(string fragment, TimeSpan timeout) =>
        Eventually.HoldsAsync(() => _lines.Any(line => line.Message.Contains(fragment, StringComparison.Ordinal)), timeout,
            () => $"Nothing logged \"{fragment}\".");

    public ILogger CreateLogger(string categoryName) => new Listener(this);

    public void Dispose() => _stopped = true;

    private sealed class Listener(LogWatch owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => !owner._stopped && logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var message = formatter(state, exception);
            if (owner._fragments.Any(fragment => message.Contains(fragment, StringComparison.Ordinal)))
                owner._lines.Enqueue((logLevel, message));
        }
    }
}
