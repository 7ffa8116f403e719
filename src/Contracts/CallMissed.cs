namespace ChatApp.Contracts;

/// <summary>
/// A call rang for its whole ring time and nobody answered (a declined, cancelled or busy call is
/// not missed: see <see cref="CallEnded"/>). Notifications emails the callee, if they want
/// missed-call emails; names and addresses come from the users Notifications already knows.
/// </summary>
public sealed record CallMissed(
    Guid CallId,
    Guid CallerId,
    Guid CalleeId,
    DateTimeOffset StartedAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
