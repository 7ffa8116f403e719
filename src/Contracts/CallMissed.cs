namespace ChatApp.Contracts;

/// <summary>
/// A call rang and nobody answered (or the callee declined without picking up). Notifications
/// emails the callee, if they want missed-call emails; names and addresses come from the users
/// Notifications already knows.
/// </summary>
public sealed record CallMissed(
    Guid CallId,
    Guid CallerId,
    Guid CalleeId,
    DateTimeOffset StartedAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
