using ChatApp.BuildingBlocks.Eventing.Outbox;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using Dapper;
using MySqlConnector;

namespace ChatApp.BuildingBlocks.Eventing;

/// <summary>
/// One database transaction of a use case: its state changes and the integration events
/// they cause commit together or not at all. Dispose without <see cref="CommitAsync"/> rolls back.
/// </summary>
public sealed class UnitOfWork : IUnitOfWork
{
    private readonly OutboxSignal _outboxSignal;
    private readonly TimeProvider _clock;
    private readonly List<Action> _afterCommit = [];
    private bool _hasEvents;

    private UnitOfWork(MySqlConnection connection, MySqlTransaction transaction, OutboxSignal outboxSignal, TimeProvider clock)
    {
        Connection = connection;
        Transaction = transaction;
        _outboxSignal = outboxSignal;
        _clock = clock;
    }

    public MySqlConnection Connection { get; }

    /// <summary>
    /// The MySQL transaction behind a unit of work that Application code holds as <see cref="IUnitOfWork"/>,
    /// for the Infrastructure store that writes inside it.
    /// </summary>
    public static UnitOfWork Of(IUnitOfWork unitOfWork) =>
        unitOfWork as UnitOfWork
        ?? throw new ArgumentException($"This unit of work is a {unitOfWork.GetType().Name}; stores write only inside one begun by {nameof(UnitOfWorkFactory)}.", nameof(unitOfWork));

    public MySqlTransaction Transaction { get; }

    internal static async Task<UnitOfWork> BeginAsync(MySqlConnection connection, OutboxSignal outboxSignal, TimeProvider clock, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        return new UnitOfWork(connection, transaction, outboxSignal, clock);
    }

    /// <summary>Queues an event to be published once, after (and only if) this unit of work commits.</summary>
    public async Task EnqueueEventAsync<TEvent>(TEvent integrationEvent, CancellationToken cancellationToken)
        where TEvent : class, IIntegrationEvent
    {
        await OutboxWriter.InsertAsync(Transaction, integrationEvent, _clock, cancellationToken);
        _hasEvents = true;
    }

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Transaction.CommitAsync(cancellationToken);
        if (_hasEvents)
            _outboxSignal.Notify();
        foreach (var action in _afterCommit)
            action();
    }

    /// <summary>Runs <paramref name="action"/> once this unit of work has committed (never if it rolls back): to wake a worker, say.</summary>
    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);
}
