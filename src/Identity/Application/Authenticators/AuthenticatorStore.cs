using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Authenticators;

/// <summary>A user's authenticator app as stored: its secret, whether enrolment was confirmed, the last time step used.</summary>
public sealed record Authenticator(Guid UserId, byte[] Secret, bool Confirmed, long LastUsedStep);

/// <summary>Reading and writing authenticator apps and recovery codes inside a unit of work.</summary>
public static class AuthenticatorStore
{
    /// <summary>The user's authenticator, its secret opened (a row from before secrets were sealed is still in clear).</summary>
    public static async Task<Authenticator?> LockAsync(UnitOfWork unitOfWork, Guid userId, IAuthenticatorSecrets secrets, CancellationToken cancellationToken)
    {
        var row = await unitOfWork.QuerySingleOrDefaultAsync<AuthenticatorRow>(
            "SELECT secret, is_protected, confirmed_at, last_used_step FROM authenticators WHERE user_id = @userId FOR UPDATE", new { userId }, cancellationToken);
        return row is null ? null : new Authenticator(userId, row.IsProtected ? secrets.Open(row.Secret) : row.Secret, row.ConfirmedAt is not null, row.LastUsedStep);
    }

    /// <summary>Stores a new, unconfirmed authenticator with its secret sealed, replacing an unconfirmed one.</summary>
    public static Task ReplaceUnconfirmedAsync(UnitOfWork unitOfWork, Guid userId, byte[] secret, IAuthenticatorSecrets secrets, DateTimeOffset now, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync("""
            REPLACE INTO authenticators (user_id, secret, is_protected, created_at, confirmed_at, last_used_step) VALUES (@userId, @secret, TRUE, @now, NULL, 0)
            """, new { userId, secret = secrets.Seal(secret), now = now.UtcDateTime }, cancellationToken);

    public static Task MarkUsedAsync(UnitOfWork unitOfWork, Guid userId, long step, DateTimeOffset now, bool confirm, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync(
            $"UPDATE authenticators SET last_used_step = @step{(confirm ? ", confirmed_at = @now" : "")} WHERE user_id = @userId",
            new { userId, step, now = now.UtcDateTime }, cancellationToken);

    /// <summary>Spends one recovery code; false when it is not one of the user's unused codes.</summary>
    public static async Task<bool> UseRecoveryCodeAsync(UnitOfWork unitOfWork, Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken) =>
        await unitOfWork.ExecuteAsync(
            "UPDATE recovery_codes SET used_at = @now WHERE user_id = @userId AND code_hash = @hash AND used_at IS NULL",
            new { userId, hash = RecoveryCodes.Hash(userId, code), now = now.UtcDateTime }, cancellationToken) == 1;

    /// <summary>Replaces the user's recovery codes with a new set and returns them in clear, to be shown once.</summary>
    public static async Task<IReadOnlyList<string>> ReplaceRecoveryCodesAsync(UnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken)
    {
        var codes = RecoveryCodes.New();
        await unitOfWork.ExecuteAsync("DELETE FROM recovery_codes WHERE user_id = @userId", new { userId }, cancellationToken);
        await unitOfWork.ExecuteAsync("INSERT INTO recovery_codes (user_id, code_hash) VALUES (@userId, @hash)",
            codes.Select(code => new { userId, hash = RecoveryCodes.Hash(userId, code) }).ToList(), cancellationToken);
        return codes;
    }

    /// <summary>After a factor is removed, sign-in falls back to email if that factor was the default.</summary>
    public static Task FallBackToEmailAsync(UnitOfWork unitOfWork, Guid userId, SecondFactor removed, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync("UPDATE users SET second_factor = @email WHERE id = @userId AND second_factor = @removed",
            new { userId, email = nameof(SecondFactor.Email), removed = removed.ToString() }, cancellationToken);

    public static Task SetSecondFactorAsync(UnitOfWork unitOfWork, Guid userId, SecondFactor factor, CancellationToken cancellationToken) =>
        unitOfWork.ExecuteAsync("UPDATE users SET second_factor = @factor WHERE id = @userId", new { userId, factor = factor.ToString() }, cancellationToken);

    private sealed record AuthenticatorRow(byte[] Secret, bool IsProtected, DateTime? ConfirmedAt, long LastUsedStep);
}
