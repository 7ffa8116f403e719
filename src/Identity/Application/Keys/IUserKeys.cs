using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// Users' published key sets and encrypted key backups. Key sets are never deleted: a replaced one
/// stays, to check old signatures with.
/// </summary>
public interface IUserKeys
{
    /// <summary>The user's current key set, read inside the unit of work.</summary>
    Task<PublicKeyView?> FindCurrentAsync(IUnitOfWork unitOfWork, Guid userId, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="keys"/> the user's current set (published at <paramref name="now"/>), marking the one it replaces.</summary>
    Task PublishAsync(IUnitOfWork unitOfWork, Guid userId, PublicKeySet keys, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Whether the user ever published a key set with this id.</summary>
    Task<bool> IsPublishedAsync(IUnitOfWork unitOfWork, Guid userId, string keyId, CancellationToken cancellationToken);

    /// <summary>Every key set the user has published, newest first.</summary>
    Task<IReadOnlyList<PublicKeyView>> HistoryAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The current key sets of those of the users that have one.</summary>
    Task<IReadOnlyList<PublicKeyView>> CurrentOfAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);

    /// <summary>Stores the user's backup, replacing theirs.</summary>
    Task SaveBackupAsync(IUnitOfWork unitOfWork, Guid userId, KeyBackup backup, DateTimeOffset now, CancellationToken cancellationToken);

    Task<KeyBackupView?> FindBackupAsync(Guid userId, CancellationToken cancellationToken);
}
