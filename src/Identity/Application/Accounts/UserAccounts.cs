using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Accounts;

/// <summary>Reading accounts inside a unit of work.</summary>
public static class UserAccounts
{
    private const string Columns = """
        id, username, email, display_name, language, password_hash, second_factor, created_at,
        EXISTS (SELECT 1 FROM authenticators a WHERE a.user_id = users.id AND a.confirmed_at IS NOT NULL) AS has_authenticator,
        EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = users.id) AS has_passkey
        """;

    /// <summary>The account a sign-in names, by username or email, ignoring case.</summary>
    public static Task<UserAccount?> FindByLoginAsync(UnitOfWork unitOfWork, string login, CancellationToken cancellationToken)
    {
        var trimmed = login.Trim();
        return FindAsync(unitOfWork, $"SELECT {Columns} FROM users WHERE username_normalized = @username OR email_normalized = @email",
            // A login that cannot be a username (say, with non-ASCII letters) is only compared as an email.
            new { username = Username.IsValid(trimmed) ? trimmed.ToUpperInvariant() : null, email = trimmed.ToLowerInvariant() }, cancellationToken);
    }

    public static Task<UserAccount?> FindByIdAsync(UnitOfWork unitOfWork, Guid id, CancellationToken cancellationToken, bool forUpdate = false) =>
        FindAsync(unitOfWork, $"SELECT {Columns} FROM users WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", new { id }, cancellationToken);

    private static async Task<UserAccount?> FindAsync(UnitOfWork unitOfWork, string sql, object parameters, CancellationToken cancellationToken)
    {
        var row = await unitOfWork.QuerySingleOrDefaultAsync<UserRow>(sql, parameters, cancellationToken);
        return row is null
            ? null
            : new UserAccount(row.Id, row.Username, row.Email, row.DisplayName, row.Language, row.PasswordHash,
                Enum.Parse<SecondFactor>(row.SecondFactor, ignoreCase: true), row.HasAuthenticator != 0, row.HasPasskey != 0, new DateTimeOffset(row.CreatedAt, TimeSpan.Zero));
    }

    private sealed record UserRow(Guid Id, string Username, string Email, string DisplayName, string Language, string PasswordHash, string SecondFactor, DateTime CreatedAt, int HasAuthenticator, int HasPasskey);
}
