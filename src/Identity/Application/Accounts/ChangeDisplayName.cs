using ChatApp.Contracts;
using ChatApp.Identity.Application.Directory;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Accounts;

/// <summary>Renames me for everyone, announced as <see cref="UserProfileChanged"/> so the other services update their copies.</summary>
public sealed class ChangeDisplayName(IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, TimeProvider clock)
{
    public async Task<UserProfile> ExecuteAsync(Guid userId, string displayName, CancellationToken cancellationToken)
    {
        var name = DisplayName.Parse(displayName.Trim());
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        if (user.DisplayName != name.Value)
        {
            await accounts.SetDisplayNameAsync(unitOfWork, userId, name, cancellationToken);
            await unitOfWork.EnqueueEventAsync(new UserProfileChanged(userId, user.Username, name.Value, clock.GetUtcNow()), cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
        }

        return new UserProfile(userId, user.Username, name.Value);
    }
}
