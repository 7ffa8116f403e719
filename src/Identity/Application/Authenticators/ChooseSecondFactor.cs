using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Authenticators;

/// <summary>Picks which second factor sign-in asks for first, among those the user has set up.</summary>
public sealed class ChooseSecondFactor(IUnitOfWorkFactory unitOfWorks, IUserAccounts accounts, ISecurityEventLog securityEvents)
{
    public async Task<Result<SecondFactor>> ExecuteAsync(Guid userId, Guid currentSessionId, SecondFactor factor, Client client, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await accounts.FindByIdAsync(unitOfWork, userId, cancellationToken, forUpdate: true)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        if (!SecondFactors.Available(user).Contains(factor))
            return Failure.Field(FailureKind.Conflict, "Not set up", "secondFactor", $"Set up {factor} first.");

        await accounts.SetSecondFactorAsync(unitOfWork, userId, factor, cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, $"default: {factor}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return factor;
    }
}
