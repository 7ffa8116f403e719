using Microsoft.Extensions.Logging;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// Keeps the service's errors in <see cref="LogFile"/> next to the test binaries: a test sees
/// only a 500 with no detail, and this is where the server's side of it is.
/// </summary>
public sealed class ServerErrorLogProvider : ILoggerProvider
{
    public static readonly string LogFile = Path.Combine(AppContext.BaseDirectory, "identity-server-errors.log");
    private static readonly Lock Gate = new();

    public ILogger CreateLogger(string categoryName) => new FileLogger(categoryName);

    public void Dispose()
    {
    }

    private sealed class FileLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            lock (Gate)
                File.AppendAllText(LogFile, $"{DateTime.UtcNow:O} [{logLevel}] {category}: {formatter(state, exception)}{Environment.NewLine}{exception}{Environment.NewLine}");
        }
    }
}
