using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Eventing.Inbox;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Contracts;

namespace ChatApp.Messaging.Application.Users;

/// <summary>Keeps a user's names current when they change them.</summary>
public sealed class UpdateUserNames(UnitOfWorkFactory unitOfWorks, ILogger<UpdateUserNames> logger)
    : IdempotentConsumer<UserProfileChanged>(unitOfWorks, logger)
{
    protected override Task HandleAsync(UserProfileChanged message, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(unitOfWork, message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}
