using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Xunit;

namespace ChatApp.Testing;

/// <summary>What a refusal looks like to a client: a problem-details answer over REST, a HubException with a stable code over the hub.</summary>
public static class Refusals
{
    /// <summary>
    /// Asserts the status and that the answer is problem details; with <paramref name="field"/>,
    /// that <c>errors</c> names exactly that field with a message. Returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.True(problem.TryGetProperty("errors", out var errors), $"No errors in {text}");
            Assert.Equal([field], errors.EnumerateObject().Select(error => error.Name));
            Assert.Contains(errors.GetProperty(field).EnumerateArray(), message => !string.IsNullOrWhiteSpace(message.GetString()));
        }

        return problem;
    }

    /// <summary>
    /// Reads the state with <paramref name="readState"/>, sends the request, asserts the refusal as
    /// <see cref="AssertProblemAsync"/> does, and asserts that the state reads as before. Returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertRefusedAndUnchangedAsync<TState>(
        Func<Task<TState>> readState, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, string? field = null)
    {
        var problem = default(JsonElement);
        await AssertUnchangedAsync(readState, async () =>
        {
            using var response = await send();
            problem = await response.AssertProblemAsync(status, field);
        });
        return problem;
    }

    /// <summary>
    /// Reads the state with <paramref name="readState"/>, runs <paramref name="refusals"/> (which assert
    /// their own refusals), and asserts that the state reads as before: a refusal changes nothing.
    /// </summary>
    public static async Task AssertUnchangedAsync<TState>(Func<Task<TState>> readState, Func<Task> refusals)
    {
        var before = await readState();
        await refusals();
        Assert.Equal(before, await readState());
    }

    /// <summary>
    /// Asserts that the hub call fails with <paramref name="code"/> (<c>not-found</c>, <c>forbidden</c>, <c>invalid</c>…)
    /// and returns the server's message. SignalR hands a client "An unexpected error occurred invoking
    /// 'Method' on the server. HubException: " followed by the server's message, so the code comes after that.
    /// </summary>
    public static async Task<string> AssertHubRefusesAsync(string code, Func<Task> call)
    {
        const string Marker = " on the server. HubException: ";
        var exception = await Assert.ThrowsAsync<HubException>(call);
        var at = exception.Message.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(at > 0, $"Not a refusal by the hub: {exception.Message}");
        var message = exception.Message[(at + Marker.Length)..];
        Assert.True(message.StartsWith(code + ":", StringComparison.Ordinal), $"Expected '{code}:', got: {message}");
        return message;
    }
}
