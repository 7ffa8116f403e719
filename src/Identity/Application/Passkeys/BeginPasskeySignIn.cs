using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Infrastructure.Passkeys;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>
/// For sign-in's second step with a passkey: WebAuthn request options naming the user's
/// passkeys, kept with the challenge (the ceremony's id is the challenge's).
/// </summary>
public sealed class BeginPasskeySignIn(UnitOfWorkFactory unitOfWorks, IFido2 fido2, IOptions<PasskeyOptions> options, TimeProvider clock)
{
    public static readonly Failure NoPasskeys = new(FailureKind.Conflict, "No passkey", "This account has no passkey; use another way to confirm.");

    public async Task<Result<System.Text.Json.JsonElement>> ExecuteAsync(Guid challengeId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var challenge = await SignInChallenges.LockAsync(unitOfWork, challengeId, cancellationToken);
        if (challenge is null)
            return SignInFailures.UnknownChallenge;
        if (!challenge.IsOpen(now))
            return challenge.CompletedAt is null ? SignInFailures.ChallengeOver : SignInFailures.AlreadyUsed;
        var passkeys = (await PasskeyStore.OfUserAsync(unitOfWork, challenge.UserId, cancellationToken)).ToList();
        if (passkeys.Count == 0)
            return NoPasskeys;

        var assertion = fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = passkeys.Select(p => new PublicKeyCredentialDescriptor(p.CredentialId)).ToList(),
            UserVerification = UserVerificationRequirement.Preferred,
        });
        var json = assertion.ToJson();
        await WebAuthnCeremonies.SaveAsync(unitOfWork, challengeId, challenge.UserId, json, Min(now + options.Value.CeremonyLifetime, challenge.ExpiresAt), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
