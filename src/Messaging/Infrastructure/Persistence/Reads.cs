using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;
using MySqlConnector;

namespace ChatApp.Messaging.Infrastructure.Persistence;

internal static class Reads
{
    /// <summary>
    /// Runs <paramref name="read"/> inside the unit of work's transaction (seeing its writes and
    /// keeping its locks), or on a connection of its own when there is none.
    /// </summary>
    public static async Task<T> ReadAsync<T>(
        this ServiceDatabase database, IUnitOfWork? unitOfWork, Func<MySqlConnection, MySqlTransaction?, Task<T>> read, CancellationToken cancellationToken)
    {
        if (unitOfWork is not null)
        {
            var transaction = UnitOfWork.Of(unitOfWork);
            return await read(transaction.Connection, transaction.Transaction);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await read(connection, null);
    }
}
