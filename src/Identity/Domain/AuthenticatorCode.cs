using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChatApp.Identity.Domain;

/// <summary>
/// RFC 6238 time-based codes: HMAC-SHA1, 6 digits, 30-second steps, as every authenticator app
/// uses. One step of clock drift either way is accepted, and a step once used is never accepted
/// again, so a code seen over someone's shoulder is worthless after its owner used it.
/// </summary>
public static class AuthenticatorCode
{
    public const int SecretBytes = 20;
    private const int Digits = 6;
    private const long StepSeconds = 30;
    private const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>The secret in base32 (RFC 4648) without padding, as apps take it typed in.</summary>
    public static string DisplaySecret(byte[] secret)
    {
        var text = new StringBuilder((secret.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in secret)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Base32Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
            text.Append(Base32Alphabet[(buffer << (5 - bits)) & 31]);
        return text.ToString();
    }

    public static string EnrolmentUri(byte[] secret, string account, string issuer = "ChatApp") =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={DisplaySecret(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The time step the code belongs to, if it is right, current, and later than <paramref name="lastUsedStep"/>.</summary>
    public static long? Verify(byte[] secret, string code, long lastUsedStep, DateTime utcNow)
    {
        if (code is not { Length: Digits } || !code.All(char.IsAsciiDigit))
            return null;
        var now = StepAt(utcNow);
        // The current step first, then one back, then one ahead: the first that matches is the code's.
        foreach (var step in new[] { now, now - 1, now + 1 })
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(code)))
                return step > lastUsedStep ? step : null;
        }

        return null;
    }

    /// <summary>The code an app shows at <paramref name="utcNow"/> (for tests and for nothing else).</summary>
    public static string At(byte[] secret, DateTime utcNow) => Code(secret, StepAt(utcNow));

    private static long StepAt(DateTime utcNow) => new DateTimeOffset(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc)).ToUnixTimeSeconds() / StepSeconds;

    /// <summary>RFC 4226 HOTP of the step: dynamic truncation of HMAC-SHA1, the last six digits.</summary>
    private static string Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // SHA-1 is what RFC 6238 and every authenticator app use; as an HMAC it is not broken.
#pragma warning disable CA5350
        var mac = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = mac[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac.AsSpan(offset)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
