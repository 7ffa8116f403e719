namespace ChatApp.Contracts;

/// <summary>
/// Someone passed the password step and asked for a sign-in code by email. Notifications mails
/// the code to <see cref="Email"/> in <see cref="Language"/>; the code is useless after
/// <see cref="ExpiresAt"/> or once used. <see cref="RequestedFrom"/> is the client's address and
/// browser, shown in the email so that a user who did not ask can tell.
/// <see cref="SealedCode"/> is the code sealed for Notifications alone (BuildingBlocks' EventSeal,
/// bound to <see cref="ChallengeId"/>): the outbox, the broker and Notifications' tables never
/// hold it in clear.
/// </summary>
public sealed record SignInCodeRequested(
    Guid ChallengeId,
    Guid UserId,
    string Email,
    string DisplayName,
    string Language,
    string SealedCode,
    DateTimeOffset ExpiresAt,
    string RequestedFrom,
    DateTimeOffset OccurredAt) : IIntegrationEvent
{
    /// <summary>What <see cref="SealedCode"/> is bound to: it opens in no other challenge's event.</summary>
    public static string SealContext(Guid challengeId) => $"{nameof(SignInCodeRequested)}:{challengeId}";
}
