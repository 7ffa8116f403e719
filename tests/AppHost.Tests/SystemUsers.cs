using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.AppHost.Tests;

/// <summary>People of the whole-system tests: registered and signed in through the gateway, with the codes from the development inbox.</summary>
public static partial class SystemUsers
{
    public const string Password = "correct horse battery staple";

    /// <summary>Registers, signs in with the emailed code, and returns the user's id and access token.</summary>
    public static async Task<(Guid UserId, string AccessToken)> SignedInAsync(HttpClient gateway, HttpClient inbox, string displayName)
    {
        var (userId, token, _) = await SignedInWithEmailAsync(gateway, inbox, displayName);
        return (userId, token);
    }

    /// <summary>As <see cref="SignedInAsync"/>, with the address the user's emails go to.</summary>
    public static async Task<(Guid UserId, string AccessToken, string Email)> SignedInWithEmailAsync(HttpClient gateway, HttpClient inbox, string displayName)
    {
        var (username, email) = await RegisterAsync(gateway, displayName);
        var challenge = await StartSignInAsync(gateway, username);
        var codeEmail = await WaitForEmailAsync(inbox, email, subject => subject.EndsWith("is your ChatApp sign-in code", StringComparison.Ordinal));
        var signedIn = await gateway.PostAsJsonAsync(new Uri($"/api/identity/sign-in/{challenge}/code", UriKind.Relative), new { code = CodeIn(codeEmail.Subject) });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var token = (await signedIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        // The token's payload is base64url JSON; its subject is the user's id.
        var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1]));
        return (payload.RootElement.GetProperty("sub").GetGuid(), token, email);
    }

    /// <summary>A hub connection to Messaging through the gateway, as a device signed in with <paramref name="token"/>.</summary>
    public static Task<HubConnection> ConnectToChatAsync(Uri gateway, string token) => ConnectToHubAsync(new Uri(gateway, "/hubs/chat"), token);

    /// <summary>A hub connection to Calls through the gateway, as a device signed in with <paramref name="token"/>.</summary>
    public static Task<HubConnection> ConnectToCallsAsync(Uri gateway, string token) => ConnectToHubAsync(new Uri(gateway, $"/hubs/calls?device={Guid.NewGuid()}"), token);

    private static async Task<HubConnection> ConnectToHubAsync(Uri hub, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public static string CodeIn(string subject) => SixDigits().Match(subject).Value;

    public static async Task<(string Username, string Email)> RegisterAsync(HttpClient gateway, string displayName = "Mail Reader")
    {
        var username = $"mail{Guid.NewGuid():N}"[..20];
        var email = $"{username}@example.com";
        var registered = await gateway.PostAsJsonAsync(new Uri("/api/identity/accounts", UriKind.Relative),
            new { username, email, displayName, password = Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (username, email);
    }

    public static async Task<Guid> StartSignInAsync(HttpClient gateway, string username)
    {
        var started = await gateway.PostAsJsonAsync(new Uri("/api/identity/sign-in", UriKind.Relative), new { login = username, password = Password });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
    }

    /// <summary>The (<paramref name="skip"/>+1)-th email to <paramref name="address"/> whose subject matches, oldest first, from smtp4dev's API.</summary>
    public static async Task<InboxEmail> WaitForEmailAsync(HttpClient inbox, string address, Func<string, bool> subjectMatches, int skip = 0, TimeSpan? patience = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var page = await inbox.GetFromJsonAsync<JsonElement>(new Uri("/api/messages?pageSize=500", UriKind.Relative));
            var messages = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("results");
            var matching = messages.EnumerateArray()
                .Where(m => m.GetProperty("to").EnumerateArray().Any(to => to.GetString()!.Contains(address, StringComparison.OrdinalIgnoreCase)))
                .Select(m => new InboxEmail(m.GetProperty("subject").GetString()!, m.GetProperty("receivedDate").GetDateTimeOffset()))
                .Where(m => subjectMatches(m.Subject))
                .OrderBy(m => m.ReceivedAt)
                .ToList();
            if (matching.Count > skip)
                return matching[skip];
            if (watch.Elapsed > (patience ?? TimeSpan.FromSeconds(30)))
                throw new TimeoutException($"No email #{skip + 1} to {address} arrived in smtp4dev within {(patience ?? TimeSpan.FromSeconds(30)).TotalSeconds} s.");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}

public sealed record InboxEmail(string Subject, DateTimeOffset ReceivedAt);
