using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Domain;
using MySqlConnector;

namespace ChatApp.Identity.Infrastructure.Persistence;

/// <summary>Accounts in the users table.</summary>
internal sealed class MySqlUserAccounts : IUserAccounts
{
    private const string Columns = """
        id, username, email, display_name, language, password_hash, second_factor, created_at,
        EXISTS (SELECT 1 FROM authenticators a WHERE a.user_id = users.id AND a.confirmed_at IS NOT NULL) AS has_authenticator,
        EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = users.id) AS has_passkey
        """;

    public async Task<AccountCreation> AddAsync(IUnitOfWork unitOfWork, NewAccount account, CancellationToken cancellationToken)
    {
        try
        {
            await UnitOfWork.Of(unitOfWork).ExecuteAsync("""
                INSERT INTO users (id, username, username_normalized, email, email_normalized, display_name, language, password_hash, second_factor, created_at)
                VALUES (@userId, @username, @usernameNormalized, @email, @emailNormalized, @displayName, @language, @passwordHash, @secondFactor, @now)
                """,
                new
                {
                    userId = account.Id,
                    username = account.Username.Value,
                    usernameNormalized = account.Username.Normalized,
                    email = account.Email.Value,
                    emailNormalized = account.Email.Normalized,
                    displayName = account.DisplayName.Value,
                    language = account.Language,
                    passwordHash = account.PasswordHash,
                    secondFactor = account.SecondFactor.ToString(),
                    now = account.CreatedAt.UtcDateTime,
                }, cancellationToken);
            return AccountCreation.Created;
        }
        catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return exception.Message.Contains("ux_users_username", StringComparison.Ordinal) ? AccountCreation.UsernameTaken : AccountCreation.EmailTaken;
        }
    }

    public Task<UserAccount?> FindByLoginAsync(IUnitOfWork unitOfWork, string login, CancellationToken cancellationToken)
    {
        var trimmed = login.Trim();
        return FindAsync(unitOfWork, $"SELECT {Columns} FROM users WHERE username_normalized = @username OR email_normalized = @email",
            // A login that cannot be a username (say, with non-ASCII letters) is only compared as an email.
            new { username = Username.IsValid(trimmed) ? trimmed.ToUpperInvariant() : null, email = trimmed.ToLowerInvariant() }, cancellationToken);
    }

    public Task<UserAccount?> FindByIdAsync(IUnitOfWork unitOfWork, Guid id, CancellationToken cancellationToken, bool forUpdate = false) =>
        FindAsync(unitOfWork, $"SELECT {Columns} FROM users WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", new { id }, cancellationToken);

    public Task SetDisplayNameAsync(IUnitOfWork unitOfWork, Guid userId, DisplayName displayName, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("UPDATE users SET display_name = @name WHERE id = @userId", new { name = displayName.Value, userId }, cancellationToken);

    public Task SetPasswordHashAsync(IUnitOfWork unitOfWork, Guid userId, string passwordHash, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @userId", new { hash = passwordHash, userId }, cancellationToken);

    public Task SetSecondFactorAsync(IUnitOfWork unitOfWork, Guid userId, SecondFactor factor, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("UPDATE users SET second_factor = @factor WHERE id = @userId", new { userId, factor = factor.ToString() }, cancellationToken);

    public Task FallBackToEmailAsync(IUnitOfWork unitOfWork, Guid userId, SecondFactor removed, CancellationToken cancellationToken) =>
        UnitOfWork.Of(unitOfWork).ExecuteAsync("UPDATE users SET second_factor = @email WHERE id = @userId AND second_factor = @removed",
            new { userId, email = nameof(SecondFactor.Email), removed = removed.ToString() }, cancellationToken);

    private static async Task<UserAccount?> FindAsync(IUnitOfWork unitOfWork, string sql, object parameters, CancellationToken cancellationToken)
    {
        var row = await UnitOfWork.Of(unitOfWork).QuerySingleOrDefaultAsync<UserRow>(sql, parameters, cancellationToken);
        return row is null
            ? null
            : new UserAccount(row.Id, row.Username, row.Email, row.DisplayName, row.Language, row.PasswordHash,
                Enum.Parse<SecondFactor>(row.SecondFactor, ignoreCase: true), row.HasAuthenticator != 0, row.HasPasskey != 0, new DateTimeOffset(row.CreatedAt, TimeSpan.Zero));
    }

    private sealed record UserRow(Guid Id, string Username, string Email, string DisplayName, string Language, string PasswordHash, string SecondFactor, DateTime CreatedAt, int HasAuthenticator, int HasPasskey);
}
