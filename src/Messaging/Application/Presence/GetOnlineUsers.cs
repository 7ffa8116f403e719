using ChatApp.Messaging.Application.Users;

namespace ChatApp.Messaging.Application.Presence;

/// <summary>Everyone online now, with their names: the seed's "who is online" list.</summary>
public sealed class GetOnlineUsers(IPresenceStore store, IUserDirectory directory)
{
    public async Task<IReadOnlyList<PresenceView>> ExecuteAsync(CancellationToken cancellationToken)
    {
        var online = await store.OnlineUsersAsync();
        var users = await directory.FindAsync(online, cancellationToken);
        return [.. online
            .Select(id => users.TryGetValue(id, out var user)
                ? new PresenceView(id, user.Username, user.DisplayName, true, null)
                : new PresenceView(id, "", "", true, null))
            .OrderBy(view => view.DisplayName, StringComparer.CurrentCultureIgnoreCase)];
    }
}
