namespace ChatApp.Identity.Application.Passkeys;

/// <summary>A stored passkey: its credential id, public key and signature counter.</summary>
public sealed record StoredPasskey(byte[] CredentialId, Guid UserId, byte[] PublicKey, long SignCount);

/// <summary>
/// Passkeys, and the options each WebAuthn ceremony started with, kept server-side until the
/// browser answers and used once.
/// </summary>
public interface IPasskeys
{
    /// <summary>The user's passkeys, locked until the unit of work ends.</summary>
    Task<IReadOnlyList<StoredPasskey>> OfUserAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken);

    /// <summary>Whether no account has a passkey with this credential id.</summary>
    Task<bool> IsUnusedAsync(IUnitOfWork unitOfWork, byte[] credentialId, CancellationToken cancellationToken);

    Task AddAsync(IUnitOfWork unitOfWork, Guid userId, NewPasskey passkey, string name, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkUsedAsync(IUnitOfWork unitOfWork, byte[] credentialId, uint signCount, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the user's passkey; false when they have none with this id.</summary>
    Task<bool> RemoveAsync(IUnitOfWork unitOfWork, Guid userId, byte[] credentialId, CancellationToken cancellationToken);

    /// <summary>The user's passkeys as they see them, newest first.</summary>
    Task<IReadOnlyList<PasskeyView>> ListAsync(Guid userId, CancellationToken cancellationToken);

    Task SaveCeremonyAsync(IUnitOfWork unitOfWork, Guid ceremonyId, Guid userId, string optionsJson, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The options of a live ceremony of this user, removed so they cannot be answered twice.</summary>
    Task<string?> TakeCeremonyAsync(IUnitOfWork unitOfWork, Guid ceremonyId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken);
}
