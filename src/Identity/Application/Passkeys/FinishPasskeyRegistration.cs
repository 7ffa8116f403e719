using ChatApp.BuildingBlocks.Eventing;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;
using Fido2NetLib;

namespace ChatApp.Identity.Application.Passkeys;

public sealed record FinishPasskeyRegistrationCommand(Guid CeremonyId, string Name, AuthenticatorAttestationRawResponse Attestation, bool EndOtherSessions);

public sealed record PasskeyAdded(string Id, string Name, int OtherSessionsEnded);

/// <summary>Checks the browser's attestation against the ceremony's options and keeps the new passkey's public key.</summary>
public sealed class FinishPasskeyRegistration(UnitOfWorkFactory unitOfWorks, IFido2 fido2, SecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure UnknownCeremony =
        new(FailureKind.Gone, "Passkey set-up expired", "Start adding the passkey again.");

    public async Task<Result<PasskeyAdded>> ExecuteAsync(Guid userId, Guid currentSessionId, FinishPasskeyRegistrationCommand command, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await WebAuthnCeremonies.TakeAsync(unitOfWork, command.CeremonyId, userId, now, cancellationToken) is not { } optionsJson)
            return UnknownCeremony;

        Fido2NetLib.Objects.RegisteredPublicKeyCredential credential;
        try
        {
            credential = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = command.Attestation,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = async (args, token) => await PasskeyStore.IsUnusedAsync(unitOfWork, args.CredentialId, token),
            }, cancellationToken);
        }
        catch (Fido2VerificationException exception)
        {
            await unitOfWork.CommitAsync(cancellationToken);
            return Failure.Field(FailureKind.Invalid, "Passkey refused", "attestation", exception.Message);
        }

        await PasskeyStore.AddAsync(unitOfWork, userId, credential.Id, credential.PublicKey, credential.SignCount, command.Name, now, cancellationToken);
        var ended = command.EndOtherSessions
            ? (await SessionRevocation.RevokeAllAsync(unitOfWork, userId, keep: currentSessionId, SessionRevocation.SecondFactorChanged, now, cancellationToken)).Count
            : 0;
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, $"passkey added; other sessions ended: {ended}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new PasskeyAdded(PasskeyStore.Display(credential.Id), command.Name, ended);
    }
}
