using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Authenticators;

public sealed record AuthenticatorConfirmed(IReadOnlyList<string> RecoveryCodes, int OtherSessionsEnded);

/// <summary>
/// Finishes setting up the authenticator app with its first code: from now on it is the default
/// second factor, and the user gets ten recovery codes, shown this once.
/// </summary>
public sealed class ConfirmAuthenticator(
    IUnitOfWorkFactory unitOfWorks, IAuthenticators authenticators, IUserAccounts accounts, SessionRevocation sessions, ISecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure NothingToConfirm =
        new(FailureKind.Conflict, "No authenticator being set up", "Start setting up the authenticator app first.");

    public async Task<Result<AuthenticatorConfirmed>> ExecuteAsync(Guid userId, Guid currentSessionId, string code, bool endOtherSessions, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await authenticators.LockAsync(unitOfWork, userId, cancellationToken) is not { Confirmed: false } pending)
            return NothingToConfirm;
        if (AuthenticatorCode.Verify(pending.Secret, code, pending.LastUsedStep, now.UtcDateTime) is not { } step)
            return Failure.Field(FailureKind.Invalid, "Wrong code", "code", "That is not the code your app shows now; check the app's clock and try again.");

        await authenticators.MarkUsedAsync(unitOfWork, userId, step, now, confirm: true, cancellationToken);
        await accounts.SetSecondFactorAsync(unitOfWork, userId, SecondFactor.Authenticator, cancellationToken);
        var recoveryCodes = RecoveryCodes.New();
        await authenticators.ReplaceRecoveryCodesAsync(unitOfWork, userId, recoveryCodes, cancellationToken);
        var ended = endOtherSessions
            ? (await sessions.RevokeAllAsync(unitOfWork, userId, keep: currentSessionId, SessionRevocation.SecondFactorChanged, now, cancellationToken)).Count
            : 0;
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, $"authenticator added; other sessions ended: {ended}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new AuthenticatorConfirmed(recoveryCodes, ended);
    }
}
