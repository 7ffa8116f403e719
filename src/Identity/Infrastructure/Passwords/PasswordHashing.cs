using ChatApp.Identity.Application.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatApp.Identity.Infrastructure.Passwords;

/// <summary>
/// ASP.NET Core Identity's PBKDF2 (HMAC-SHA512, 128-bit salt) at 600,000 iterations or more.
/// Hashes made with fewer iterations still verify and are reported for rehashing.
/// </summary>
public sealed class PasswordHashing : IPasswordHasher
{
    public const int MinimumIterations = 600_000;
    private static readonly object Account = new();
    private readonly PasswordHasher<object> _hasher;
    private readonly Lazy<string> _decoyHash;

    public PasswordHashing(IOptions<PasswordHashingOptions> options)
    {
        var iterations = Math.Max(options.Value.Iterations, MinimumIterations);
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = iterations,
        }));
        _decoyHash = new Lazy<string>(() => _hasher.HashPassword(Account, Guid.NewGuid().ToString()));
    }

    public string Hash(string password) => _hasher.HashPassword(Account, password);

    public PasswordCheck Verify(string hash, string password) => _hasher.VerifyHashedPassword(Account, hash, password) switch
    {
        PasswordVerificationResult.Success => PasswordCheck.Right,
        PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
        _ => PasswordCheck.Wrong,
    };

    public void VerifyDecoy(string password) => _hasher.VerifyHashedPassword(Account, _decoyHash.Value, password);
}

public sealed class PasswordHashingOptions
{
    public const string Section = "Passwords";

    /// <summary>PBKDF2 iterations; values under 600,000 are raised to it.</summary>
    public int Iterations { get; set; } = PasswordHashing.MinimumIterations;
}
