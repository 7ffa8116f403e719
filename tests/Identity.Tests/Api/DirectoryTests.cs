using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Testing;

namespace ChatApp.Identity.Tests.Api;

public sealed class DirectoryTests(IdentityFixture identity)
{
    [Fact]
    public async Task Users_are_found_by_username_or_display_name_prefix_ignoring_case()
    {
        var marker = Guid.NewGuid().ToString("N")[..6];
        var byUsername = await identity.RegisterAsync(username: $"zed{marker}a");
        var byDisplayName = await identity.RegisterAsync(displayName: $"Ömer{marker} Yılmaz");
        using var client = await identity.SignedInClientAsync(byUsername);

        var usernameHits = await SearchAsync(client, $"ZED{marker}");
        Assert.Equal([byUsername.Id], usernameHits.Select(u => u.GetProperty("id").GetGuid()));
        Assert.Equal(byUsername.Username, usernameHits[0].GetProperty("username").GetString());
        Assert.False(usernameHits[0].TryGetProperty("email", out _), "The directory must not reveal email addresses.");

        var displayNameHits = await SearchAsync(client, $"ömer{marker}");
        Assert.Equal([byDisplayName.Id], displayNameHits.Select(u => u.GetProperty("id").GetGuid()));
        Assert.Empty(await SearchAsync(client, $"%{marker}"));
    }

    [Fact]
    public async Task Profiles_come_in_batches_of_at_most_100()
    {
        var a = await identity.RegisterAsync();
        var b = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(a);

        var response = await client.PostAsync("/users/lookup", new { ids = new[] { a.Id, b.Id, Guid.NewGuid() } });
        var profiles = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal(new[] { a.Id, b.Id }.Order(), profiles.Select(p => p.GetProperty("id").GetGuid()).Order());

        var tooMany = await client.PostAsync("/users/lookup", new { ids = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()) });
        await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest, "ids");
    }

    [Fact]
    public async Task A_lookup_without_ids_gets_a_400_problem()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);

        var empty = await client.PostAsync("/users/lookup", new { });
        var nullIds = await client.PostAsync("/users/lookup", new { ids = (Guid[]?)null });

        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "ids");
        await nullIds.AssertProblemAsync(HttpStatusCode.BadRequest, "ids");
    }

    [Fact]
    public async Task Changing_my_display_name_publishes_UserProfileChanged()
    {
        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);

        var response = await client.SendAsync(HttpMethod.Patch, "/account/profile", new { displayName = "  Ayşe Kaya  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var changed = await identity.Events.WaitForAsync("UserProfileChanged", e => e.GetProperty("userId").GetGuid() == account.Id);
        Assert.Equal("Ayşe Kaya", changed.GetProperty("displayName").GetString());
        Assert.Equal(account.Username, changed.GetProperty("username").GetString());
        var me = await (await client.GetAsync("/account")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Ayşe Kaya", me.GetProperty("displayName").GetString());

        var invalid = await client.SendAsync(HttpMethod.Patch, "/account/profile", new { displayName = "" });
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "displayName");
    }

    [Fact]
    public async Task The_directory_needs_an_access_token_and_a_search_term()
    {
        using var anonymous = identity.NewClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/users?search=a")).StatusCode);

        var account = await identity.RegisterAsync();
        using var client = await identity.SignedInClientAsync(account);
        await (await client.GetAsync("/users?search=")).AssertProblemAsync(HttpStatusCode.BadRequest, "search");
        foreach (var limit in new[] { "-1", "0", "51" })
            await (await client.GetAsync($"/users?search=a&limit={limit}")).AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users?search=a&limit=50")).StatusCode);
    }

    private static async Task<List<JsonElement>> SearchAsync(IdentityClient client, string term)
    {
        var response = await client.GetAsync($"/users?search={Uri.EscapeDataString(term)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }
}
