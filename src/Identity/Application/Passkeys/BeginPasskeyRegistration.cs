using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Accounts;
using ChatApp.Identity.Infrastructure.Passkeys;
using Dapper;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>What the browser passes to navigator.credentials.create(), and the id to answer with.</summary>
public sealed record PasskeyRegistrationStarted(Guid CeremonyId, System.Text.Json.JsonElement Options);

/// <summary>Starts adding a passkey: WebAuthn creation options that exclude the passkeys I already have.</summary>
public sealed class BeginPasskeyRegistration(UnitOfWorkFactory unitOfWorks, IFido2 fido2, IOptions<PasskeyOptions> options, TimeProvider clock)
{
    public async Task<PasskeyRegistrationStarted> ExecuteAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        var user = await UserAccounts.FindByIdAsync(unitOfWork, userId, cancellationToken)
            ?? throw new InvalidOperationException($"The signed-in user {userId} does not exist.");
        var existing = await unitOfWork.QueryAsync<byte[]>("SELECT credential_id FROM passkeys WHERE user_id = @userId", new { userId }, cancellationToken);

        var creation = fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = userId.ToByteArray(), Name = user.Username, DisplayName = user.DisplayName },
            ExcludeCredentials = existing.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection { ResidentKey = ResidentKeyRequirement.Preferred, UserVerification = UserVerificationRequirement.Preferred },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var ceremonyId = Guid.NewGuid();
        var json = creation.ToJson();
        await WebAuthnCeremonies.SaveAsync(unitOfWork, ceremonyId, userId, json, clock.GetUtcNow() + options.Value.CeremonyLifetime, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new PasskeyRegistrationStarted(ceremonyId, System.Text.Json.JsonDocument.Parse(json).RootElement.Clone());
    }
}
