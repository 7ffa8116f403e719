namespace ChatApp.Identity.Application.Sessions;

public sealed record SessionView(Guid Id, string UserAgent, string ClientAddress, DateTimeOffset CreatedAt, DateTimeOffset LastUsedAt, bool IsCurrent);

/// <summary>My live sessions (signed in, not revoked, not expired), most recently used first.</summary>
public sealed class ListSessions(ISessions sessions, TimeProvider clock)
{
    public async Task<IReadOnlyList<SessionView>> ExecuteAsync(Guid userId, Guid currentSessionId, CancellationToken cancellationToken) =>
        [.. (await sessions.ListLiveAsync(userId, clock.GetUtcNow(), cancellationToken)).Select(session =>
            new SessionView(session.Id, session.UserAgent, session.ClientAddress, session.CreatedAt, session.LastUsedAt, session.Id == currentSessionId))];
}
