namespace ChatApp.Identity.Application.Security;

/// <summary>What the security event log records. The names are stored; never rename one.</summary>
public static class SecurityEventKind
{
    public const string Registered = "registered";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInCodeSent = "sign-in-code-sent";
    public const string SecondFactorFailed = "second-factor-failed";
    public const string SignedIn = "signed-in";
    public const string RefreshReused = "refresh-reused";
    public const string SessionRevoked = "session-revoked";
    public const string PasswordChanged = "password-changed";
    public const string SecondFactorChanged = "second-factor-changed";
    public const string RateLimited = "rate-limited";
    public const string KeysChanged = "keys-changed";
    public const string KeyBackupStored = "key-backup-stored";
    public const string KeyBackupRead = "key-backup-read";
    public const string DeviceCookieRevoked = "device-cookie-revoked";
}
