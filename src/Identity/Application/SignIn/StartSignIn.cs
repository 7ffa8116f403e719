using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>The login and password, and the browser's device cookie if it has one.</summary>
public sealed record StartSignInCommand(string Login, string Password, string? DeviceToken = null);

/// <summary>What the client needs for step two.</summary>
public sealed record SignInChallengeIssued(Guid ChallengeId, SecondFactor SecondFactor, IReadOnlyList<SecondFactor> AvailableFactors, string? CodeSentTo, DateTimeOffset ExpiresAt);

/// <summary>
/// Sign-in step one: the password. An unknown login and a wrong password get the same
/// answer after the same work (a full hash check against a decoy), so neither the answer nor
/// its timing tells whether an account exists.
/// Attempts are limited per address, and per account, counted before the password is checked.
/// A browser that signed in to the account before (a valid device cookie naming it) is counted
/// per cookie instead of in the account's bucket, which every unknown browser shares: guessing
/// from elsewhere locks out the unknown browsers only, never the owner's. Too many wrong passwords
/// with one device cookie revoke it.
/// </summary>
public sealed class StartSignIn(
    IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, ISignInChallenges challenges, IPasswordHasher passwords, SignInCodeMailer codeMailer,
    IAttemptLimiter limiter, IOptions<RateLimitOptions> limits, IDeviceCookies deviceCookies, ISecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure WrongCredentials = new(FailureKind.Unauthenticated, "Sign-in failed", "The username, email or password is wrong.");

    public async Task<Result<SignInChallengeIssued>> ExecuteAsync(StartSignInCommand command, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByLoginAsync(unitOfWork, command.Login, cancellationToken);
        // Read whether or not the login exists, so the work done tells nothing either.
        var presented = await deviceCookies.ReadAsync(command.DeviceToken, cancellationToken);
        var device = presented is not null && presented.UserId == user?.Id ? presented : null;

        var retryAfter = await limiter.HitAsync(RateLimitBuckets.SignInByAddress(client), limits.Value.SignInPerAddress, cancellationToken)
            ?? (device is not null
                ? await limiter.HitAsync(RateLimitBuckets.SignInByDevice(device.Nonce), limits.Value.SignInPerDevice, cancellationToken)
                : await limiter.HitAsync(user is null ? RateLimitBuckets.SignInByLogin(command.Login) : RateLimitBuckets.SignInByAccount(user.Id), limits.Value.SignInPerAccount, cancellationToken));
        if (retryAfter is { } wait)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, user?.Id, detail: device is null ? "sign-in" : "sign-in, known device", cancellationToken: cancellationToken);
            return Failure.TooMany(wait);
        }

        if (user is null)
        {
            passwords.VerifyDecoy(command.Password);
            await securityEvents.RecordAsync(SecurityEventKind.SignInFailed, client, null, detail: "unknown login", cancellationToken: cancellationToken);
            return WrongCredentials;
        }

        var check = passwords.Verify(user.PasswordHash, command.Password);
        if (check == PasswordCheck.Wrong)
        {
            await securityEvents.RecordAsync(SecurityEventKind.SignInFailed, client, user.Id, detail: device is null ? "wrong password" : "wrong password, known device", cancellationToken: cancellationToken);
            if (device is not null && await limiter.HitAsync(RateLimitBuckets.WrongPasswordsByDevice(device.Nonce), limits.Value.WrongPasswordsPerDevice, cancellationToken) is not null)
            {
                await deviceCookies.RevokeAsync(device, cancellationToken);
                await securityEvents.RecordAsync(SecurityEventKind.DeviceCookieRevoked, client, user.Id, detail: "too many wrong passwords", cancellationToken: cancellationToken);
            }

            return WrongCredentials;
        }

        if (check == PasswordCheck.RightButRehash)
            await accounts.SetPasswordHashAsync(unitOfWork, user.Id, passwords.Hash(command.Password), cancellationToken);

        var challenge = new SignInChallenge(Guid.NewGuid(), user.Id, clock.GetUtcNow());
        var factors = SecondFactors.Available(user);
        string? codeSentTo = null;
        if (user.SecondFactor == SecondFactor.Email)
        {
            await codeMailer.SendAsync(unitOfWork, challenge, user, client, cancellationToken);
            codeSentTo = MaskedEmail(user.Email);
        }

        await challenges.AddAsync(unitOfWork, challenge, client, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new SignInChallengeIssued(challenge.Id, user.SecondFactor, factors, codeSentTo, challenge.ExpiresAt);
    }

    /// <summary>Enough of the address to recognise it, not enough to learn it: a***e@example.com.</summary>
    public static string MaskedEmail(string email)
    {
        var at = email.LastIndexOf('@');
        var local = email[..at];
        return (local.Length <= 2 ? local[..1] + "*" : $"{local[0]}{new string('*', Math.Min(local.Length - 2, 5))}{local[^1]}") + email[at..];
    }
}
