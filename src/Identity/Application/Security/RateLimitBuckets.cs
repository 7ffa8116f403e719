using System.Security.Cryptography;
using System.Text;

namespace ChatApp.Identity.Application.Security;

/// <summary>
/// Names of the attempt counters. Logins are hashed: the counter for a name that has no
/// account behaves exactly like one for a real account, and the table holds no addresses in clear.
/// Per-address counters count by <see cref="AddressGroup"/> (an IPv6 client's /64).
/// </summary>
public static class RateLimitBuckets
{
    public static string Register(Client client) => $"register:addr:{AddressDigest(client)}";

    /// <summary>Unknown browsers' attempts on an account, whichever of its username or email they name.</summary>
    public static string SignInByAccount(Guid userId) => $"sign-in:user:{userId:N}";

    /// <summary>Attempts on a login no account has: limited like an account, so the answer tells nothing.</summary>
    public static string SignInByLogin(string login) => $"sign-in:login:{Digest(login.Trim().ToUpperInvariant())}";

    public static string SignInByDevice(Guid nonce) => $"sign-in:device:{nonce:N}";

    public static string WrongPasswordsByDevice(Guid nonce) => $"wrong-password:device:{nonce:N}";

    public static string SignInByAddress(Client client) => $"sign-in:addr:{AddressDigest(client)}";

    public static string CodeEntry(Client client) => $"code:addr:{AddressDigest(client)}";

    public static string Resend(Guid userId) => $"resend:user:{userId:N}";

    public static string KeyChange(Guid userId) => $"keys:user:{userId:N}";

    public static string KeyBackupWrite(Guid userId) => $"key-backup:user:{userId:N}";

    public static string KeyBackupRead(Guid userId) => $"key-backup-read:user:{userId:N}";

    private static string AddressDigest(Client client) => Digest(AddressGroup.Of(client.Address));

    private static string Digest(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..40];
}
