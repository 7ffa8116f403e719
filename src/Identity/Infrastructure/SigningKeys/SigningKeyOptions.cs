namespace ChatApp.Identity.Infrastructure.SigningKeys;

/// <summary>How access tokens are signed and how often the signing key changes.</summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Tokens";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long one key signs new tokens.</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A new key is published this long before it signs anything, so every service has fetched
    /// it by then (validators refresh their key set at most every few minutes).
    /// </summary>
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a replica looks for keys created by another.</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromMinutes(1);
}
