namespace ChatApp.Identity.Application.Authenticators;

/// <summary>A user's authenticator app as stored: its secret, whether enrolment was confirmed, the last time step used.</summary>
public sealed record Authenticator(Guid UserId, byte[] Secret, bool Confirmed, long LastUsedStep);

/// <summary>Authenticator apps and recovery codes, inside a unit of work. Secrets are kept sealed; the store opens them.</summary>
public interface IAuthenticators
{
    /// <summary>The user's authenticator with its secret opened, locked until the unit of work ends.</summary>
    Task<Authenticator?> LockAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken);

    /// <summary>Stores a new, unconfirmed authenticator, replacing an unconfirmed one.</summary>
    Task ReplaceUnconfirmedAsync(IUnitOfWork unitOfWork, Guid userId, byte[] secret, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Burns the time step <paramref name="timeStep"/> (so its code cannot be replayed) and, when <paramref name="confirm"/>, confirms the enrolment.</summary>
    Task MarkUsedAsync(IUnitOfWork unitOfWork, Guid userId, long timeStep, DateTimeOffset now, bool confirm, CancellationToken cancellationToken);

    /// <summary>Removes the authenticator and its recovery codes; false when the user had none.</summary>
    Task<bool> RemoveAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken);

    /// <summary>Spends one recovery code; false when it is not one of the user's unused codes.</summary>
    Task<bool> UseRecoveryCodeAsync(IUnitOfWork unitOfWork, Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces the user's recovery codes with <paramref name="codes"/> (kept as hashes only).</summary>
    Task ReplaceRecoveryCodesAsync(IUnitOfWork unitOfWork, Guid userId, IReadOnlyList<string> codes, CancellationToken cancellationToken);
}
