using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Contracts;

namespace ChatApp.Notifications.Tests.Support;

/// <summary>Sign-in code events as Identity publishes them: the code sealed under the key the service is given.</summary>
public static class SignInCodes
{
    public static readonly string Key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    public static readonly EventSeal Seal = new(Key);

    public static SignInCodeRequested Requested(
        Guid userId, string email, string displayName, string language, string code, DateTimeOffset expiresAt, string requestedFrom, DateTimeOffset occurredAt)
    {
        var challengeId = Guid.NewGuid();
        return new SignInCodeRequested(challengeId, userId, email, displayName, language,
            Seal.Seal(code, SignInCodeRequested.SealContext(challengeId)), expiresAt, requestedFrom, occurredAt);
    }
}
