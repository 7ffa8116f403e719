using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Persistence;

/// <summary>
/// Migrates the database before anything else in the service starts (hosted services start
/// in registration order, and before the web server). While the server is still coming up,
/// it retries with backoff instead of crashing the service.
/// </summary>
internal sealed partial class DatabaseMigrationHostedService(DatabaseMigrator migrator, ILogger<DatabaseMigrationHostedService> logger) : IHostedService
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + GiveUpAfter;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await migrator.MigrateAsync(cancellationToken);
                return;
            }
            catch (MySqlException ex) when (IsTransient(ex) && DateTimeOffset.UtcNow < deadline)
            {
                LogRetrying(logger, ex.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsTransient(MySqlException ex) =>
        ex.IsTransient || ex.ErrorCode is MySqlErrorCode.UnableToConnectToHost;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet ({Reason}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string reason, TimeSpan delay);
}
