namespace ChatApp.Identity.Application.Security;

/// <summary>How many attempts each kind of request gets per window, per account and per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit RegisterPerAddress { get; set; } = new(10, TimeSpan.FromHours(1));

    /// <summary>Sign-in attempts from browsers without a device cookie for the account, shared by all of them.</summary>
    public RateLimit SignInPerAccount { get; set; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Sign-in attempts presenting a valid device cookie for the account, per cookie.</summary>
    public RateLimit SignInPerDevice { get; set; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Wrong passwords a device cookie survives; one more and it is revoked.</summary>
    public RateLimit WrongPasswordsPerDevice { get; set; } = new(5, TimeSpan.FromHours(1));

    public RateLimit SignInPerAddress { get; set; } = new(50, TimeSpan.FromMinutes(15));

    public RateLimit CodeEntryPerAddress { get; set; } = new(50, TimeSpan.FromMinutes(15));

    public RateLimit ResendPerAccount { get; set; } = new(10, TimeSpan.FromHours(1));

    public RateLimit KeyChangesPerAccount { get; set; } = new(20, TimeSpan.FromHours(1));

    public RateLimit KeyBackupWritesPerAccount { get; set; } = new(10, TimeSpan.FromHours(1));

    public RateLimit KeyBackupReadsPerAccount { get; set; } = new(30, TimeSpan.FromHours(1));
}

public sealed record RateLimit(int Permits, TimeSpan Window)
{
    public RateLimit() : this(0, TimeSpan.Zero)
    {
    }
}
