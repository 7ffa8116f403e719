using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Accounts;

/// <summary>Accounts, read and changed inside a unit of work.</summary>
public interface IUserAccounts
{
    /// <summary>Adds the account, unless its username or email (compared ignoring case) is another account's.</summary>
    Task<AccountCreation> AddAsync(IUnitOfWork unitOfWork, NewAccount account, CancellationToken cancellationToken);

    /// <summary>The account a sign-in names, by username or email, ignoring case.</summary>
    Task<UserAccount?> FindByLoginAsync(IUnitOfWork unitOfWork, string login, CancellationToken cancellationToken);

    /// <summary>The account, locked until the unit of work ends when <paramref name="forUpdate"/>: one change at a time per user.</summary>
    Task<UserAccount?> FindByIdAsync(IUnitOfWork unitOfWork, Guid id, CancellationToken cancellationToken, bool forUpdate = false);

    Task SetDisplayNameAsync(IUnitOfWork unitOfWork, Guid userId, DisplayName displayName, CancellationToken cancellationToken);

    Task SetPasswordHashAsync(IUnitOfWork unitOfWork, Guid userId, string passwordHash, CancellationToken cancellationToken);

    Task SetSecondFactorAsync(IUnitOfWork unitOfWork, Guid userId, SecondFactor factor, CancellationToken cancellationToken);

    /// <summary>After a factor is removed, sign-in falls back to email if that factor was the default.</summary>
    Task FallBackToEmailAsync(IUnitOfWork unitOfWork, Guid userId, SecondFactor removed, CancellationToken cancellationToken);
}

/// <summary>An account to add, its password already hashed.</summary>
public sealed record NewAccount(Guid Id, Username Username, EmailAddress Email, DisplayName DisplayName, string Language, string PasswordHash, SecondFactor SecondFactor, DateTimeOffset CreatedAt);

public enum AccountCreation
{
    Created,
    UsernameTaken,
    EmailTaken,
}
