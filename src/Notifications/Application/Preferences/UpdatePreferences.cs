using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Preferences;

/// <summary>Sets my email preferences (the request is validated before this runs).</summary>
public sealed class UpdatePreferences(UnitOfWorkFactory unitOfWorks)
{
    public async Task<Result<NotificationPreferences>> ExecuteAsync(Guid userId, NotificationPreferences preferences, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await RecipientStore.FindAsync(unitOfWork, userId, cancellationToken, forUpdate: true) is null)
            return PreferenceFailures.NotKnownYet;
        await RecipientStore.SavePreferencesAsync(unitOfWork, userId, preferences, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return preferences;
    }
}
