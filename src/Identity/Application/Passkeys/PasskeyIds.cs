using System.Buffers.Text;

namespace ChatApp.Identity.Application.Passkeys;

/// <summary>Credential ids travel as base64url (no padding).</summary>
public static class PasskeyIds
{
    public static string Display(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    /// <summary>The credential id a displayed id stands for; null when it is not base64url.</summary>
    public static byte[]? Parse(string passkeyId) =>
        Base64Url.IsValid(passkeyId) ? Base64Url.DecodeFromChars(passkeyId) : null;
}
