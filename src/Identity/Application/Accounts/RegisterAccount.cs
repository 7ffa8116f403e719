using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Contracts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using ChatApp.Identity.Infrastructure.Passwords;
using ChatApp.Identity.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace ChatApp.Identity.Application.Accounts;

public sealed record RegisterAccountCommand(string Username, string Email, string DisplayName, string Password, string Language);

/// <summary>Creates an account with email as its second factor and announces it (<see cref="UserRegistered"/>).</summary>
public sealed class RegisterAccount(
    UnitOfWorkFactory unitOfWorks, PasswordHashing passwords, AttemptLimiter limiter, IOptions<RateLimitOptions> limits,
    SecurityEventLog securityEvents, TimeProvider clock)
{
    public async Task<Result<Guid>> ExecuteAsync(RegisterAccountCommand command, Client client, CancellationToken cancellationToken)
    {
        if (await limiter.HitAsync(RateLimitBuckets.Register(client), limits.Value.RegisterPerAddress, cancellationToken) is { } retryAfter)
        {
            await securityEvents.RecordAsync(SecurityEventKind.RateLimited, client, null, detail: "register", cancellationToken: cancellationToken);
            return Failure.TooMany(retryAfter);
        }

        var username = Username.Parse(command.Username.Trim());
        var email = EmailAddress.Parse(command.Email.Trim());
        var displayName = DisplayName.Parse(command.DisplayName.Trim());
        var passwordHash = passwords.Hash(command.Password);
        var userId = Guid.NewGuid();
        var now = clock.GetUtcNow();

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        try
        {
            await unitOfWork.ExecuteAsync("""
                INSERT INTO users (id, username, username_normalized, email, email_normalized, display_name, language, password_hash, second_factor, created_at)
                VALUES (@userId, @username, @usernameNormalized, @email, @emailNormalized, @displayName, @language, @passwordHash, @secondFactor, @now)
                """,
                new
                {
                    userId,
                    username = username.Value,
                    usernameNormalized = username.Normalized,
                    email = email.Value,
                    emailNormalized = email.Normalized,
                    displayName = displayName.Value,
                    language = command.Language,
                    passwordHash,
                    secondFactor = nameof(SecondFactor.Email),
                    now = now.UtcDateTime,
                }, cancellationToken);
        }
        catch (MySqlException exception) when (exception.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return exception.Message.Contains("ux_users_username", StringComparison.Ordinal)
                ? Failure.Field(FailureKind.Conflict, "Username taken", "username", "This username is taken (names are compared ignoring case).")
                : Failure.Field(FailureKind.Conflict, "Email already registered", "email", "An account with this email address exists; sign in instead.");
        }

        await unitOfWork.EnqueueEventAsync(new UserRegistered(userId, username.Value, displayName.Value, email.Value, command.Language, now), cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.Registered, client, userId, cancellationToken: cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return userId;
    }
}
