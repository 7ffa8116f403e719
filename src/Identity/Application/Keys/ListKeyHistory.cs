namespace ChatApp.Identity.Application.Keys;

/// <summary>
/// Every key set a user has published, newest first (the first is the current one), so that
/// old signatures can still be checked and a change noticed. A user with none (or no such
/// user) has an empty history: the answer does not tell who exists.
/// </summary>
public sealed class ListKeyHistory(IUserKeys keys)
{
    public Task<IReadOnlyList<PublicKeyView>> ExecuteAsync(Guid userId, CancellationToken cancellationToken) => keys.HistoryAsync(userId, cancellationToken);
}
