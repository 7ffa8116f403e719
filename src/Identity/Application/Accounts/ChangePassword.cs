using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Accounts;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, bool EndOtherSessions);

/// <summary>Changes my password after checking the current one, and ends my other sessions if I ask.</summary>
public sealed class ChangePassword(IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, IPasswordHasher passwords, SessionRevocation sessions, ISecurityEventLog securityEvents, TimeProvider clock)
{
    public async Task<Result<int>> ExecuteAsync(Guid userId, Guid currentSessionId, ChangePasswordCommand command, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        if (passwords.Verify(user.PasswordHash, command.CurrentPassword) == PasswordCheck.Wrong)
        {
            await securityEvents.RecordAsync(SecurityEventKind.SignInFailed, client, userId, currentSessionId, "wrong current password on change", cancellationToken);
            return Failure.Field(FailureKind.Invalid, "Wrong password", "currentPassword", "Your current password is not right.");
        }

        if (PasswordPolicy.Problems(command.NewPassword, user.Username, user.Email).ToArray() is { Length: > 0 } problems)
            return new Failure(FailureKind.Invalid, "Password refused") { Errors = new Dictionary<string, string[]> { ["newPassword"] = problems } };

        var now = clock.GetUtcNow();
        await accounts.SetPasswordHashAsync(unitOfWork, userId, passwords.Hash(command.NewPassword), cancellationToken);
        var ended = command.EndOtherSessions
            ? (await sessions.RevokeAllAsync(unitOfWork, userId, keep: currentSessionId, SessionRevocation.PasswordChanged, now, cancellationToken)).Count
            : 0;
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.PasswordChanged, client, userId, currentSessionId, $"other sessions ended: {ended}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return ended;
    }
}
