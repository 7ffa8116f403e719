using System.Security.Cryptography;
using System.Text;

namespace ChatApp.Identity.Domain;

/// <summary>
/// The second step of one sign-in attempt, after the password was right. It carries at most
/// one live email code: six digits from a CSPRNG, kept only as an HMAC under a key the caller
/// holds apart from the challenge (six digits hashed without a secret fall to a million guesses),
/// valid for ten minutes, used once; five wrong entries end the challenge, and a new code can be sent at most once a
/// minute. The challenge itself lives for half an hour at most, however often codes are resent.
/// </summary>
public sealed class SignInChallenge
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public SignInChallenge(Guid id, Guid userId, DateTimeOffset createdAt)
    {
        Id = id;
        UserId = userId;
        CreatedAt = createdAt;
        ExpiresAt = createdAt + Lifetime;
    }

    public Guid Id { get; }

    public Guid UserId { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; init; }

    public byte[]? CodeHash { get; private set; }

    public DateTimeOffset? CodeExpiresAt { get; private set; }

    public DateTimeOffset? CodeSentAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool IsOpen(DateTimeOffset now) => CompletedAt is null && FailedAttempts < MaxFailedAttempts && now < ExpiresAt;

    /// <summary>When a code may be sent again; null when one can be sent now.</summary>
    public DateTimeOffset? NextCodeAllowedAt(DateTimeOffset now) =>
        CodeSentAt is { } sent && now < sent + ResendInterval ? sent + ResendInterval : null;

    /// <summary>Makes a new code, replacing any earlier one, and returns it in clear for the email.</summary>
    public string IssueCode(DateTimeOffset now, byte[] codeKey)
    {
        if (!IsOpen(now))
            throw new InvalidOperationException("The challenge is over; no code can be issued.");
        if (NextCodeAllowedAt(now) is not null)
            throw new InvalidOperationException("A code was sent less than a minute ago.");

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        CodeHash = HashCode(code, codeKey);
        CodeSentAt = now;
        CodeExpiresAt = Min(now + CodeLifetime, ExpiresAt);
        return code;
    }

    /// <summary>Checks an emailed code: right, wrong (counted), expired, or too late altogether.</summary>
    public CodeCheck CheckCode(string code, DateTimeOffset now, byte[] codeKey)
    {
        if (Over(now) is { } over)
            return over;
        if (CodeHash is null || CodeExpiresAt is not { } codeExpiry || now >= codeExpiry)
            return CodeCheck.Expired;

        // Hash whatever came in, so a malformed entry takes as long as a wrong one.
        return Settle(CryptographicOperations.FixedTimeEquals(HashCode(code ?? "", codeKey), CodeHash), now);
    }

    /// <summary>
    /// Settles the challenge with another factor (an authenticator code, a recovery code) that the
    /// caller checked: a wrong one counts against the same five tries as a wrong emailed code.
    /// </summary>
    public CodeCheck CheckOtherFactor(bool passed, DateTimeOffset now) => Over(now) ?? Settle(passed, now);

    private CodeCheck? Over(DateTimeOffset now) =>
        CompletedAt is not null ? CodeCheck.AlreadyUsed
        : FailedAttempts >= MaxFailedAttempts || now >= ExpiresAt ? CodeCheck.ChallengeOver
        : null;

    private CodeCheck Settle(bool passed, DateTimeOffset now)
    {
        if (passed)
        {
            CompletedAt = now;
            return CodeCheck.Accepted;
        }

        FailedAttempts++;
        return FailedAttempts >= MaxFailedAttempts ? CodeCheck.ChallengeOver : CodeCheck.Wrong;
    }

    public static SignInChallenge Restore(
        Guid id, Guid userId, DateTimeOffset createdAt, DateTimeOffset expiresAt, byte[]? codeHash, DateTimeOffset? codeExpiresAt,
        DateTimeOffset? codeSentAt, int failedAttempts, DateTimeOffset? completedAt) =>
        new(id, userId, createdAt)
        {
            ExpiresAt = expiresAt,
            CodeHash = codeHash,
            CodeExpiresAt = codeExpiresAt,
            CodeSentAt = codeSentAt,
            FailedAttempts = failedAttempts,
            CompletedAt = completedAt,
        };

    private byte[] HashCode(string code, byte[] codeKey) => HMACSHA256.HashData(codeKey, Encoding.UTF8.GetBytes($"{Id:N}:{code}"));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

public enum CodeCheck
{
    Accepted,
    Wrong,
    Expired,
    AlreadyUsed,
    ChallengeOver,
}
