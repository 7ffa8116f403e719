using ChatApp.Identity.Application.Authenticators;
using Microsoft.AspNetCore.DataProtection;

namespace ChatApp.Identity.Infrastructure.Secrets;

/// <summary>Authenticator secrets sealed with Data Protection under a purpose of their own.</summary>
public sealed class ProtectedAuthenticatorSecrets(IDataProtectionProvider protection) : IAuthenticatorSecrets
{
    public const string Purpose = "ChatApp.Identity.Authenticators.Secret";

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public byte[] Seal(byte[] secret) => _protector.Protect(secret);

    public byte[] Open(byte[] sealedSecret) => _protector.Unprotect(sealedSecret);
}
