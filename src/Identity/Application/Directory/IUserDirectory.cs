namespace ChatApp.Identity.Application.Directory;

/// <summary>What anyone signed in may look up about users.</summary>
public interface IUserDirectory
{
    /// <summary>Users whose username or display name starts with <paramref name="prefix"/>, by username, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<UserProfile>> SearchAsync(string prefix, int limit, CancellationToken cancellationToken);

    /// <summary>The profiles of the users among <paramref name="ids"/> that exist.</summary>
    Task<IReadOnlyList<UserProfile>> GetProfilesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
