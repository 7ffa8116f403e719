using System.Net;
using Dapper;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// No targeted lockout: guessing an account's password from unknown browsers uses up the attempts
/// those browsers share, while a browser that signed in to the account before (its device cookie)
/// has attempts of its own.
/// </summary>
public sealed class DeviceCookieTests(IdentityFixture identity)
{
    private const int AccountLimit = 10;

    [Fact]
    public async Task A_sign_in_leaves_a_device_cookie_for_the_sign_in_endpoints_only()
    {
        var account = await identity.RegisterAsync();
        using var owner = await identity.SignedInClientAsync(account);

        Assert.NotNull(owner.DeviceCookie);
        var header = owner.LastDeviceCookieHeader!.ToLowerInvariant();
        Assert.Contains("path=/api/identity/sign-in", header, StringComparison.Ordinal);
        Assert.Contains("httponly", header, StringComparison.Ordinal);
        Assert.Contains("secure", header, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", header, StringComparison.Ordinal);
        Assert.Contains("expires=", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_from_unknown_browsers_does_not_lock_out_the_owners_known_browser()
    {
        var account = await identity.RegisterAsync();
        using var owner = await identity.SignedInClientAsync(account);
        // The attacker has a device cookie too, for an account of their own: it counts for nothing here.
        using var attacker = await identity.SignedInClientAsync(await identity.RegisterAsync());

        // The owner's first sign-in, from a browser not known yet, used one of the account's attempts.
        var guesses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= AccountLimit; attempt++)
        {
            using var browser = identity.NewClient();
            browser.DeviceCookie = attempt % 2 == 0 ? attacker.DeviceCookie : null;
            guesses.Add((await browser.PostAsync("/sign-in", new { login = account.Username, password = $"guess {attempt}" })).StatusCode);
        }

        Assert.All(guesses.Take(AccountLimit - 1), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, guesses[AccountLimit - 1]);

        // Unknown browsers stay limited, even with the right password, by username or by email.
        using var unknown = identity.NewClient();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await unknown.PostAsync("/sign-in", new { login = account.Email, password = account.Password })).StatusCode);

        // The owner's browser signs in all the same.
        var challengeId = await owner.StartSignInAsync(account.Username, account.Password);
        Assert.Equal(HttpStatusCode.OK, (await owner.EnterCodeAsync(challengeId, await identity.CodeForAsync(challengeId))).StatusCode);
    }

    [Fact]
    public async Task A_known_browser_has_a_limit_of_its_own()
    {
        var account = await identity.RegisterAsync();
        using var owner = await identity.SignedInClientAsync(account);

        var attempts = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= 10; attempt++)
            attempts.Add((await owner.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).StatusCode);

        Assert.All(attempts.Take(10), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, attempts[10]);
        // Those were not the unknown browsers' attempts.
        using var unknown = identity.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await unknown.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).StatusCode);
    }

    [Fact]
    public async Task Guessing_with_a_stolen_device_cookie_is_limited_per_cookie_and_revokes_it()
    {
        var account = await identity.RegisterAsync();
        using var owner = await identity.SignedInClientAsync(account);
        using var thief = identity.NewClient();
        thief.DeviceCookie = owner.DeviceCookie;

        var guesses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 6; attempt++)
            guesses.Add((await thief.PostAsync("/sign-in", new { login = account.Username, password = $"guess {attempt}" })).StatusCode);
        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));

        await using var db = await identity.OpenDatabaseAsync();
        Assert.Equal(1, await db.QuerySingleAsync<int>("SELECT COUNT(*) FROM security_events WHERE user_id = @id AND kind = 'device-cookie-revoked'", new { id = account.Id }));

        // Revoked, the cookie is an unknown browser's: its guesses now share the account's limit
        // (of which the owner's first sign-in used one).
        for (var attempt = 1; attempt < AccountLimit; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await thief.PostAsync("/sign-in", new { login = account.Username, password = $"more {attempt}" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await thief.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).StatusCode);
    }

    [Fact]
    public async Task A_forged_device_cookie_counts_as_an_unknown_browser()
    {
        var account = await identity.RegisterAsync();
        using var owner = await identity.SignedInClientAsync(account);
        var forged = owner.DeviceCookie![..^2] + (owner.DeviceCookie[^2] == 'A' ? "BA" : "AA");

        for (var attempt = 1; attempt < AccountLimit; attempt++)
        {
            using var browser = identity.NewClient();
            await browser.PostAsync("/sign-in", new { login = account.Username, password = $"guess {attempt}" });
        }

        using var forger = identity.NewClient();
        forger.DeviceCookie = forged;
        Assert.Equal(HttpStatusCode.TooManyRequests, (await forger.PostAsync("/sign-in", new { login = account.Username, password = account.Password })).StatusCode);
    }
}
