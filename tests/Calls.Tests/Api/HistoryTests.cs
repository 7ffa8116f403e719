using System.Net;
using System.Net.Http.Json;
using ChatApp.Calls.Application.History;
using ChatApp.Calls.Domain;
using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

public sealed class HistoryTests(CallsFixture fixture)
{
    [Fact]
    public async Task History_comes_newest_first_a_page_at_a_time_from_both_sides_and_holds_only_ended_calls()
    {
        var (alice, bob, carol) = (await fixture.CreatePersonAsync("Alice"), await fixture.CreatePersonAsync("Bob"), await fixture.CreatePersonAsync("Carol"));
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync();
        await using var carolPhone = await carol.ConnectAsync();
        List<Guid> made = [];
        for (var i = 0; i < 5; i++)
        {
            // Alternately Alice calls Bob and Carol calls Alice; each is cancelled.
            var (caller, callee) = i % 2 == 0 ? (alicePhone, bob) : (carolPhone, alice);
            var call = await caller.InviteAsync(callee);
            await caller.CancelAsync(call.Id);
            made.Add(call.Id);
        }
        var ringing = await bobPhone.InviteAsync(alice);

        using var http = alice.Http();
        var first = (await http.GetFromJsonAsync<CallHistoryPage>("/history?limit=2", CallsJson.Options))!;
        var second = (await http.GetFromJsonAsync<CallHistoryPage>($"/history?limit=2&before={first.NextBefore}", CallsJson.Options))!;
        var last = (await http.GetFromJsonAsync<CallHistoryPage>($"/history?limit=2&before={second.NextBefore}", CallsJson.Options))!;

        Assert.Equal(Enumerable.Reverse(made), first.Calls.Concat(second.Calls).Concat(last.Calls).Select(call => call.Id));
        Assert.Null(last.NextBefore);
        Assert.DoesNotContain(ringing.Id, first.Calls.Select(call => call.Id));
        Assert.Equal(
            [(CallDirection.Outgoing, "Bob"), (CallDirection.Incoming, "Carol")],
            first.Calls.Select(call => (call.Direction, call.OtherPerson.DisplayName)));
        Assert.All(first.Calls, call => Assert.Equal(CallOutcome.Cancelled, call.Outcome));

        // Someone else's history holds none of it.
        using var carolHttp = carol.Http();
        var carols = (await carolHttp.GetFromJsonAsync<CallHistoryPage>("/history", CallsJson.Options))!;
        Assert.Equal([made[3], made[1]], carols.Calls.Select(call => call.Id));
    }

    [Theory]
    [InlineData("/history?limit=0")]
    [InlineData("/history?limit=101")]
    public async Task A_page_size_out_of_range_is_a_validation_problem(string path)
    {
        var alice = await fixture.CreatePersonAsync();
        using var http = alice.Http();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task Without_a_token_history_missed_calls_and_ice_servers_are_refused()
    {
        using var http = new HttpClient { BaseAddress = fixture.Primary.Address };
        foreach (var path in new[] { "/history", "/missed", "/current", "/ice-servers" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
