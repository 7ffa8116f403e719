using ChatApp.Contracts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Accounts;

public sealed record RegisterAccountCommand(string Username, string Email, string DisplayName, string Password, string Language);

/// <summary>Creates an account with email as its second factor and announces it (<see cref="UserRegistered"/>).</summary>
public sealed class RegisterAccount(
    IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, IPasswordHasher passwords, IAttemptLimiter limiter, IOptions<RateLimitOptions> limits,
    ISecurityEventLog securityEvents, TimeProvider clock)
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
        var added = await accounts.AddAsync(unitOfWork,
            new NewAccount(userId, username, email, displayName, command.Language, passwordHash, SecondFactor.Email, now), cancellationToken);
        if (added == AccountCreation.UsernameTaken)
            return Failure.Field(FailureKind.Conflict, "Username taken", "username", "This username is taken (names are compared ignoring case).");
        if (added == AccountCreation.EmailTaken)
            return Failure.Field(FailureKind.Conflict, "Email already registered", "email", "An account with this email address exists; sign in instead.");

        await unitOfWork.EnqueueEventAsync(new UserRegistered(userId, username.Value, displayName.Value, email.Value, command.Language, now), cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.Registered, client, userId, cancellationToken: cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return userId;
    }
}
