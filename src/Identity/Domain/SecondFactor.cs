using System.Text.Json.Serialization;

namespace ChatApp.Identity.Domain;

/// <summary>The ways to pass sign-in's second step. New accounts use email.</summary>
// By name in the API ("Email", not 0): clients read it, and reordering cannot change its meaning.
[JsonConverter(typeof(JsonStringEnumConverter<SecondFactor>))]
public enum SecondFactor
{
    Email,
    Authenticator,
    Passkey,
}
