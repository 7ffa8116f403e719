using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.Passwords;
using ChatApp.Identity.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.SignIn;

public sealed record StartSignInCommand(string Login, string Password);

/// <summary>What the client needs for step two.</summary>
public sealed record SignInChallengeIssued(Guid ChallengeId, SecondFactor SecondFactor, IReadOnlyList<SecondFactor> AvailableFactors, string? CodeSentTo, DateTimeOffset ExpiresAt);

/// <summary>
/// Sign-in step one: the password. An unknown login and a wrong password get the same
/// answer after the same work (a full hash check against a decoy), so neither the answer nor
/// its timing tells whether an account exists.
/// </summary>
public sealed class StartSignIn(
    UnitOfWorkFactory unitOfWorks, PasswordHashing passwords, SignInCodeMailer codeMailer, AttemptLimiter limiter,
    IOptions<RateLimitOptions> limits, SecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure WrongCredentials = new(FailureKind.Unauthenticated, "Sign-in failed", "The username, email or password is wrong.");

    public async Task<Result<SignInChallengeIssued>> ExecuteAsync(StartSignInCommand command, Client client, CancellationToken cancellationToken)
    {
        var retryAfter = await limiter.HitAsync(RateLimitBuckets.SignInByAddress(client), limits.Value.SignInPerAddress, cancellationToken)
            ?? await limiter.HitAsync(RateLimitBuckets.SignInByAccount(command.Login), limits.Value.SignInPerAccount, cancellationToken);
        if (retryAfter is { } wait)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, null, detail: "sign-in", cancellationToken: cancellationToken);
            return Failure.TooMany(wait);
        }

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await UserAccounts.FindByLoginAsync(unitOfWork, command.Login, cancellationToken);
        if (user is null)
        {
            passwords.VerifyDecoy(command.Password);
            await securityEvents.RecordAsync(SecurityEventKind.SignInFailed, client, null, detail: "unknown login", cancellationToken: cancellationToken);
            return WrongCredentials;
        }

        var check = passwords.Verify(user.PasswordHash, command.Password);
        if (check == PasswordCheck.Wrong)
        {
            await securityEvents.RecordAsync(SecurityEventKind.SignInFailed, client, user.Id, detail: "wrong password", cancellationToken: cancellationToken);
            return WrongCredentials;
        }

        if (check == PasswordCheck.RightButRehash)
            await unitOfWork.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", new { hash = passwords.Hash(command.Password), id = user.Id }, cancellationToken);

        var challenge = new SignInChallenge(Guid.NewGuid(), user.Id, clock.GetUtcNow());
        var factors = SecondFactors.Available(user);
        string? codeSentTo = null;
        if (user.SecondFactor == SecondFactor.Email)
        {
            await codeMailer.SendAsync(unitOfWork, challenge, user, client, cancellationToken);
            codeSentTo = MaskedEmail(user.Email);
        }

        await SignInChallenges.InsertAsync(unitOfWork, challenge, client, cancellationToken);
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
