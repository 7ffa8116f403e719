using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.Passwords;

namespace ChatApp.Identity.Application.Accounts;

public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, bool EndOtherSessions);

/// <summary>Changes my password after checking the current one, and ends my other sessions if I ask.</summary>
public sealed class ChangePassword(UnitOfWorkFactory unitOfWorks, PasswordHashing passwords, SecurityEventLog securityEvents, TimeProvider clock)
{
    public async Task<Result<int>> ExecuteAsync(Guid userId, Guid currentSessionId, ChangePasswordCommand command, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await UserAccounts.FindByIdAsync(unitOfWork, userId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        if (passwords.Verify(user.PasswordHash, command.CurrentPassword) == PasswordCheck.Wrong)
        {
            await securityEvents.RecordAsync(SecurityEventKind.SignInFailed, client, userId, currentSessionId, "wrong current password on change", cancellationToken);
            return Failure.Field(FailureKind.Invalid, "Wrong password", "currentPassword", "Your current password is not right.");
        }

        if (PasswordPolicy.Problems(command.NewPassword, user.Username, user.Email).ToArray() is { Length: > 0 } problems)
            return new Failure(FailureKind.Invalid, "Password refused") { Errors = new Dictionary<string, string[]> { ["newPassword"] = problems } };

        var now = clock.GetUtcNow();
        await unitOfWork.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @userId", new { hash = passwords.Hash(command.NewPassword), userId }, cancellationToken);
        var ended = command.EndOtherSessions
            ? (await SessionRevocation.RevokeAllAsync(unitOfWork, userId, keep: currentSessionId, SessionRevocation.PasswordChanged, now, cancellationToken)).Count
            : 0;
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.PasswordChanged, client, userId, currentSessionId, $"other sessions ended: {ended}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return ended;
    }
}
