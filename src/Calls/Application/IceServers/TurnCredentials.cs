using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatApp.Calls.Application.IceServers;

/// <summary>
/// Time-limited TURN credentials as the TURN REST scheme (and coturn's <c>use-auth-secret</c>)
/// defines them: the username is the expiry in Unix seconds and the user id, the password is
/// Base64(HMAC-SHA1(secret, username)). The TURN server checks both without asking us.
/// </summary>
public static class TurnCredentials
{
    public static (string Username, string Password) For(Guid userId, DateTimeOffset expiresAt, string secret)
    {
        var username = string.Create(CultureInfo.InvariantCulture, $"{expiresAt.ToUnixTimeSeconds()}:{userId}");
#pragma warning disable CA5350 // The TURN REST scheme and coturn fix HMAC-SHA1; as an HMAC it is not weakened by SHA-1's collisions.
        var password = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
#pragma warning restore CA5350
        return (username, password);
    }
}
