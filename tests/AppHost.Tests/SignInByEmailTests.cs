using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace ChatApp.AppHost.Tests;

/// <summary>
/// The whole system as a user meets it: register through the gateway, get the welcome email,
/// sign in with the code that arrives in the development inbox, and use the token at another
/// service.
/// </summary>
public sealed class SignInByEmailTests(WholeSystemFixture system)
{
    [Fact]
    public async Task A_user_registers_gets_the_code_by_email_signs_in_and_is_known_to_notifications()
    {
        using var gateway = system.App.CreateHttpClient("gateway", "http");
        using var inbox = system.App.CreateHttpClient("smtp4dev", "http");
        var (username, email) = await SystemUsers.RegisterAsync(gateway);
        await SystemUsers.WaitForEmailAsync(inbox, email, subject => subject.StartsWith("Welcome to ChatApp", StringComparison.Ordinal));

        var challenge = await SystemUsers.StartSignInAsync(gateway, username);
        var codeEmail = await SystemUsers.WaitForEmailAsync(inbox, email, subject => subject.EndsWith("is your ChatApp sign-in code", StringComparison.Ordinal));
        var code = SystemUsers.CodeIn(codeEmail.Subject);

        var signedIn = await gateway.PostAsJsonAsync(new Uri($"/api/identity/sign-in/{challenge}/code", UriKind.Relative), new { code });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var accessToken = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();

        // Notifications trusts the token through Identity's published keys, and knows the user from UserRegistered.
        using var preferences = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/notifications/preferences", UriKind.Relative));
        preferences.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var answer = await gateway.SendAsync(preferences);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missedCallEmails").GetBoolean());
    }
}
