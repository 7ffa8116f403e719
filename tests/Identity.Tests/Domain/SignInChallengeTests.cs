using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Tests.Domain;

public sealed class SignInChallengeTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] CodeKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_code_is_six_digits_and_works_once()
    {
        var challenge = new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start);
        var code = challenge.IssueCode(Start, CodeKey);

        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(CodeCheck.Accepted, challenge.CheckCode(code, Start.AddMinutes(1), CodeKey));
        Assert.Equal(CodeCheck.AlreadyUsed, challenge.CheckCode(code, Start.AddMinutes(1), CodeKey));
    }

    [Fact]
    public void The_code_is_stored_only_as_a_hash()
    {
        var challenge = new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start);
        var code = challenge.IssueCode(Start, CodeKey);

        Assert.Equal(32, challenge.CodeHash!.Length);
        Assert.DoesNotContain(code, Convert.ToHexString(challenge.CodeHash), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fifth_wrong_code_ends_the_challenge()
    {
        var challenge = new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start);
        var code = challenge.IssueCode(Start, CodeKey);
        var wrong = code == "000000" ? "999999" : "000000";

        var checks = Enumerable.Range(0, 5).Select(_ => challenge.CheckCode(wrong, Start, CodeKey)).ToList();

        Assert.Equal([CodeCheck.Wrong, CodeCheck.Wrong, CodeCheck.Wrong, CodeCheck.Wrong, CodeCheck.ChallengeOver], checks);
        Assert.Equal(CodeCheck.ChallengeOver, challenge.CheckCode(code, Start, CodeKey));
        Assert.False(challenge.IsOpen(Start));
    }

    [Fact]
    public void Wrong_codes_of_other_factors_count_against_the_same_five_tries()
    {
        var challenge = new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start);
        var code = challenge.IssueCode(Start, CodeKey);

        for (var i = 0; i < 4; i++)
            Assert.Equal(CodeCheck.Wrong, challenge.CheckOtherFactor(passed: false, Start));

        Assert.Equal(CodeCheck.ChallengeOver, challenge.CheckCode(code == "000000" ? "999999" : "000000", Start, CodeKey));
    }

    [Fact]
    public void A_code_expires_after_ten_minutes()
    {
        var challenge = new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start);
        var code = challenge.IssueCode(Start, CodeKey);

        Assert.Equal(CodeCheck.Expired, challenge.CheckCode(code, Start + SignInChallenge.CodeLifetime, CodeKey));
        Assert.Equal(0, challenge.FailedAttempts);
    }

    [Fact]
    public void A_new_code_waits_a_minute_and_replaces_the_old_one()
    {
        var challenge = new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start);
        var first = challenge.IssueCode(Start, CodeKey);

        Assert.Equal(Start.AddMinutes(1), challenge.NextCodeAllowedAt(Start.AddSeconds(59)));
        Assert.Throws<InvalidOperationException>(() => challenge.IssueCode(Start.AddSeconds(59), CodeKey));
        var second = challenge.IssueCode(Start.AddMinutes(1), CodeKey);

        if (first != second)
            Assert.Equal(CodeCheck.Wrong, challenge.CheckCode(first, Start.AddMinutes(2), CodeKey));
        Assert.Equal(CodeCheck.Accepted, challenge.CheckCode(second, Start.AddMinutes(2), CodeKey));
    }

    [Fact]
    public void No_code_outlives_the_challenge_whatever_the_resends()
    {
        var challenge = new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start);
        var code = challenge.IssueCode(Start + SignInChallenge.Lifetime - TimeSpan.FromMinutes(2), CodeKey);

        Assert.Equal(Start + SignInChallenge.Lifetime, challenge.CodeExpiresAt);
        Assert.Equal(CodeCheck.ChallengeOver, challenge.CheckCode(code, Start + SignInChallenge.Lifetime, CodeKey));
    }

    [Fact]
    public void Codes_are_spread_over_all_a_million_values()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => new SignInChallenge(Guid.NewGuid(), Guid.NewGuid(), Start).IssueCode(Start, CodeKey)).ToList();

        Assert.True(codes.Distinct().Count() > 1990, "Codes repeat far more often than chance allows.");
        Assert.Contains(codes, code => code[0] == '0');
    }
}
