using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Testing;
using ChatApp.Identity.Domain;
using Dapper;
using OtpNet;

namespace ChatApp.Identity.Tests.Api;

public sealed class AuthenticatorTests(IdentityFixture identity)
{
    [Fact]
    public async Task Setting_up_an_app_takes_a_right_code_and_gives_ten_recovery_codes()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);

        var enrolment = await (await client.PostAsync("/account/authenticator")).Content.ReadFromJsonAsync<JsonElement>();
        var uri = enrolment.GetProperty("otpAuthUri").GetString()!;
        Assert.StartsWith($"otpauth://totp/ChatApp:{account.Username}?secret=", uri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(enrolment.GetProperty("qrCodePng").GetString()!["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var secret = Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString());

        var wrong = await client.PostAsync("/account/authenticator/confirm", new { code = OtherThan(AuthenticatorCode.At(secret, DateTime.UtcNow)) });
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
        Assert.Equal("Email", await SecondFactorAsync(client));

        var confirmationCode = AuthenticatorCode.At(secret, DateTime.UtcNow);
        var confirmed = await client.PostAsync("/account/authenticator/confirm", new { code = confirmationCode });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var recoveryCodes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.All(recoveryCodes, code => Assert.Matches("^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$", code));
        Assert.Equal("Authenticator", await SecondFactorAsync(client));

        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/account/authenticator")).StatusCode);
    }

    [Fact]
    public async Task With_an_app_sign_in_asks_for_its_code_sends_no_email_and_refuses_a_replayed_code()
    {
        var (account, secret, _, confirmationCode) = await EnrolledWithConfirmationAsync();
        using var client = identity.NewClient();

        var step1 = await (await client.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Authenticator", step1.GetProperty("secondFactor").GetString());
        Assert.Equal(["Authenticator", "Email"], step1.GetProperty("availableFactors").EnumerateArray().Select(f => f.GetString()));
        var challengeId = step1.GetProperty("challengeId").GetGuid();
        await using (var db = await identity.OpenDatabaseAsync())
            Assert.Null(await db.QuerySingleAsync<byte[]?>("SELECT code_hash FROM sign_in_challenges WHERE id = @challengeId", new { challengeId }));

        // The code that confirmed the app belongs to a time step that is spent (replayed as it was,
        // not recomputed: a new 30-second step may have begun meanwhile).
        var replay = await client.PostAsync($"/sign-in/{challengeId}/code", new { code = confirmationCode });
        await replay.AssertProblemAsync(HttpStatusCode.BadRequest, "code");

        var next = AuthenticatorCode.At(secret, DateTime.UtcNow.AddSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await client.EnterCodeAsync(challengeId, next)).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_works_once()
    {
        var (account, _, recoveryCodes) = await EnrolledAsync();

        using var first = identity.NewClient();
        var challenge = await first.StartSignInAsync(account.Username, account.Password);
        var used = await first.PostAsync($"/sign-in/{challenge}/code", new { code = recoveryCodes[3].ToLowerInvariant(), proof = "RecoveryCode" });
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);

        using var second = identity.NewClient();
        var again = await second.StartSignInAsync(account.Username, account.Password);
        var reused = await second.PostAsync($"/sign-in/{again}/code", new { code = recoveryCodes[3], proof = "RecoveryCode" });
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsync($"/sign-in/{again}/code", new { code = recoveryCodes[4], proof = "RecoveryCode" })).StatusCode);
    }

    [Fact]
    public async Task Email_stays_available_when_the_app_is_the_default()
    {
        var (account, _, _) = await EnrolledAsync();
        using var client = identity.NewClient();
        var challengeId = await client.StartSignInAsync(account.Username, account.Password);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/sign-in/{challengeId}/resend")).StatusCode);
        var code = await identity.CodeForAsync(challengeId);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/sign-in/{challengeId}/code", new { code, proof = "EmailCode" })).StatusCode);
    }

    [Fact]
    public async Task Removing_the_app_needs_the_password_and_brings_back_email_codes()
    {
        var (account, _, recoveryCodes) = await EnrolledAsync();
        using var client = identity.NewClient();
        var challengeId = await client.StartSignInAsync(account.Username, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.EnterCodeAsync(challengeId, recoveryCodes[0], "RecoveryCode")).StatusCode);

        var wrong = await client.PostAsync("/account/authenticator/remove", new { password = "not my password" });
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/account/authenticator/remove", new { password = account.Password })).StatusCode);

        Assert.Equal("Email", await SecondFactorAsync(client));
        using var later = identity.NewClient();
        var step1 = await (await later.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Email", step1.GetProperty("secondFactor").GetString());
        var recovery = await later.PostAsync($"/sign-in/{step1.GetProperty("challengeId").GetGuid()}/code", new { code = recoveryCodes[1], proof = "RecoveryCode" });
        Assert.Equal(HttpStatusCode.BadRequest, recovery.StatusCode);
    }

    [Fact]
    public async Task The_app_cannot_be_the_default_before_it_is_set_up()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);

        var response = await client.SendAsync(HttpMethod.Put, "/account/second-factor", new { secondFactor = "Authenticator" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "secondFactor");
        var unknown = await client.SendAsync(HttpMethod.Put, "/account/second-factor", new { secondFactor = "Carrier pigeon" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    private async Task<(TestAccount Account, byte[] Secret, IReadOnlyList<string> RecoveryCodes)> EnrolledAsync()
    {
        var (account, secret, codes, _) = await EnrolledWithConfirmationAsync();
        return (account, secret, codes);
    }

    /// <summary>Also returns the code that confirmed the app: its time step is spent.</summary>
    private async Task<(TestAccount Account, byte[] Secret, IReadOnlyList<string> RecoveryCodes, string ConfirmationCode)> EnrolledWithConfirmationAsync()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        var enrolment = await (await client.PostAsync("/account/authenticator")).Content.ReadFromJsonAsync<JsonElement>();
        var secret = Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString());
        var confirmationCode = AuthenticatorCode.At(secret, DateTime.UtcNow);
        var confirmed = await client.PostAsync("/account/authenticator/confirm", new { code = confirmationCode });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (account, secret, codes, confirmationCode);
    }

    private static async Task<string?> SecondFactorAsync(IdentityClient client) =>
        (await (await client.GetAsync("/account")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secondFactor").GetString();

    private static string OtherThan(string code) => code == "000000" ? "000001" : "000000";
}
