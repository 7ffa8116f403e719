using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.SignIn;

public sealed record CodeResent(DateTimeOffset CodeExpiresAt, DateTimeOffset NextResendAt);

/// <summary>Sends a new email code for an open challenge (also how a user whose default is the authenticator app asks for email instead).</summary>
public sealed class ResendSignInCode(
    IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, ISignInChallenges challenges, SignInCodeMailer codeMailer, IAttemptLimiter limiter,
    IOptions<RateLimitOptions> limits, ISecurityEventLog securityEvents, TimeProvider clock)
{
    public async Task<Result<CodeResent>> ExecuteAsync(Guid challengeId, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var challenge = await challenges.LockAsync(unitOfWork, challengeId, cancellationToken);
        if (challenge is null)
            return SignInFailures.UnknownChallenge;
        var now = clock.GetUtcNow();
        if (challenge.CompletedAt is not null)
            return SignInFailures.AlreadyUsed;
        if (!challenge.IsOpen(now))
            return SignInFailures.ChallengeOver;
        if (challenge.NextCodeAllowedAt(now) is { } allowedAt)
            return Failure.TooMany(allowedAt - now) with { Title = "Code sent moments ago", Detail = "A new code can be sent once a minute." };
        if (await limiter.HitAsync(RateLimitBuckets.Resend(challenge.UserId), limits.Value.ResendPerAccount, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, challenge.UserId, detail: "resend", cancellationToken: cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        var user = await accounts.FindByIdAsync(unitOfWork, challenge.UserId, cancellationToken)
            ?? throw new InvalidOperationException($"Challenge {challenge.Id} names user {challenge.UserId}, who does not exist.");
        await codeMailer.SendAsync(unitOfWork, challenge, user, client, cancellationToken);
        await challenges.UpdateAsync(unitOfWork, challenge, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new CodeResent(challenge.CodeExpiresAt!.Value, challenge.CodeSentAt!.Value + Domain.SignInChallenge.ResendInterval);
    }
}
