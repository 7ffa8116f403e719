using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>Sign-in challenges in the sign_in_challenges table.</summary>
internal sealed class MySqlSignInChallenges : ISignInChallenges
{
    public Task AddAsync(IUnitOfWork unitOfWork, SignInChallenge challenge, Client client, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            INSERT INTO sign_in_challenges (id, user_id, code_hash, code_expires_at, code_sent_at, failed_attempts, expires_at, completed_at, client_address, user_agent, created_at)
            VALUES (@Id, @UserId, @CodeHash, @codeExpiresAt, @codeSentAt, @FailedAttempts, @expiresAt, NULL, @address, @userAgent, @createdAt)
            """,
            new
            {
                challenge.Id,
                challenge.UserId,
                challenge.CodeHash,
                codeExpiresAt = challenge.CodeExpiresAt?.UtcDateTime,
                codeSentAt = challenge.CodeSentAt?.UtcDateTime,
                challenge.FailedAttempts,
                expiresAt = challenge.ExpiresAt.UtcDateTime,
                address = client.Address,
                userAgent = client.UserAgent,
                createdAt = challenge.CreatedAt.UtcDateTime,
            }, cancellationToken);

    public async Task<SignInChallenge?> LockAsync(IUnitOfWork unitOfWork, Guid id, CancellationToken cancellationToken)
    {
        var row = await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<ChallengeRow>(
            "SELECT id, user_id, created_at, expires_at, code_hash, code_expires_at, code_sent_at, failed_attempts, completed_at FROM sign_in_challenges WHERE id = @id FOR UPDATE",
            new { id }, cancellationToken);
        return row is null
            ? null
            : SignInChallenge.Restore(row.Id, row.UserId, Utc(row.CreatedAt), Utc(row.ExpiresAt), row.CodeHash,
                UtcOrNull(row.CodeExpiresAt), UtcOrNull(row.CodeSentAt), row.FailedAttempts, UtcOrNull(row.CompletedAt));
    }

    public Task UpdateAsync(IUnitOfWork unitOfWork, SignInChallenge challenge, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE sign_in_challenges
            SET code_hash = @CodeHash, code_expires_at = @codeExpiresAt, code_sent_at = @codeSentAt,
                failed_attempts = @FailedAttempts, completed_at = @completedAt
            WHERE id = @Id
            """,
            new
            {
                challenge.Id,
                challenge.CodeHash,
                codeExpiresAt = challenge.CodeExpiresAt?.UtcDateTime,
                codeSentAt = challenge.CodeSentAt?.UtcDateTime,
                challenge.FailedAttempts,
                completedAt = challenge.CompletedAt?.UtcDateTime,
            }, cancellationToken);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? UtcOrNull(DateTime? value) => value is { } v ? Utc(v) : null;

    private sealed record ChallengeRow(
        Guid Id, Guid UserId, DateTime CreatedAt, DateTime ExpiresAt, byte[]? CodeHash, DateTime? CodeExpiresAt,
        DateTime? CodeSentAt, int FailedAttempts, DateTime? CompletedAt);
}
