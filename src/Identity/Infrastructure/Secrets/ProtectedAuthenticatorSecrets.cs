using Microsoft.AspNetCore.DataProtection;

namespace ChatApp.Identity.Infrastructure.Secrets;

/// <summary>
/// Keeps authenticator secrets unreadable in the database: sealed with Data Protection under a
/// purpose of their own before they are stored, opened only to check a code. Whoever reads the
/// table cannot generate anyone's codes.
/// </summary>
public sealed class ProtectedAuthenticatorSecrets(IDataProtectionProvider protection)
{
    public const string Purpose = "ChatApp.Identity.Authenticators.Secret";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public byte[] Seal(byte[] secret) => _protector.Protect(secret);

    public byte[] Open(byte[] sealedSecret) => _protector.Unprotect(sealedSecret);
}
