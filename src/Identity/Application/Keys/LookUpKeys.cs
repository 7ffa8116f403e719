namespace ChatApp.Identity.Application.Keys;

/// <summary>The current key set of each of a batch of users, in the order asked; users without one are left out.</summary>
public sealed class LookUpKeys(IUserKeys keys)
{
    public const int MaxBatch = 256;

    public async Task<IReadOnlyList<PublicKeyView>> ExecuteAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        var byUser = (await keys.CurrentOfAsync(ids, cancellationToken)).ToDictionary(view => view.UserId);
        return [.. ids.Where(byUser.ContainsKey).Select(id => byUser[id])];
    }
}
