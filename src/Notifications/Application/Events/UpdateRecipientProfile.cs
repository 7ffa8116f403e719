using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Recipients;

namespace ChatApp.Notifications.Application.Events;

/// <summary>Keeps a recipient's names current. Events may arrive out of order: an older change never overwrites a newer one.</summary>
public sealed class UpdateRecipientProfile : IHandles<UserProfileChanged>
{
    public async Task HandleAsync(UserProfileChanged message, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        EventChecks.RequireText(message.Username, "Username", nameof(UserProfileChanged));
        EventChecks.RequireText(message.DisplayName, "DisplayName", nameof(UserProfileChanged));

        var current = await RecipientStore.GetAsync(UnitOfWork.Of(unitOfWork), message.UserId, cancellationToken, forUpdate: true);
        await UnitOfWork.Of(unitOfWork).ExecuteAsync("""
            UPDATE recipients SET username = @Username, display_name = @DisplayName, profile_changed_at = @at
            WHERE user_id = @UserId AND profile_changed_at <= @at
            """, new { current.UserId, message.Username, message.DisplayName, at = message.OccurredAt.UtcDateTime }, cancellationToken);
    }
}
