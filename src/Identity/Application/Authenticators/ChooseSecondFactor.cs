using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Authenticators;

/// <summary>Picks which second factor sign-in asks for first; the authenticator only once it is set up.</summary>
public sealed class ChooseSecondFactor(UnitOfWorkFactory unitOfWorks, SecurityEventLog securityEvents)
{
    public async Task<Result<SecondFactor>> ExecuteAsync(Guid userId, Guid currentSessionId, SecondFactor factor, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (factor == SecondFactor.Authenticator && await AuthenticatorStore.LockAsync(unitOfWork, userId, cancellationToken) is not { Confirmed: true })
            return Failure.Field(FailureKind.Conflict, "No authenticator", "secondFactor", "Set up an authenticator app first.");

        await AuthenticatorStore.SetSecondFactorAsync(unitOfWork, userId, factor, cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, $"default: {factor}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return factor;
    }
}
