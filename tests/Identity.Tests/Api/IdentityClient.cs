using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace ChatApp.Identity.Tests.Api;

/// <summary>
/// One browser: its own client address (sent as X-Forwarded-For, as the gateway does, so each
/// test has its own attempt counters), its refresh cookie, and its access token in memory.
/// </summary>
public sealed class IdentityClient : IDisposable
{
    private readonly HttpClient _http;

    public IdentityClient(Uri identity)
    {
        // The refresh cookie is Secure and this test talks plain HTTP, so the cookie is carried by hand.
        _http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = identity };
        Address = $"10.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(256)}.{RandomNumberGenerator.GetInt32(1, 255)}";
        _http.DefaultRequestHeaders.Add("X-Forwarded-For", Address);
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("IdentityTests/1.0");
    }

    public string Address { get; }

    public string? RefreshCookie { get; set; }

    public string? AccessToken { get; set; }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (AccessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        if (RefreshCookie is not null)
            request.Headers.Add("Cookie", $"chatapp_refresh={RefreshCookie}");
        // As a browser does: the device cookie's path is the sign-in endpoints.
        if (DeviceCookie is not null && path.StartsWith("/sign-in", StringComparison.Ordinal))
            request.Headers.Add("Cookie", $"chatapp_device={DeviceCookie}");
        var response = await _http.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies.Where(c => c.StartsWith("chatapp_refresh=", StringComparison.Ordinal)))
            {
                var value = CookieValue(cookie);
                RefreshCookie = value.Length == 0 ? null : value;
                LastCookieHeader = cookie;
            }

            foreach (var cookie in cookies.Where(c => c.StartsWith("chatapp_device=", StringComparison.Ordinal)))
            {
                DeviceCookie = CookieValue(cookie);
                LastDeviceCookieHeader = cookie;
            }
        }

        return response;
    }

    private static string CookieValue(string setCookie) => setCookie[(setCookie.IndexOf('=', StringComparison.Ordinal) + 1)..setCookie.IndexOf(';', StringComparison.Ordinal)];

    /// <summary>The device cookie a sign-in left, sent back to the sign-in endpoints only.</summary>
    public string? DeviceCookie { get; set; }

    public string? LastDeviceCookieHeader { get; private set; }

    public string? LastCookieHeader { get; private set; }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>Completes the second step and keeps the tokens, as the web app does.</summary>
    public async Task<HttpResponseMessage> EnterCodeAsync(Guid challengeId, string code, string? proof = null)
    {
        var response = await PostAsync($"/sign-in/{challengeId}/code", new { code, proof });
        if (response.StatusCode == HttpStatusCode.OK)
            AccessToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return response;
    }

    public async Task<HttpResponseMessage> RefreshAsync()
    {
        var response = await PostAsync("/tokens/refresh");
        if (response.StatusCode == HttpStatusCode.OK)
            AccessToken = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        return response;
    }

    public void Dispose() => _http.Dispose();
}
