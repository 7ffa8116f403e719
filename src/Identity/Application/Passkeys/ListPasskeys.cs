namespace ChatApp.Identity.Application.Passkeys;

public sealed record PasskeyView(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>My passkeys, newest first.</summary>
public sealed class ListPasskeys(IPasskeys passkeys)
{
    public Task<IReadOnlyList<PasskeyView>> ExecuteAsync(Guid userId, CancellationToken cancellationToken) => passkeys.ListAsync(userId, cancellationToken);
}
