using System.Text.Json;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>
/// The WebAuthn ceremonies: the options the browser passes to navigator.credentials.create() or
/// .get() (JSON, kept until it answers and returned to it unchanged), and the check of its answer
/// (the browser's JSON as it sent it) against them.
/// </summary>
public interface IWebAuthn
{
    /// <summary>Creation options for a new passkey of the user, excluding the ones they have.</summary>
    string RegistrationOptions(Guid userId, string username, string displayName, IEnumerable<byte[]> existingCredentialIds);

    /// <summary>
    /// The new passkey if the attestation answers the options, with a credential id
    /// <paramref name="isCredentialIdUnused"/> accepts; otherwise why not.
    /// </summary>
    Task<PasskeyRegistration> VerifyRegistrationAsync(
        string optionsJson, JsonElement attestation, Func<byte[], CancellationToken, Task<bool>> isCredentialIdUnused, CancellationToken cancellationToken);

    /// <summary>Request options naming the passkeys the user may answer with.</summary>
    string AssertionOptions(IEnumerable<byte[]> credentialIds);

    /// <summary>
    /// The passkey (one of <paramref name="passkeys"/>) that signed the assertion and its new
    /// signature counter, if the assertion answers the options for this user; otherwise null.
    /// </summary>
    Task<PasskeyAssertion?> VerifyAssertionAsync(
        string optionsJson, JsonElement assertion, Guid userId, IReadOnlyList<StoredPasskey> passkeys, CancellationToken cancellationToken);
}

public sealed record NewPasskey(byte[] CredentialId, byte[] PublicKey, uint SignCount);

/// <summary>A verified new passkey, or (when <see cref="Passkey"/> is null) why it was refused.</summary>
public sealed record PasskeyRegistration(NewPasskey? Passkey, string? Refusal);

public sealed record PasskeyAssertion(byte[] CredentialId, uint SignCount);
