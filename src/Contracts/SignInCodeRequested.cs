namespace ChatApp.Contracts;

/// <summary>
/// Someone passed the password step and asked for a sign-in code by email. Notifications mails
/// <see cref="Code"/> to <see cref="Email"/> in <see cref="Language"/>; the code is useless after
/// <see cref="ExpiresAt"/> or once used. <see cref="RequestedFrom"/> is the client's address and
/// browser, shown in the email so that a user who did not ask can tell.
/// </summary>
public sealed record SignInCodeRequested(
    Guid ChallengeId,
    Guid UserId,
    string Email,
    string DisplayName,
    string Language,
    string Code,
    DateTimeOffset ExpiresAt,
    string RequestedFrom,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
