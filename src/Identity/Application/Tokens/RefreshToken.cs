using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ChatApp.Identity.Application.Tokens;

/// <summary>An opaque refresh token: 256 random bits for the client, only their SHA-256 in the database.</summary>
public static class RefreshToken
{
    public static readonly TimeSpan SlidingLifetime = TimeSpan.FromDays(30);

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
