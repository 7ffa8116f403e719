using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Notifications.Application.Recipients;
using ChatApp.Notifications.Domain;

namespace ChatApp.Notifications.Application.Preferences;

/// <summary>My email preferences.</summary>
public sealed class GetPreferences(IUnitOfWorkFactory unitOfWorks, IRecipients recipients)
{
    public async Task<Result<NotificationPreferences>> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        return await recipients.FindAsync(unitOfWork, userId, cancellationToken) is { } recipient
            ? recipient.Preferences
            : PreferenceFailures.NotKnownYet;
    }
}
