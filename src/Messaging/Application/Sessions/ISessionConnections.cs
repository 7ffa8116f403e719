namespace ChatApp.Messaging.Application.Sessions;

/// <summary>The hub connections opened with an access token of a given session, on every replica.</summary>
public interface ISessionConnections
{
    /// <summary>
    /// Tells every connection of these sessions that its session ended, then closes it. Called
    /// after the ended sessions are recorded; a connection this misses (Redis away) lasts until its
    /// token expires, and cannot be opened again.
    /// </summary>
    Task EndAsync(IReadOnlyCollection<Guid> sessionIds, CancellationToken cancellationToken);
}
