namespace ChatApp.Identity.Infrastructure.RateLimiting;

/// <summary>How many attempts each kind of request gets per window, per account and per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit RegisterPerAddress { get; set; } = new(10, TimeSpan.FromHours(1));

    public RateLimit SignInPerAccount { get; set; } = new(10, TimeSpan.FromMinutes(15));

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
