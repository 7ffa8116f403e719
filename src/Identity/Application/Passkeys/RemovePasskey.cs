using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>Removes one of my passkeys; when it was the last one and the default, email codes take over.</summary>
public sealed class RemovePasskey(IUnitOfWorkFactory unitOfWorks, IPasskeys passkeys, IUserAccounts accounts, ISecurityEventLog securityEvents)
{
    public static readonly Failure UnknownPasskey = new(FailureKind.NotFound, "Unknown passkey", "You have no passkey with this id.");

    public async Task<Result<bool>> ExecuteAsync(Guid userId, Guid currentSessionId, string passkeyId, Client client, CancellationToken cancellationToken)
    {
        if (PasskeyIds.Parse(passkeyId) is not { } credentialId)
            return UnknownPasskey;

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (!await passkeys.RemoveAsync(unitOfWork, userId, credentialId, cancellationToken))
            return UnknownPasskey;
        if ((await passkeys.OfUserAsync(unitOfWork, userId, cancellationToken)).Count == 0)
            await accounts.FallBackToEmailAsync(unitOfWork, userId, SecondFactor.Passkey, cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, "passkey removed", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return true;
    }
}
