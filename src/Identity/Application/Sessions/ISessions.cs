using ChatApp.Identity.Application.Security;

namespace ChatApp.Identity.Application.Sessions;

/// <summary>Sessions and their refresh-token families. Tokens are known only by their hash (<see cref="Tokens.RefreshToken.Hash"/>).</summary>
public interface ISessions
{
    /// <summary>Opens a session with its first refresh token.</summary>
    Task StartAsync(IUnitOfWork unitOfWork, NewSession session, CancellationToken cancellationToken);

    /// <summary>The refresh token with this hash and its session, locked until the unit of work ends.</summary>
    Task<RefreshTokenState?> LockRefreshTokenAsync(IUnitOfWork unitOfWork, byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>Marks the old token traded, issues the next one, and slides the session's expiry.</summary>
    Task RotateRefreshTokenAsync(IUnitOfWork unitOfWork, RefreshTokenRotation rotation, CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the session if it is the user's and still live; returns it, or nothing. Live sessions
    /// are locked before they are revoked, so a concurrent revocation waits and then finds them revoked.
    /// </summary>
    Task<IReadOnlyList<Guid>> RevokeAsync(IUnitOfWork unitOfWork, Guid userId, Guid sessionId, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every live session of the user, or every one but <paramref name="keep"/>; returns those it revoked.</summary>
    Task<IReadOnlyList<Guid>> RevokeAllAsync(IUnitOfWork unitOfWork, Guid userId, Guid? keep, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The user's live sessions (not revoked, not expired at <paramref name="now"/>), most recently used first.</summary>
    Task<IReadOnlyList<LiveSession>> ListLiveAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}

public sealed record NewSession(Guid Id, Guid UserId, Client Client, byte[] RefreshTokenHash, DateTimeOffset Now, DateTimeOffset ExpiresAt);

public sealed record RefreshTokenState(Guid SessionId, Guid UserId, bool Traded, DateTimeOffset SessionExpiresAt, bool SessionRevoked);

public sealed record RefreshTokenRotation(Guid SessionId, byte[] OldTokenHash, byte[] NewTokenHash, Client Client, DateTimeOffset Now, DateTimeOffset ExpiresAt);

public sealed record LiveSession(Guid Id, string UserAgent, string ClientAddress, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt);
