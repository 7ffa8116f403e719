using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Eventing.Inbox;
using ChatApp.BuildingBlocks.Projections;
using ChatApp.Contracts;

namespace ChatApp.Calls.Infrastructure.Users;

/// <summary>Keeps the names of a new account, so calls and histories show them without asking Identity.</summary>
public sealed class RememberUser(UnitOfWorkFactory unitOfWorks, ILogger<RememberUser> logger)
    : IdempotentConsumer<UserRegistered>(unitOfWorks, logger)
{
    protected override Task HandleAsync(UserRegistered message, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(unitOfWork, message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps a person's names current when they change them.</summary>
public sealed class UpdateUserNames(UnitOfWorkFactory unitOfWorks, ILogger<UpdateUserNames> logger)
    : IdempotentConsumer<UserProfileChanged>(unitOfWorks, logger)
{
    protected override Task HandleAsync(UserProfileChanged message, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(unitOfWork, message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}
