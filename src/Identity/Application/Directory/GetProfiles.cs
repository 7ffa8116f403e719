namespace ChatApp.Identity.Application.Directory;

/// <summary>Profiles for a batch of user ids; ids that name nobody are left out.</summary>
public sealed class GetProfiles(IUserDirectory directory)
{
    public const int MaxBatch = 100;

    public async Task<IReadOnlyList<UserProfile>> ExecuteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await directory.GetProfilesAsync([.. ids.Distinct()], cancellationToken);
}
