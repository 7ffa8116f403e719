namespace ChatApp.Contracts;

/// <summary>
/// Sessions of a user ended before their time: signed out (here, elsewhere or everywhere),
/// ended by a password or second-factor change, or revoked because a refresh token was reused.
/// Their refresh tokens no longer work, but access tokens already issued for them stay valid
/// until they expire; Messaging tells and closes the hub connections opened with them, and
/// refuses new ones. One event per revocation, listing every session it ended (never empty).
/// </summary>
public sealed record SessionsEnded(
    Guid UserId,
    IReadOnlyList<Guid> SessionIds,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
