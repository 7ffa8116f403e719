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
            : new UserAccount(row.id, row.username, row.email, row.display_name, row.language, row.password_hash,
                Enum.Parse<SecondFactor>(row.second_factor, ignoreCase: true), row.has_authenticator != 0, row.has_passkey != 0, new DateTimeOffset(row.created_at, TimeSpan.Zero));
    }

#pragma warning disable IDE1006, CA1812 // Dapper maps the snake_case columns onto these names.
    private sealed record UserRow(Guid id, string username, string email, string display_name, string language, string password_hash, string second_factor, DateTime created_at, int has_authenticator, int has_passkey);
#pragma warning restore IDE1006, CA1812
}
