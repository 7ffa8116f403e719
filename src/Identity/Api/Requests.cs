using ChatApp.Identity.Application.SignIn;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Api;

public sealed record RegisterRequest(string? Username, string? Email, string? DisplayName, string? Password, string? Language);

public sealed record SignInRequest(string? Login, string? Password);

public sealed record CodeRequest(string? Code, SignInProof? Proof);

public sealed record AuthenticatorCodeRequest(string? Code, bool EndOtherSessions);

public sealed record PasswordConfirmationRequest(string? Password, bool EndOtherSessions);

public sealed record SecondFactorRequest(SecondFactor? SecondFactor);

public sealed record ChangeDisplayNameRequest(string? DisplayName);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, bool EndOtherSessions);

public sealed record LookupUsersRequest(IReadOnlyList<Guid>? Ids);

public sealed record PublishKeysRequest(string? KeyId, string? AgreementKey, string? SigningKey);

public sealed record LookupKeysRequest(IReadOnlyList<Guid>? UserIds);

public sealed record KeyBackupRequest(string? KeyId, string? Salt, int? Iterations, string? Iv, string? Ciphertext);

public sealed record AddPasskeyRequest(Guid CeremonyId, string? Name, Fido2NetLib.AuthenticatorAttestationRawResponse? Attestation, bool EndOtherSessions);

public sealed record PasskeySignInRequest(Fido2NetLib.AuthenticatorAssertionRawResponse? Assertion);
