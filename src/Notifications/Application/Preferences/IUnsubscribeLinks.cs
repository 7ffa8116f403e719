using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Preferences;

/// <summary>
/// One-click unsubscribe links: they name the user and the list and are signed, so a link works
/// without signing in and cannot be made for anyone else.
/// </summary>
public interface IUnsubscribeLinks
{
    /// <summary>The absolute link that switches <paramref name="list"/> off for <paramref name="userId"/>.</summary>
    Task<string> CreateAsync(Guid userId, EmailList list, CancellationToken cancellationToken);

    /// <summary>Whom and what a link's token stands for; null when it is not one we signed.</summary>
    Task<(Guid UserId, EmailList List)?> ReadAsync(string? token, CancellationToken cancellationToken);
}
