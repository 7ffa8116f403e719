using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Eventing.Inbox;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Contracts;

namespace ChatApp.Messaging.Application.Users;

/// <summary>Keeps the names of a new account, so conversations can show them without asking Identity.</summary>
public sealed class RememberUser(UnitOfWorkFactory unitOfWorks, ILogger<RememberUser> logger)
    : IdempotentConsumer<UserRegistered>(unitOfWorks, logger)
{
    protected override Task HandleAsync(UserRegistered message, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(unitOfWork, message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}
