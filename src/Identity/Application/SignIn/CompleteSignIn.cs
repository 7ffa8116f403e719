using System.Text.Json;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Authenticators;
using ChatApp.Identity.Application.Passkeys;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Tokens;
using ChatApp.Identity.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>
/// A code, or a passkey's <see cref="Assertion"/>. Without a <see cref="Proof"/>, a code is taken
/// to be from the user's chosen second factor.
/// </summary>
public sealed record CompleteSignInCommand(Guid ChallengeId, string Code, SignInProof? Proof = null, JsonElement? Assertion = null);

/// <summary>
/// Sign-in step two: an emailed code, an authenticator code, a recovery code or a passkey. The
/// right one opens a session; wrong ones, of any kind, count against the challenge's five tries.
/// </summary>
public sealed class CompleteSignIn(
    IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, ISignInChallenges challenges, IAuthenticators authenticators, SessionStarter sessions,
    PasskeyVerifier passkeys, IAttemptLimiter limiter, IOptions<RateLimitOptions> limits, IDeviceCookies deviceCookies, ISecurityEventLog securityEvents,
    ISignInCodeKey codeKey, TimeProvider clock)
{
    public async Task<Result<SignedInSession>> ExecuteAsync(CompleteSignInCommand command, Client client, CancellationToken cancellationToken)
    {
        if (await limiter.HitAsync(RateLimitBuckets.CodeEntry(client), limits.Value.CodeEntryPerAddress, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, null, detail: "code entry", cancellationToken: cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var challenge = await challenges.LockAsync(unitOfWork, command.ChallengeId, cancellationToken);
        if (challenge is null)
            return SignInFailures.UnknownChallenge;
        var user = await accounts.FindByIdAsync(unitOfWork, challenge.UserId, cancellationToken)
            ?? throw new InvalidOperationException($"Challenge {challenge.Id} names user {challenge.UserId}, who does not exist.");
        var proof = command.Proof ?? (user.SecondFactor == SecondFactor.Authenticator ? SignInProof.AuthenticatorCode : SignInProof.EmailCode);

        var now = clock.GetUtcNow();
        var check = proof switch
        {
            SignInProof.EmailCode => challenge.CheckCode(command.Code, now, await codeKey.GetAsync(cancellationToken)),
            SignInProof.AuthenticatorCode => challenge.CheckOtherFactor(await AuthenticatorAcceptsAsync(unitOfWork, user.Id, command.Code, now, cancellationToken), now),
            SignInProof.RecoveryCode => challenge.CheckOtherFactor(await authenticators.UseRecoveryCodeAsync(unitOfWork, user.Id, command.Code, now, cancellationToken), now),
            SignInProof.Passkey => challenge.CheckOtherFactor(await passkeys.AcceptsAsync(unitOfWork, challenge.Id, user.Id, command.Assertion, now, cancellationToken), now),
            _ => throw new ArgumentOutOfRangeException(nameof(command), proof, "Unknown sign-in proof."),
        };
        await challenges.UpdateAsync(unitOfWork, challenge, cancellationToken);
        if (check != CodeCheck.Accepted)
        {
            // The wrong try is kept even though sign-in fails: that is what limits guessing.
            await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorFailed, client, user.Id, detail: $"{proof}: {check}", cancellationToken: cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return SignInFailures.For(check, challenge, proof);
        }

        var session = await sessions.StartAsync(unitOfWork, user.Summary, client, cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SignedIn, client, user.Id, session.SessionId, proof.ToString(), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return session with { DeviceCookie = await deviceCookies.IssueAsync(user.Id, cancellationToken) };
    }

    /// <summary>Checks an authenticator code and, when right, burns its time step so it cannot be replayed.</summary>
    private async Task<bool> AuthenticatorAcceptsAsync(IUnitOfWork unitOfWork, Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await authenticators.LockAsync(unitOfWork, userId, cancellationToken) is not { Confirmed: true } authenticator
            || AuthenticatorCode.Verify(authenticator.Secret, code, authenticator.LastUsedStep, now.UtcDateTime) is not { } step)
            return false;
        await authenticators.MarkUsedAsync(unitOfWork, userId, step, now, confirm: false, cancellationToken);
        return true;
    }
}
