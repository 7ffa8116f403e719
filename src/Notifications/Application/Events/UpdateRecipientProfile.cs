using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Recipients;

namespace ChatApp.Notifications.Application.Events;

/// <summary>Keeps a recipient's names current. Events may arrive out of order: an older change never overwrites a newer one.</summary>
public sealed class UpdateRecipientProfile(IRecipients recipients) : IHandles<UserProfileChanged>
{
    public async Task HandleAsync(UserProfileChanged message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        EventChecks.RequireText(message.Username, "Username", nameof(UserProfileChanged));
        EventChecks.RequireText(message.DisplayName, "DisplayName", nameof(UserProfileChanged));

        var current = await recipients.GetAsync(unitOfWork, message.UserId, cancellationToken, forUpdate: true);
        await recipients.UpdateNamesAsync(unitOfWork, current.UserId, new UserNames(message.Username, message.DisplayName), message.OccurredAt, cancellationToken);
    }
}
