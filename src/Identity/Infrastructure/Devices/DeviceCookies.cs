using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using ChatApp.BuildingBlocks.Persistence;
using ChatApp.Identity.Application.Security;
using ChatApp.Identity.Infrastructure.Secrets;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Infrastructure.Devices;

/// <summary>
/// Device cookies (OWASP's defence against targeted lockout): after a successful sign-in the
/// browser gets a cookie naming the account and a random nonce, signed with HMAC-SHA256. A sign-in
/// presenting a valid one for the account it names is counted per cookie instead of in the
/// account's shared bucket, so guessing from elsewhere cannot lock the owner's browser out.
/// The HMAC key is one of Identity's <see cref="HmacKeys"/> (in the database, encrypted with Data
/// Protection), so every replica checks every replica's cookies and whoever reads the table cannot
/// forge one. A cookie used for too many wrong
/// passwords is revoked (revoked_device_cookies) and counts as unknown from then on.
/// </summary>
public sealed class DeviceCookies(ServiceDatabase database, HmacKeys keys, TimeProvider clock, IOptions<DeviceCookieOptions> options) : IDeviceCookies
{
    public const string KeyPurpose = "ChatApp.Identity.DeviceCookies.Key";
    private const byte Version = 1;
    private const int PayloadLength = 1 + 16 + 16 + 8;
    private const int MacLength = 32;

    public async Task<IssuedDeviceCookie> IssueAsync(Guid userId, CancellationToken cancellationToken)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.Lifetime;
        var payload = new byte[PayloadLength];
        payload[0] = Version;
        userId.TryWriteBytes(payload.AsSpan(1, 16));
        RandomNumberGenerator.Fill(payload.AsSpan(17, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(33), expiresAt.ToUnixTimeSeconds());
        var mac = HMACSHA256.HashData(await KeyAsync(cancellationToken), payload);
        return new IssuedDeviceCookie($"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(mac)}", DateTimeOffset.FromUnixTimeSeconds(expiresAt.ToUnixTimeSeconds()));
    }

    public async Task<DeviceCookie?> ReadAsync(string? token, CancellationToken cancellationToken)
    {
        if (Verify(token, await KeyAsync(cancellationToken)) is not { } cookie || cookie.ExpiresAt <= clock.GetUtcNow())
            return null;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var revoked = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM revoked_device_cookies WHERE nonce = @nonce", new { nonce = cookie.Nonce }, cancellationToken: cancellationToken));
        return revoked == 0 ? cookie : null;
    }

    /// <summary>The revocation is kept until the cookie would have expired anyway.</summary>
    public async Task RevokeAsync(DeviceCookie cookie, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT IGNORE INTO revoked_device_cookies (nonce, revoked_at, expires_at) VALUES (@nonce, @now, @expiresAt)",
            new { nonce = cookie.Nonce, now = clock.GetUtcNow().UtcDateTime, expiresAt = cookie.ExpiresAt.UtcDateTime }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets revocations of cookies that have expired anyway.</summary>
    public async Task PruneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM revoked_device_cookies WHERE expires_at < @now", new { now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
    }

    private Task<byte[]> KeyAsync(CancellationToken cancellationToken) => keys.GetAsync(KeyPurpose, cancellationToken);

    /// <summary>The cookie's content if its signature is right, compared in constant time.</summary>
    private static DeviceCookie? Verify(string? token, byte[] key)
    {
        if (token is null || token.Split('.') is not [var encodedPayload, var encodedMac]
            || !TryDecode(encodedPayload, PayloadLength, out var payload) || !TryDecode(encodedMac, MacLength, out var mac)
            || payload[0] != Version
            || !CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(key, payload)))
            return null;
        return new DeviceCookie(new Guid(payload.AsSpan(1, 16)), new Guid(payload.AsSpan(17, 16)),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(33))));
    }

    private static bool TryDecode(string text, int length, out byte[] bytes)
    {
        bytes = new byte[length];
        return Base64Url.IsValid(text, out var decodedLength) && decodedLength == length
            && Base64Url.TryDecodeFromChars(text, bytes, out var written) && written == length;
    }
}
