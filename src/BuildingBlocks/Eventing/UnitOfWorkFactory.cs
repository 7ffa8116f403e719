using ChatApp.BuildingBlocks.Eventing.Outbox;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>Starts units of work on the service's own database.</summary>
public sealed class UnitOfWorkFactory(ServiceDatabase database, OutboxSignal outboxSignal, TimeProvider clock) : IUnitOfWorkFactory
{
    async Task<IUnitOfWork> IUnitOfWorkFactory.BeginAsync(CancellationToken cancellationToken) => await BeginAsync(cancellationToken);

    public async Task<UnitOfWork> BeginAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await UnitOfWork.BeginAsync(connection, outboxSignal, clock, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
