using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Eventing.Inbox;
using ChatApp.Contracts;
using ChatApp.Notifications.Application.Recipients;

namespace ChatApp.Notifications.Application.Events;

/// <summary>Keeps a recipient's names current. Events may arrive out of order: an older change never overwrites a newer one.</summary>
public sealed class UpdateRecipientProfile(UnitOfWorkFactory unitOfWorks, ILogger<UpdateRecipientProfile> logger)
    : IdempotentConsumer<UserProfileChanged>(unitOfWorks, logger)
{
    protected override async Task HandleAsync(UserProfileChanged message, UnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        EventChecks.RequireText(message.Username, "Username", nameof(UserProfileChanged));
        EventChecks.RequireText(message.DisplayName, "DisplayName", nameof(UserProfileChanged));

        var current = await RecipientStore.GetAsync(unitOfWork, message.UserId, cancellationToken, forUpdate: true);
        await unitOfWork.ExecuteAsync("""
            UPDATE recipients SET username = @Username, display_name = @DisplayName, profile_changed_at = @at
            WHERE user_id = @UserId AND profile_changed_at <= @at
            """, new { current.UserId, message.Username, message.DisplayName, at = message.OccurredAt.UtcDateTime }, cancellationToken);
    }
}
