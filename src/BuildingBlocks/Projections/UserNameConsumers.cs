using ChatApp.BuildingBlocks.Eventing;
using ChatApp.BuildingBlocks.Eventing.Inbox;
using ChatApp.Contracts;
using Microsoft.Extensions.Logging;

namespace ChatApp.BuildingBlocks.Projections;

/// <summary>
/// Keeps the names of a new account in the service's <c>users</c> projection, so it shows them
/// without asking Identity. Registered by each service that keeps one (its queue is named after
/// the service: messaging-remember-user, calls-remember-user).
/// </summary>
public sealed class RememberUser(UnitOfWorkFactory unitOfWorks, ILogger<RememberUser> logger)
    : IdempotentConsumer<UserRegistered>(unitOfWorks, logger)
{
    protected override Task HandleAsync(UserRegistered message, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(unitOfWork, message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}

/// <summary>Keeps a person's names in the service's <c>users</c> projection current when they change them.</summary>
public sealed class UpdateUserNames(UnitOfWorkFactory unitOfWorks, ILogger<UpdateUserNames> logger)
    : IdempotentConsumer<UserProfileChanged>(unitOfWorks, logger)
{
    protected override Task HandleAsync(UserProfileChanged message, UnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        UserNamesProjection.UpsertAsync(unitOfWork, message.UserId, message.Username, message.DisplayName, message.OccurredAt, cancellationToken);
}
