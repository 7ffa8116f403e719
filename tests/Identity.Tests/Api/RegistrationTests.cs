using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Testing;
using Dapper;

namespace ChatApp.Identity.Tests.Api;

public sealed class RegistrationTests(IdentityFixture identity)
{
    [Fact]
    public async Task Registering_stores_a_slow_password_hash_and_publishes_UserRegistered()
    {
        var account = await identity.RegisterAsync(displayName: "Çağla Öztürk");

        var registered = await identity.Events.WaitForAsync("UserRegistered", e => e.GetProperty("userId").GetGuid() == account.Id);
        Assert.Equal(account.Username, registered.GetProperty("username").GetString());
        Assert.Equal("Çağla Öztürk", registered.GetProperty("displayName").GetString());
        Assert.Equal(account.Email, registered.GetProperty("email").GetString());
        Assert.Equal("en", registered.GetProperty("language").GetString());

        await using var db = await identity.OpenDatabaseAsync();
        var hash = Convert.FromBase64String(await db.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE id = @id", new { id = account.Id }));
        // ASP.NET Core Identity v3 format: 0x01, PRF (2 = HMAC-SHA512), iteration count, salt length, salt, subkey.
        Assert.Equal(1, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)) >= 600_000);
        Assert.DoesNotContain(account.Password, System.Text.Encoding.UTF8.GetString(hash), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_username_taken_in_another_case_is_refused_with_409()
    {
        var first = await identity.RegisterAsync();
        using var client = identity.NewClient();

        var response = await client.PostAsync("/accounts", new
        {
            username = first.Username.ToUpperInvariant(), email = $"other{first.Email}", displayName = "Someone", password = TestAccounts.Password,
        });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "username");
        Assert.Equal(1, await CountUsersAsync(first.Username));
    }

    [Fact]
    public async Task An_email_taken_in_another_case_is_refused_with_409()
    {
        var first = await identity.RegisterAsync();
        using var client = identity.NewClient();

        var response = await client.PostAsync("/accounts", new
        {
            username = TestAccounts.UniqueName(), email = first.Email.ToUpperInvariant(), displayName = "Someone", password = TestAccounts.Password,
        });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email");
    }

    public static TheoryData<string, string, string, string, string, string> InvalidRegistrations() => new()
    {
        // field, username, email, display name, password, language
        { "username", "ab", "ok@example.com", "Name", TestAccounts.Password, "en" },
        { "username", "has space", "ok@example.com", "Name", TestAccounts.Password, "en" },
        { "username", "çağla", "ok@example.com", "Name", TestAccounts.Password, "en" },
        { "username", new string('a', 33), "ok@example.com", "Name", TestAccounts.Password, "en" },
        { "email", "valid_name", "not-an-email", "Name", TestAccounts.Password, "en" },
        { "email", "valid_name", "a@localhost", "Name", TestAccounts.Password, "en" },
        { "displayName", "valid_name", "ok@example.com", "   ", TestAccounts.Password, "en" },
        { "displayName", "valid_name", "ok@example.com", "bell\u0007", TestAccounts.Password, "en" },
        { "displayName", "valid_name", "ok@example.com", new string('x', 65), TestAccounts.Password, "en" },
        { "password", "valid_name", "ok@example.com", "Name", "short", "en" },
        { "password", "valid_name", "ok@example.com", "Name", "password123", "en" },
        { "password", "valid_name", "ok@example.com", "Name", "VALID_NAME", "en" },
        { "password", "valid_name", "ok@example.com", "Name", "OK@example.com", "en" },
        { "password", "valid_name", "ok@example.com", "Name", new string('p', 129), "en" },
        { "language", "valid_name", "ok@example.com", "Name", TestAccounts.Password, "klingon" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task Each_invalid_field_gets_400_naming_that_field_and_nothing_is_stored(
        string field, string username, string email, string displayName, string password, string language)
    {
        using var client = identity.NewClient();

        var response = await client.PostAsync("/accounts", new { username, email, displayName, password, language });

        // Naming that field alone.
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
        Assert.Equal(0, await CountUsersAsync(username));
    }

    [Fact]
    public async Task A_request_without_a_body_gets_a_400_problem()
    {
        using var client = identity.NewClient();

        var response = await client.PostAsync("/accounts");

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Registering_is_limited_per_address()
    {
        using var client = identity.NewClient();
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            var username = TestAccounts.UniqueName();
            response = await client.PostAsync("/accounts", new { username, email = $"{username}@example.com", displayName = "X", password = TestAccounts.Password });
            attempts++;
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && attempts < 30);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(11, attempts);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private async Task<int> CountUsersAsync(string username)
    {
        await using var db = await identity.OpenDatabaseAsync();
        return await db.QuerySingleAsync<int>("SELECT COUNT(*) FROM users WHERE username_normalized = CONVERT(@name USING ascii)", new { name = username.ToUpperInvariant() });
    }
}
