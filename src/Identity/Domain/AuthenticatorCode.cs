using OtpNet;

namespace ChatApp.Identity.Domain;

/// <summary>
/// RFC 6238 time-based codes: HMAC-SHA1, 6 digits, 30-second steps, as every authenticator app
/// uses. One step of clock drift either way is accepted, and a step once used is never accepted
/// again, so a code seen over someone's shoulder is worthless after its owner used it.
/// </summary>
public static class AuthenticatorCode
{
    public const int SecretBytes = 20;
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(SecretBytes);

    public static string DisplaySecret(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    public static string EnrolmentUri(byte[] secret, string account, string issuer = "ChatApp") =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={DisplaySecret(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The time step the code belongs to, if it is right, current, and later than <paramref name="lastUsedStep"/>.</summary>
    public static long? Verify(byte[] secret, string code, long lastUsedStep, DateTime utcNow)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(secret);
        return totp.VerifyTotp(utcNow, code, out var step, Drift) && step > lastUsedStep ? step : null;
    }

    /// <summary>The code an app shows at <paramref name="utcNow"/> (for tests and for nothing else).</summary>
    public static string At(byte[] secret, DateTime utcNow) => new Totp(secret).ComputeTotp(utcNow);
}
