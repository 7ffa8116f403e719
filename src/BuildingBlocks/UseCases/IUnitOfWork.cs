using ChatApp.Contracts;

namespace ChatApp.BuildingBlocks.UseCases;

/// <summary>
/// One transaction of a use case: the changes its stores make and the integration events they
/// cause commit together or not at all; disposing without <see cref="CommitAsync"/> rolls back.
/// Application code begins, enqueues and commits; the stores that write inside it are
/// Infrastructure's, which is the only place that knows it is a database transaction.
/// </summary>
public interface IUnitOfWork : IAsyncDisposable
{
    /// <summary>Queues an event to be published once, after (and only if) this unit of work commits.</summary>
    Task EnqueueEventAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : class, IIntegrationEvent;

    /// <summary>Runs <paramref name="action"/> once this unit of work has committed (never if it rolls back): to wake a worker, say.</summary>
    void AfterCommit(Action action);

    Task CommitAsync(CancellationToken cancellationToken);
}
