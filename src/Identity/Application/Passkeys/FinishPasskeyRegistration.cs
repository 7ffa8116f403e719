using System.Text.Json;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Application.Sessions;

namespace ChatApp.Identity.Application.Passkeys;

public sealed record FinishPasskeyRegistrationCommand(Guid CeremonyId, string Name, JsonElement Attestation, bool EndOtherSessions);

public sealed record PasskeyAdded(string Id, string Name, int OtherSessionsEnded);

/// <summary>Checks the browser's attestation against the ceremony's options and keeps the new passkey's public key.</summary>
public sealed class FinishPasskeyRegistration(
    IUnitOfWorkFactory unitOfWorks, IPasskeys passkeys, IWebAuthn webAuthn, SessionRevocation sessions, ISecurityEventLog securityEvents, TimeProvider clock)
{
    public static readonly Failure UnknownCeremony =
        new(FailureKind.Gone, "Passkey set-up expired", "Start adding the passkey again.");

    public async Task<Result<PasskeyAdded>> ExecuteAsync(Guid userId, Guid currentSessionId, FinishPasskeyRegistrationCommand command, Client client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var unitOfWork = await unitOfWorks.BeginAsync(cancellationToken);
        if (await passkeys.TakeCeremonyAsync(unitOfWork, command.CeremonyId, userId, now, cancellationToken) is not { } optionsJson)
            return UnknownCeremony;

        var registration = await webAuthn.VerifyRegistrationAsync(optionsJson, command.Attestation,
            (credentialId, token) => passkeys.IsUnusedAsync(unitOfWork, credentialId, token), cancellationToken);
        if (registration.Passkey is not { } passkey)
        {
            // The ceremony is used up all the same.
            await unitOfWork.CommitAsync(cancellationToken);
            return Failure.Field(FailureKind.Invalid, "Passkey refused", "attestation", registration.Refusal!);
        }

        await passkeys.AddAsync(unitOfWork, userId, passkey, command.Name, now, cancellationToken);
        var ended = command.EndOtherSessions
            ? (await sessions.RevokeAllAsync(unitOfWork, userId, keep: currentSessionId, SessionRevocation.SecondFactorChanged, now, cancellationToken)).Count
            : 0;
        await securityEvents.RecordAsync(unitOfWork, SecurityEventKind.SecondFactorChanged, client, userId, currentSessionId, $"passkey added; other sessions ended: {ended}", cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new PasskeyAdded(PasskeyIds.Display(passkey.CredentialId), command.Name, ended);
    }
}
