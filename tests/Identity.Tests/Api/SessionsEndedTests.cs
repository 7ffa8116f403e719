using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.Identity.Domain;
using ChatApp.Testing;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;
using OtpNet;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// Every way a session ends early publishes <c>SessionsEnded</c> (through the outbox, with the
/// revocation) naming exactly the sessions it ended, so the services that trust access tokens
/// offline can close what those sessions still have open; ending none publishes nothing.
/// </summary>
public sealed class SessionsEndedTests(IdentityFixture identity)
{
    private const string EventType = "SessionsEnded";

    [Fact]
    public async Task Signing_out_everywhere_announces_every_session()
    {
        var account = await identity.RegisterAsync();
        using var first = await identity.SignedInClientAsync(account);
        using var second = await identity.SignedInClientAsync(account);

        Assert.Equal(HttpStatusCode.OK, (await first.SendAsync(HttpMethod.Delete, "/sessions")).StatusCode);

        await AssertAnnouncedAsync(account, [SessionOf(first), SessionOf(second)]);
    }

    [Fact]
    public async Task Ending_another_session_announces_only_that_one_and_someone_elses_announces_nothing()
    {
        var account = await identity.RegisterAsync();
        var stranger = await identity.RegisterAsync();
        using var laptop = await identity.SignedInClientAsync(account);
        using var phone = await identity.SignedInClientAsync(account);
        using var theirs = await identity.SignedInClientAsync(stranger);

        Assert.Equal(HttpStatusCode.NotFound, (await laptop.SendAsync(HttpMethod.Delete, $"/sessions/{SessionOf(theirs)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await laptop.SendAsync(HttpMethod.Delete, $"/sessions/{SessionOf(phone)}")).StatusCode);

        await AssertAnnouncedAsync(account, [SessionOf(phone)]);
        Assert.Equal(0, await OutboxRowsAsync(stranger));
    }

    [Fact]
    public async Task Signing_out_this_session_announces_it_once()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        using var other = await identity.SignedInClientAsync(account);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/tokens/sign-out")).StatusCode);
        // Its access token still works for minutes: signing out with it again ends nothing more.
        client.RefreshCookie = null;
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/tokens/sign-out")).StatusCode);

        await AssertAnnouncedAsync(account, [SessionOf(client)]);
    }

    [Fact]
    public async Task Changing_the_password_announces_the_other_sessions_only_when_they_end()
    {
        var account = await identity.RegisterAsync();
        using var here = await identity.SignedInClientAsync(account);
        using var elsewhere = await identity.SignedInClientAsync(account);
        using var thirdPlace = await identity.SignedInClientAsync(account);

        var kept = await here.PostAsync("/account/password", new { currentPassword = account.Password, newPassword = "a first new passphrase", endOtherSessions = false });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(0, await OutboxRowsAsync(account));

        var ended = await here.PostAsync("/account/password", new { currentPassword = "a first new passphrase", newPassword = "a second new passphrase", endOtherSessions = true });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        await AssertAnnouncedAsync(account, [SessionOf(elsewhere), SessionOf(thirdPlace)]);
    }

    [Fact]
    public async Task A_reused_refresh_token_announces_its_session()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        using var other = await identity.SignedInClientAsync(account);
        var first = client.RefreshCookie!;
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync()).StatusCode);

        using var thief = identity.NewClient();
        thief.RefreshCookie = first;
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.RefreshAsync()).StatusCode);
        // Again: the session is already over, nothing more ends.
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.RefreshAsync()).StatusCode);

        await AssertAnnouncedAsync(account, [SessionOf(client)]);
    }

    [Fact]
    public async Task Adding_and_removing_an_authenticator_app_announce_the_other_sessions_they_end()
    {
        var account = await identity.RegisterAsync();
        using var here = await identity.SignedInClientAsync(account);
        using var elsewhere = await identity.SignedInClientAsync(account);

        var enrolment = await (await here.PostAsync("/account/authenticator")).Content.ReadFromJsonAsync<JsonElement>();
        var secret = Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString());
        var confirmed = await here.PostAsync("/account/authenticator/confirm", new { code = AuthenticatorCode.At(secret, DateTime.UtcNow), endOtherSessions = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var recoveryCode = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes")[0].GetString()!;
        await AssertAnnouncedAsync(account, [SessionOf(elsewhere)]);

        using var later = identity.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await later.EnterCodeAsync(await later.StartSignInAsync(account.Username, account.Password), recoveryCode, "RecoveryCode")).StatusCode);
        var removed = await here.PostAsync("/account/authenticator/remove", new { password = account.Password, endOtherSessions = true });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);

        await AssertAnnouncedAsync(account, [SessionOf(elsewhere)], [SessionOf(later)]);
    }

    [Fact]
    public async Task Adding_a_passkey_announces_the_other_sessions_it_ends()
    {
        var account = await identity.RegisterAsync();
        using var here = await identity.SignedInClientAsync(account);
        using var elsewhere = await identity.SignedInClientAsync(account);
        using var passkey = new SoftwarePasskey();

        var started = await (await here.PostAsync("/account/passkeys/options")).Content.ReadFromJsonAsync<JsonElement>();
        var added = await here.PostAsync("/account/passkeys", new
        {
            ceremonyId = started.GetProperty("ceremonyId").GetGuid(), name = "Laptop", attestation = passkey.Create(started.GetProperty("options")), endOtherSessions = true,
        });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        await AssertAnnouncedAsync(account, [SessionOf(elsewhere)]);
    }

    private static Guid SessionOf(IdentityClient client) =>
        Guid.Parse(new JsonWebToken(client.AccessToken).GetClaim(ChatAppClaims.SessionId).Value);

    /// <summary>
    /// The user's events reach the broker, one per revocation, each naming exactly the sessions it
    /// ended (in any order), and nothing more is in the outbox for them.
    /// </summary>
    private async Task AssertAnnouncedAsync(TestAccount account, params Guid[][] revocations)
    {
        await Eventually.HoldsAsync(() => Announced(account).Count >= revocations.Length, TimeSpan.FromSeconds(20),
            () => $"{revocations.Length} {EventType} event(s) expected for the user, {Announced(account).Count} arrived.");
        var announced = Announced(account);
        Assert.Equal(revocations.Length, announced.Count);
        foreach (var expected in revocations)
            Assert.Contains(announced, sessionIds => sessionIds.Order().SequenceEqual(expected.Order()));
        Assert.Equal(revocations.Length, await OutboxRowsAsync(account));
    }

    private List<IReadOnlyList<Guid>> Announced(TestAccount account) =>
        [.. identity.Events.All(EventType, e => e.GetProperty("userId").GetGuid() == account.Id)
            .Select(e => (IReadOnlyList<Guid>)[.. e.GetProperty("sessionIds").EnumerateArray().Select(id => id.GetGuid())])];

    /// <summary>The user's events written to the outbox, published or not: written with the revocation, before its answer.</summary>
    private async Task<long> OutboxRowsAsync(TestAccount account)
    {
        await using var db = await identity.OpenDatabaseAsync();
        return await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_type = 'ChatApp.Contracts.SessionsEnded' AND body LIKE @userId",
            new { userId = $"%\"userId\":\"{account.Id}\"%" });
    }
}
