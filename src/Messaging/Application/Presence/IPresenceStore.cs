namespace ChatApp.Messaging.Application.Presence;

/// <summary>
/// Who is connected, shared by every replica: a user is online while any of their connections
/// is alive. A connection lives until it is removed or its replica stops renewing it.
/// </summary>
public interface IPresenceStore
{
    /// <summary>
    /// Records a connection unless the user already holds as many live ones as allowed; says
    /// whether it is their first (they came online), another, or one too many (not recorded).
    /// </summary>
    Task<ConnectionAdmission> AddConnectionAsync(Guid userId, string connectionId);

    /// <summary>Removes a connection; true when it was the user's last (they went offline).</summary>
    Task<bool> RemoveConnectionAsync(Guid userId, string connectionId);

    /// <summary>Renews this replica's connections; returns the users among them that the store had lost (after an outage of the store).</summary>
    Task<IReadOnlyList<Guid>> RenewAsync(IReadOnlyCollection<(Guid UserId, string ConnectionId)> connections);

    /// <summary>Forgets connections no replica renewed in time (a replica that died); returns the users who are offline now.</summary>
    Task<IReadOnlyList<Guid>> ExpireAsync();

    Task<IReadOnlyList<Guid>> OnlineUsersAsync();

    Task<IReadOnlySet<Guid>> WhichAreOnlineAsync(IReadOnlyCollection<Guid> userIds);
}
