namespace ChatApp.Identity.Application.Directory;

/// <summary>Users whose username or display name starts with what was typed, for starting a chat.</summary>
public sealed class SearchUsers(IUserDirectory directory)
{
    public const int MaxResults = 50;

    public Task<IReadOnlyList<UserProfile>> ExecuteAsync(string prefix, int limit, CancellationToken cancellationToken) =>
        directory.SearchAsync(prefix.Trim(), Math.Clamp(limit, 1, MaxResults), cancellationToken);
}
