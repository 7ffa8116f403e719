using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Authenticators;

/// <summary>Removes the authenticator app and its recovery codes after checking the password; email codes take over.</summary>
public sealed class RemoveAuthenticator(
    IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, IAuthenticators authenticators, IPasswordHasher passwords, SessionRevocation sessions,
    ISecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure NoneEnrolled = new(FailureKind.NotFound, "No authenticator", "No authenticator app is set up.");

    public async Task<Result<int>> ExecuteAsync(Guid userId, Guid currentSessionId, string password, bool endOtherSessions, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        if (passwords.Verify(user.PasswordHash, password) == PasswordCheck.Wrong)
            return Failure.Field(FailureKind.Invalid, "Wrong password", "password", "Your password is not right.");
        if (!await authenticators.RemoveAsync(unitOfWork, userId, cancellationToken))
            return NoneEnrolled;

        await accounts.FallBackToEmailAsync(unitOfWork, userId, SecondFactor.Authenticator, cancellationToken);
        var ended = endOtherSessions
            ? (await sessions.RevokeAllAsync(unitOfWork, userId, keep: currentSessionId, SessionRevocation.SecondFactorChanged, now, cancellationToken)).Count
            : 0;
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, $"authenticator removed; other sessions ended: {ended}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return ended;
    }
}
