using System.Text.Json;
using ChatApp.Identity.Application.SignIn;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>
/// For sign-in's second step with a passkey: WebAuthn request options naming the user's
/// passkeys, kept with the challenge (the ceremony's id is the challenge's).
/// </summary>
public sealed class BeginPasskeySignIn(
    IUnitOfWorkFactory unitOfWorks, ISignInChallenges challenges, IPasskeys passkeys, IWebAuthn webAuthn, IOptions<PasskeyOptions> options, TimeProvider clock)
{
    public static readonly Failure NoPasskeys = new(FailureKind.Conflict, "No passkey", "This account has no passkey; use another way to confirm.");

    public async Task<Result<JsonElement>> ExecuteAsync(Guid challengeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var challenge = await challenges.LockAsync(unitOfWork, challengeId, cancellationToken);
        if (challenge is null)
            return SignInFailures.UnknownChallenge;
        if (!challenge.IsOpen(now))
            return challenge.CompletedAt is null ? SignInFailures.ChallengeOver : SignInFailures.AlreadyUsed;
        var stored = await passkeys.OfUserAsync(unitOfWork, challenge.UserId, cancellationToken);
        if (stored.Count == 0)
            return NoPasskeys;

        var json = webAuthn.AssertionOptions(stored.Select(passkey => passkey.CredentialId));
        await passkeys.SaveCeremonyAsync(unitOfWork, challengeId, challenge.UserId, json, Min(now + options.Value.CeremonyLifetime, challenge.ExpiresAt), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
