using System.Text.Json;
using ChatApp.Identity.Application.Passkeys;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace ChatApp.Identity.Infrastructure.Passkeys;

/// <summary>
/// WebAuthn with Fido2NetLib. An assertion is checked against the options issued for it, the
/// user's stored public key, and a signature counter that must move on (a counter going backwards
/// means a cloned authenticator).
/// </summary>
internal sealed partial class Fido2WebAuthn(IFido2 fido2, ILogger<Fido2WebAuthn> logger) : IWebAuthn
{
    public string RegistrationOptions(Guid userId, string username, string displayName, IEnumerable<byte[]> existingCredentialIds) =>
        fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = userId.ToByteArray(), Name = username, DisplayName = displayName },
            ExcludeCredentials = existingCredentialIds.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection { ResidentKey = ResidentKeyRequirement.Preferred, UserVerification = UserVerificationRequirement.Preferred },
            AttestationPreference = AttestationConveyancePreference.None,
        }).ToJson();

    public async Task<PasskeyRegistration> VerifyRegistrationAsync(
        string optionsJson, JsonElement attestation, Func<byte[], CancellationToken, Task<bool>> isCredentialIdUnused, CancellationToken cancellationToken)
    {
        try
        {
            var credential = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = attestation.Deserialize<AuthenticatorAttestationRawResponse>()!,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = (args, token) => isCredentialIdUnused(args.CredentialId, token),
            }, cancellationToken);
            return new PasskeyRegistration(new NewPasskey(credential.Id, credential.PublicKey, credential.SignCount), null);
        }
        catch (Fido2VerificationException exception)
        {
            return new PasskeyRegistration(null, exception.Message);
        }
    }

    public string AssertionOptions(IEnumerable<byte[]> credentialIds) =>
        fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = credentialIds.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            UserVerification = UserVerificationRequirement.Preferred,
        }).ToJson();

    public async Task<PasskeyAssertion?> VerifyAssertionAsync(
        string optionsJson, JsonElement assertion, Guid userId, IReadOnlyList<StoredPasskey> passkeys, CancellationToken cancellationToken)
    {
        var response = assertion.Deserialize<AuthenticatorAssertionRawResponse>()!;
        var stored = passkeys.FirstOrDefault(p => p.CredentialId.AsSpan().SequenceEqual(response.RawId));
        if (stored is null)
            return null;

        try
        {
            var result = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = Fido2NetLib.AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = stored.PublicKey,
                StoredSignatureCounter = (uint)stored.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(args.UserHandle is null || (args.UserHandle.Length == 16 && new Guid(args.UserHandle) == userId)),
            }, cancellationToken);
            return new PasskeyAssertion(stored.CredentialId, result.SignCount);
        }
        catch (Fido2VerificationException exception)
        {
            LogRefused(logger, userId, exception.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Passkey assertion for user {UserId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, Guid userId, string reason);
}
