using System.Text.Json;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>
/// Checks a passkey assertion for a sign-in challenge: against the options issued for that
/// challenge (once) and the user's stored passkeys; an accepted one's signature counter moves on.
/// </summary>
public sealed class PasskeyVerifier(IPasskeys passkeys, IWebAuthn webAuthn)
{
    public async Task<bool> AcceptsAsync(IUnitOfWork unitOfWork, Guid challengeId, Guid userId, JsonElement? assertion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (assertion is not { } answer || await passkeys.TakeCeremonyAsync(unitOfWork, challengeId, userId, now, cancellationToken) is not { } optionsJson)
            return false;
        var stored = await passkeys.OfUserAsync(unitOfWork, userId, cancellationToken);
        if (await webAuthn.VerifyAssertionAsync(optionsJson, answer, userId, stored, cancellationToken) is not { } accepted)
            return false;
        await passkeys.MarkUsedAsync(unitOfWork, accepted.CredentialId, accepted.SignCount, now, cancellationToken);
        return true;
    }
}
