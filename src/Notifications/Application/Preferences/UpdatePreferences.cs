using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Preferences;

/// <summary>Sets my email preferences (the request is validated before this runs).</summary>
public sealed class UpdatePreferences(IUnitOfWorkFactory unitOfWorks, IRecipients recipients)
{
    public async Task<Result<NotificationPreferences>> ExecuteAsync(Guid userId, NotificationPreferences preferences, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await recipients.FindAsync(unitOfWork, userId, cancellationToken, forUpdate: true) is null)
            return PreferenceFailures.NotKnownYet;
        await recipients.SavePreferencesAsync(unitOfWork, userId, preferences, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return preferences;
    }
}
