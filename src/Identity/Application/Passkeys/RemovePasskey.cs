using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Authenticators;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Domain;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>Removes one of my passkeys; when it was the last one and the default, email codes take over.</summary>
public sealed class RemovePasskey(UnitOfWorkFactory unitOfWorks, SecurityEventLog securityEvents)
{
    public static readonly Failure UnknownPasskey = new(FailureKind.NotFound, "Unknown passkey", "You have no passkey with this id.");

    public async Task<Result<bool>> ExecuteAsync(Guid userId, Guid currentSessionId, string passkeyId, Client client, CancellationToken cancellationToken)
    {
        byte[] credentialId;
        try
        {
            credentialId = Base64UrlEncoder.DecodeBytes(passkeyId);
        }
        catch (FormatException)
        {
            return UnknownPasskey;
        }

        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await unitOfWork.ExecuteAsync("DELETE FROM passkeys WHERE credential_id = @credentialId AND user_id = @userId", new { credentialId, userId }, cancellationToken) == 0)
            return UnknownPasskey;
        if (!(await PasskeyStore.OfUserAsync(unitOfWork, userId, cancellationToken)).Any())
            await AuthenticatorStore.FallBackToEmailAsync(unitOfWork, userId, SecondFactor.Passkey, cancellationToken);
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, "passkey removed", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return true;
    }
}
