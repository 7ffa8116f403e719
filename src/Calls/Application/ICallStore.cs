using ChatApp.Calls.Domain;
using ChatApp.Contracts;

namespace ChatApp.Calls.Application;

/// <summary>Where calls are kept, shared by every replica: no replica holds the truth about a call in memory.</summary>
public interface ICallStore
{
    /// <summary>
    /// Saves a new ringing call and marks its two people as in it, both or neither: a person is in
    /// one call at a time, so this answers which of them already was.
    /// </summary>
    Task<CallStart> TryStartAsync(Call call, CancellationToken cancellationToken);

    /// <summary>Saves a call that ended as it began (busy), with the events it causes.</summary>
    Task AddEndedAsync(Call call, IReadOnlyCollection<IIntegrationEvent> events, CancellationToken cancellationToken);

    Task<Call?> FindAsync(Guid callId, CancellationToken cancellationToken);

    /// <summary>The call the person is in (ringing or active), if any.</summary>
    Task<Call?> FindCurrentAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Calls a hub connection holds for one of their two people.</summary>
    Task<IReadOnlyList<Call>> FindHeldByConnectionAsync(string connectionId, CancellationToken cancellationToken);

    /// <summary>Calls whose <see cref="Call.Deadline"/> has passed.</summary>
    Task<IReadOnlyList<Guid>> FindDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the call after a step, with the events that step causes, in one transaction; frees its
    /// people once it ended. False, saving nothing, when another step was saved first (the call's
    /// stored version is no longer the one the step started from).
    /// </summary>
    Task<bool> TryUpdateAsync(Call call, IReadOnlyCollection<IIntegrationEvent> events, CancellationToken cancellationToken);
}

public enum CallStart
{
    Started,
    CallerInAnotherCall,
    CalleeInAnotherCall,
}
