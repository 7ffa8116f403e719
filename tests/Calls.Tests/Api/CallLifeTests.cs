using System.Net.Http.Json;
using System.Text.Json;
using ChatApp.Calls.Application.History;
using ChatApp.Calls.Domain;
using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>A call from ring to hang-up, through the real hub on two replicas, as the devices and the histories see it.</summary>
public sealed class CallLifeTests(CallsFixture fixture)
{
    private static readonly JsonSerializerOptions Json = CallsJson.Options;

    [Fact]
    public async Task A_call_rings_on_every_device_of_the_callee_is_taken_on_one_and_hung_up_with_the_server_measured_duration()
    {
        var alice = await fixture.CreatePersonAsync("Alice");
        var bob = await fixture.CreatePersonAsync("Bob");
        await using var alicePhone = await alice.ConnectAsync();
        await using var aliceLaptop = await alice.ConnectAsync(fixture.Secondary);
        await using var bobPhone = await bob.ConnectAsync();
        await using var bobLaptop = await bob.ConnectAsync(fixture.Secondary);

        var call = await alicePhone.InviteAsync(bob);
        Assert.Equal(CallState.Ringing, call.State);
        Assert.Equal("Bob", call.Callee.DisplayName);

        // Both of Bob's devices ring, on either replica; Alice's other device hears it ringing too.
        var ringOnPhone = await bobPhone.WaitForRingAsync(alice);
        await bobLaptop.WaitForRingAsync(alice);
        await aliceLaptop.WaitForStateAsync(call.Id, CallState.Ringing);
        Assert.Equal("Alice", ringOnPhone.Caller.DisplayName);

        var answered = await bobLaptop.AcceptAsync(call.Id);
        Assert.Equal(CallState.Active, answered.State);
        Assert.Equal(bobLaptop.DeviceId, answered.CalleeDeviceId);

        // The phone learns the laptop took it (and stops ringing); Alice's devices learn which of hers holds it.
        var onPhone = await bobPhone.WaitForStateAsync(call.Id, CallState.Active);
        Assert.NotEqual(bobPhone.DeviceId, onPhone.CalleeDeviceId);
        var onAliceLaptop = await aliceLaptop.WaitForStateAsync(call.Id, CallState.Active);
        Assert.Equal(alicePhone.DeviceId, onAliceLaptop.CallerDeviceId);
        await Refusals.AssertHubRefusesAsync("conflict", () => bobPhone.AcceptAsync(call.Id));

        await Task.Delay(TimeSpan.FromSeconds(2));
        var ended = await alicePhone.HangUpAsync(call.Id);
        Assert.Equal(CallOutcome.Completed, ended.Outcome);
        Assert.Equal(alice.Id, ended.EndedBy);
        // Measured by the server from the answer to the hang-up: two seconds and the hub's round trips.
        Assert.InRange(ended.DurationSeconds, 2.0, 3.5);
        var endedOnBob = await bobLaptop.WaitForStateAsync(call.Id, CallState.Ended);
        Assert.Equal(ended.DurationSeconds, endedOnBob.DurationSeconds);

        var aliceHistory = await HistoryAsync(alice);
        var bobHistory = await HistoryAsync(bob);
        var asAlice = Assert.Single(aliceHistory.Calls);
        var asBob = Assert.Single(bobHistory.Calls);
        Assert.Equal((call.Id, CallDirection.Outgoing, CallOutcome.Completed, "Bob"), (asAlice.Id, asAlice.Direction, asAlice.Outcome, asAlice.OtherPerson.DisplayName));
        Assert.Equal((call.Id, CallDirection.Incoming, CallOutcome.Completed, "Alice"), (asBob.Id, asBob.Direction, asBob.Outcome, asBob.OtherPerson.DisplayName));
        Assert.Equal(ended.DurationSeconds, asAlice.DurationSeconds, 3);
        Assert.Equal(ended.DurationSeconds, asBob.DurationSeconds, 3);

        // Announced once, with the same duration.
        var announced = await fixture.Published.WaitForAsync("CallEnded", e => e.GetProperty("callId").GetGuid() == call.Id);
        Assert.Equal("completed", announced.GetProperty("outcome").GetString());
        Assert.Equal(ended.DurationSeconds, announced.GetProperty("durationSeconds").GetDouble(), 3);
    }

    [Fact]
    public async Task A_call_nobody_answers_is_missed_after_the_ring_time_announced_once_and_counted_until_seen()
    {
        var alice = await fixture.CreatePersonAsync();
        var bob = await fixture.CreatePersonAsync();
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);

        var call = await alicePhone.InviteAsync(bob);
        await bobPhone.WaitForRingAsync(alice);
        var missed = await bobPhone.WaitForStateAsync(call.Id, CallState.Ended);
        Assert.Equal(CallOutcome.Missed, missed.Outcome);
        Assert.Null(missed.EndedBy);
        Assert.Equal(0, missed.DurationSeconds);
        Assert.Equal(call.RingUntil, missed.EndedAt);
        Assert.Equal(CallOutcome.Missed, (await alicePhone.WaitForStateAsync(call.Id, CallState.Ended)).Outcome);

        await fixture.Published.WaitForAsync("CallMissed", e => e.GetProperty("callId").GetGuid() == call.Id);
        // Both replicas scan for due calls; a moment later, still exactly one of each event.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(fixture.Published.All("CallMissed", e => e.GetProperty("callId").GetGuid() == call.Id));
        Assert.Single(fixture.Published.All("CallEnded", e => e.GetProperty("callId").GetGuid() == call.Id));

        using var bobHttp = bob.Http();
        Assert.Equal(1, (await bobHttp.GetFromJsonAsync<MissedCallCount>("/missed", Json))!.Unseen);
        Assert.False(Assert.Single((await HistoryAsync(bob)).Calls).Seen);
        using var seen = await bobHttp.PostAsync(new Uri("/missed/seen", UriKind.Relative), null);
        Assert.Equal(0, (await seen.Content.ReadFromJsonAsync<MissedCallCount>(Json))!.Unseen);
        Assert.True(Assert.Single((await HistoryAsync(bob)).Calls).Seen);
        // The caller has nothing to see: their side of a missed call is an outgoing call.
        using var aliceHttp = alice.Http();
        Assert.Equal(0, (await aliceHttp.GetFromJsonAsync<MissedCallCount>("/missed", Json))!.Unseen);
    }

    private static async Task<CallHistoryPage> HistoryAsync(Person person)
    {
        using var http = person.Http();
        return (await http.GetFromJsonAsync<CallHistoryPage>("/history", Json))!;
    }
}
