using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application.Sessions;

/// <summary>
/// The sessions Identity ended, remembered while an access token of theirs may still be valid, so
/// a device still holding one cannot open a hub connection with it again.
/// </summary>
public interface IEndedSessions
{
    /// <summary>Remembers the sessions; one already remembered stays as it was.</summary>
    Task RecordAsync(IUnitOfWork unitOfWork, Guid userId, IReadOnlyCollection<Guid> sessionIds, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>Those of <paramref name="sessionIds"/> that have ended.</summary>
    Task<IReadOnlyList<Guid>> WhichHaveEndedAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);

    Task<bool> HasEndedAsync(Guid sessionId, CancellationToken cancellationToken);
}
