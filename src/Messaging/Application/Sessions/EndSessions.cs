using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;

namespace ChatApp.Messaging.Application.Sessions;

/// <summary>
/// Identity ended sessions (sign-out, password or second-factor change, refresh reuse): remember
/// them, so their still-valid access tokens open no new hub connection, then end the
/// connections open with them. Handled once: a redelivery neither records nor closes again.
/// </summary>
public sealed class EndSessions(IEndedSessions endedSessions, ISessionConnections connections) : IHandles<SessionsEnded>
{
    public Task HandleAsync(SessionsEnded message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (message.UserId == Guid.Empty || message.SessionIds is null || message.SessionIds.Count == 0 || message.SessionIds.Contains(Guid.Empty))
            throw new MalformedEventException($"A {nameof(SessionsEnded)} event names no user or no sessions.");
        return endedSessions.RecordAsync(unitOfWork, message.UserId, message.SessionIds, message.OccurredAt, cancellationToken);
    }

    public Task AfterCommitAsync(SessionsEnded message, CancellationToken cancellationToken) =>
        connections.EndAsync(message.SessionIds, cancellationToken);
}
