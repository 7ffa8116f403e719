using System.Text;
using ChatApp.Identity.Domain;

namespace ChatApp.Identity.Tests.Domain;

public sealed class AuthenticatorCodeTests
{
    // RFC 6238 appendix B, SHA-1 secret; the app shows the last six of the eight digits listed there.
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    public void Codes_match_the_RFC_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, AuthenticatorCode.At(RfcSecret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime));

    [Fact]
    public void One_step_of_drift_either_way_is_accepted_and_two_are_not()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime;

        Assert.NotNull(AuthenticatorCode.Verify(RfcSecret, AuthenticatorCode.At(RfcSecret, now.AddSeconds(-30)), 0, now));
        Assert.NotNull(AuthenticatorCode.Verify(RfcSecret, AuthenticatorCode.At(RfcSecret, now.AddSeconds(30)), 0, now));
        Assert.Null(AuthenticatorCode.Verify(RfcSecret, AuthenticatorCode.At(RfcSecret, now.AddSeconds(-61)), 0, now));
        Assert.Null(AuthenticatorCode.Verify(RfcSecret, AuthenticatorCode.At(RfcSecret, now.AddSeconds(61)), 0, now));
    }

    [Fact]
    public void A_used_time_step_is_not_accepted_again()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime;
        var code = AuthenticatorCode.At(RfcSecret, now);

        var step = AuthenticatorCode.Verify(RfcSecret, code, 0, now);

        Assert.NotNull(step);
        Assert.Null(AuthenticatorCode.Verify(RfcSecret, code, step.Value, now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("12345a")]
    [InlineData("1234567")]
    public void Malformed_codes_are_refused(string code) =>
        Assert.Null(AuthenticatorCode.Verify(RfcSecret, code, 0, DateTime.UtcNow));

    [Fact]
    public void Recovery_codes_are_ten_distinct_and_match_however_they_are_typed()
    {
        var userId = Guid.NewGuid();
        var codes = RecoveryCodes.New();

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(RecoveryCodes.Hash(userId, codes[0]), RecoveryCodes.Hash(userId, " " + codes[0].ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)));
        Assert.NotEqual(RecoveryCodes.Hash(userId, codes[0]), RecoveryCodes.Hash(Guid.NewGuid(), codes[0]));
    }
}
