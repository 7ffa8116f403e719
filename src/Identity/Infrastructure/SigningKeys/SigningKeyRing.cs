using System.Security.Cryptography;
using ChatApp.BuildingBlocks.Persistence;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatApp.Identity.Infrastructure.SigningKeys;

/// <summary>
/// The signing keys every replica shares through the database. The ring makes the next key
/// ahead of time and publishes it before it signs, keeps retired keys published until the
/// last token they signed has expired, and never signs anyone out by rotating.
/// </summary>
public sealed class SigningKeyRing(ServiceDatabase database, IDataProtectionProvider protection, TimeProvider clock, IOptions<SigningKeyOptions> options)
{
    /// <summary>The Data Protection purpose the private keys are stored under: whoever reads the table cannot sign.</summary>
    public const string Purpose = "ChatApp.Identity.SigningKeys.PrivateKey";

    private const string RotationLock = "identity-signing-keys";
    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);
    private volatile IReadOnlyList<SigningKey> _keys = [];

    /// <summary>The key that signs now: the newest one whose signing period has begun.</summary>
    public SigningKey Current =>
        _keys.Where(key => key.SignsAt(clock.GetUtcNow())).MaxBy(key => key.SignsFrom)
        ?? throw new InvalidOperationException("No signing key is active yet; the key ring has not been loaded.");

    /// <summary>Keys a validator must know: the upcoming ones, the current one, and retired ones whose tokens may still be alive.</summary>
    public IEnumerable<SigningKey> Published
    {
        get
        {
            var now = clock.GetUtcNow();
            return _keys.Where(key => key.SignsUntil + options.Value.AccessTokenLifetime > now);
        }
    }

    public IEnumerable<SecurityKey> ValidationKeys => Published.Select(key => (SecurityKey)key.SecurityKey);

    /// <summary>Makes sure a key signs now and the next one is published in time, then loads the ring.</summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        // One replica at a time decides, so two replicas never both create "the next key".
        await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT GET_LOCK(@name, 30)", new { name = RotationLock }, cancellationToken: cancellationToken));
        try
        {
            var now = clock.GetUtcNow();
            var latestEnd = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
                "SELECT MAX(signs_until) FROM signing_keys", cancellationToken: cancellationToken));
            if (latestEnd is null || new DateTimeOffset(latestEnd.Value, TimeSpan.Zero) <= now)
            {
                // Nothing signs: the very first start (nobody can hold an older key set), or a long outage.
                await CreateAsync(connection, now, now + settings.KeyLifetime, cancellationToken);
            }
            else if (new DateTimeOffset(latestEnd.Value, TimeSpan.Zero) - now <= settings.PublishAhead * 2)
            {
                var from = new DateTimeOffset(latestEnd.Value, TimeSpan.Zero);
                await CreateAsync(connection, from, from + settings.KeyLifetime, cancellationToken);
            }

            _keys = await LoadAsync(connection, now, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT RELEASE_LOCK(@name)", new { name = RotationLock }, cancellationToken: CancellationToken.None));
        }
    }

    private async Task CreateAsync(MySqlConnector.MySqlConnection connection, DateTimeOffset signsFrom, DateTimeOffset signsUntil, CancellationToken cancellationToken)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO signing_keys (key_id, private_key, is_protected, created_at, signs_from, signs_until)
            VALUES (@keyId, @privateKey, TRUE, @createdAt, @signsFrom, @signsUntil)
            """,
            new
            {
                keyId = $"{signsFrom:yyyyMMdd}-{Guid.NewGuid().ToString("N")[..8]}",
                privateKey = _protector.Protect(key.ExportPkcs8PrivateKey()),
                createdAt = clock.GetUtcNow().UtcDateTime,
                signsFrom = signsFrom.UtcDateTime,
                signsUntil = signsUntil.UtcDateTime,
            }, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<SigningKey>> LoadAsync(MySqlConnector.MySqlConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string KeyId, byte[] PrivateKey, bool IsProtected, DateTime SignsFrom, DateTime SignsUntil)>(new CommandDefinition(
            "SELECT key_id, private_key, is_protected, signs_from, signs_until FROM signing_keys WHERE signs_until > @since",
            new { since = (now - options.Value.AccessTokenLifetime).UtcDateTime }, cancellationToken: cancellationToken));
        return rows.Select(row =>
        {
            var key = ECDsa.Create();
            // A key from before keys were encrypted is still in clear until the next start-up encrypts it.
            key.ImportPkcs8PrivateKey(row.IsProtected ? _protector.Unprotect(row.PrivateKey) : row.PrivateKey, out _);
            return new SigningKey(row.KeyId, key, new DateTimeOffset(row.SignsFrom, TimeSpan.Zero), new DateTimeOffset(row.SignsUntil, TimeSpan.Zero));
        }).ToList();
    }
}
