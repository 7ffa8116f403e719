using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Tokens;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.SignIn;

public sealed record CompleteSignInCommand(Guid ChallengeId, string Code);

/// <summary>Sign-in step two with the emailed code: the right code opens a session; wrong ones count against the challenge.</summary>
public sealed class CompleteSignIn(
    UnitOfWorkFactory unitOfWorks, SessionStarter sessions, AttemptLimiter limiter, IOptions<RateLimitOptions> limits,
    SecurityEventLog securityEvents, TimeProvider clock)
{
    public async Task<Result<SignedInSession>> ExecuteAsync(CompleteSignInCommand command, Client client, CancellationToken cancellationToken)
    {
        if (await limiter.HitAsync(RateLimitBuckets.CodeEntry(client), limits.Value.CodeEntryPerAddress, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, null, detail: "code entry", cancellationToken: cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var challenge = await SignInChallenges.LockAsync(unitOfWork, command.ChallengeId, cancellationToken);
        if (challenge is null)
            return SignInFailures.UnknownChallenge;

        var check = challenge.CheckCode(command.Code, clock.GetUtcNow());
        if (check != CodeCheck.Accepted)
        {
            // The wrong try is counted even though sign-in fails: that is what limits guessing.
            await SignInChallenges.UpdateAsync(unitOfWork, challenge, cancellationToken);
            await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorFailed, client, challenge.UserId, detail: $"email code: {check}", cancellationToken: cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return SignInFailures.For(check, challenge);
        }

        var user = await UserAccounts.FindByIdAsync(unitOfWork, challenge.UserId, cancellationToken)
            ?? throw new InvalidOperationException($"Challenge {challenge.Id} names user {challenge.UserId}, who does not exist.");
        await SignInChallenges.UpdateAsync(unitOfWork, challenge, cancellationToken);
        var session = await sessions.StartAsync(unitOfWork, user.Summary, client, cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SignedIn, client, user.Id, session.SessionId, "email code", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return session;
    }
}
