using System.Text.Json.Serialization;

namespace ChatApp.Identity.Application.SignIn;

/// <summary>What the user offers at sign-in's second step.</summary>
// By name in the API ("Email", not 0): clients read it, and reordering cannot change its meaning.
[JsonConverter(typeof(JsonStringEnumConverter<SignInProof>))]
public enum SignInProof
{
    EmailCode,
    AuthenticatorCode,
    RecoveryCode,
    Passkey,
}
