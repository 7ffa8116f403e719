using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Authenticators;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.Secrets;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>Authenticators (secrets sealed with <see cref="ProtectedAuthenticatorSecrets"/>) and recovery codes (hashes only).</summary>
internal sealed class MySqlAuthenticators(ProtectedAuthenticatorSecrets secrets) : IAuthenticators
{
    public async Task<Authenticator?> LockAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken)
    {
        var row = await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<AuthenticatorRow>(
            "SELECT secret, is_protected, confirmed_at, last_used_step FROM authenticators WHERE user_id = @userId FOR UPDATE", new { userId }, cancellationToken);
        // A row from before secrets were sealed is still in clear.
        return row is null ? null : new Authenticator(userId, row.IsProtected ? secrets.Open(row.Secret) : row.Secret, row.ConfirmedAt is not null, row.LastUsedStep);
    }

    public Task ReplaceUnconfirmedAsync(IUnitOfWork unitOfWork, Guid userId, byte[] secret, DateTimeOffset now, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            REPLACE INTO authenticators (user_id, secret, is_protected, created_at, confirmed_at, last_used_step) VALUES (@userId, @secret, TRUE, @now, NULL, 0)
            """, new { userId, secret = secrets.Seal(secret), now = now.UtcDateTime }, cancellationToken);

    public Task MarkUsedAsync(IUnitOfWork unitOfWork, Guid userId, long timeStep, DateTimeOffset now, bool confirm, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync(
            $"UPDATE authenticators SET last_used_step = @step{(confirm ? ", confirmed_at = @now" : "")} WHERE user_id = @userId",
            new { userId, step = timeStep, now = now.UtcDateTime }, cancellationToken);

    public async Task<bool> RemoveAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        if (await transaction.ExecuteAsync("DELETE FROM authenticators WHERE user_id = @userId", new { userId }, cancellationToken) == 0)
            return false;
        await transaction.ExecuteAsync("DELETE FROM recovery_codes WHERE user_id = @userId", new { userId }, cancellationToken);
        return true;
    }

    public async Task<bool> UseRecoveryCodeAsync(IUnitOfWork unitOfWork, Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken) =>
        await UnitOfWork.Of(unitOfWork).ExecuteAsync(
            "UPDATE recovery_codes SET used_at = @now WHERE user_id = @userId AND code_hash = @hash AND used_at IS NULL",
            new { userId, hash = RecoveryCodes.Hash(userId, code), now = now.UtcDateTime }, cancellationToken) == 1;

    public async Task ReplaceRecoveryCodesAsync(IUnitOfWork unitOfWork, Guid userId, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var transaction = UnitOfWork.Of(unitOfWork);
        await transaction.ExecuteAsync("DELETE FROM recovery_codes WHERE user_id = @userId", new { userId }, cancellationToken);
        await transaction.ExecuteAsync("INSERT INTO recovery_codes (user_id, code_hash) VALUES (@userId, @hash)",
            codes.Select(code => new { userId, hash = RecoveryCodes.Hash(userId, code) }).ToList(), cancellationToken);
    }

    private sealed record AuthenticatorRow(byte[] Secret, bool IsProtected, DateTime? ConfirmedAt, long LastUsedStep);
}
