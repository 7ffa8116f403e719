using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Contracts;

namespace ChatApp.Identity.Tests.Api;

public sealed record TestAccount(Guid Id, string Username, string Email, string DisplayName, string Password);

/// <summary>Registering and signing in through the API, reading the emailed code from the broker.</summary>
public static class TestAccounts
{
    public const string Password = "correct horse battery staple";

    public static string UniqueName(string prefix = "user") => $"{prefix}{Guid.NewGuid().ToString("N")[..10]}";

    public static async Task<TestAccount> RegisterAsync(this IdentityFixture identity, string? username = null, string? displayName = null, Uri? at = null)
    {
        using var client = at is null ? identity.NewClient() : new IdentityClient(at);
        username ??= UniqueName();
        var email = $"{username.ToLowerInvariant()}@example.com";
        displayName ??= $"Test {username}";
        var response = await client.PostAsync("/accounts", new { username, email, displayName, password = Password, language = "en" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var userId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
        return new TestAccount(userId, username, email, displayName, Password);
    }

    /// <summary>Step one; returns the challenge id.</summary>
    public static async Task<Guid> StartSignInAsync(this IdentityClient client, string login, string password)
    {
        var response = await client.PostAsync("/sign-in", new { login, password });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
    }

    /// <summary>The latest code emailed for a challenge, opened as Notifications opens it.</summary>
    public static async Task<string> CodeForAsync(this IdentityFixture identity, Guid challengeId, int nth = 1)
    {
        await identity.Events.WaitForAsync("SignInCodeRequested", e => e.GetProperty("challengeId").GetGuid() == challengeId
            && identity.Events.All("SignInCodeRequested", m => m.GetProperty("challengeId").GetGuid() == challengeId).Count >= nth);
        return identity.OpenCode(identity.Events.All("SignInCodeRequested", e => e.GetProperty("challengeId").GetGuid() == challengeId)[nth - 1]);
    }

    /// <summary>The code a <c>SignInCodeRequested</c> event carries sealed, opened with Notifications' key.</summary>
    public static string OpenCode(this IdentityFixture identity, JsonElement codeEvent) =>
        identity.Seal.Open(codeEvent.GetProperty("sealedCode").GetString(), SignInCodeRequested.SealContext(codeEvent.GetProperty("challengeId").GetGuid()))
        ?? throw new InvalidOperationException("The sealed code does not open with Notifications' key.");

    /// <summary>Both steps: the client ends up with an access token and a refresh cookie.</summary>
    public static async Task<IdentityClient> SignedInClientAsync(this IdentityFixture identity, TestAccount account, Uri? at = null)
    {
        var client = at is null ? identity.NewClient() : new IdentityClient(at);
        var challengeId = await client.StartSignInAsync(account.Username, account.Password);
        var response = await client.EnterCodeAsync(challengeId, await identity.CodeForAsync(challengeId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
