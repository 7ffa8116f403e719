using ChatApp.Calls.Domain;
using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

/// <summary>The other ways a call ends: busy, declined, cancelled, and a device that does not come back.</summary>
public sealed class CallEndingTests(CallsFixture fixture)
{
    [Fact]
    public async Task Calling_someone_who_is_in_a_call_gives_busy_without_ringing_any_of_their_devices()
    {
        var (alice, bob, carol) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync();
        await using var carolPhone = await carol.ConnectAsync(fixture.Secondary);
        var first = await alicePhone.InviteAsync(bob);
        await bobPhone.AcceptAsync(first.Id);

        var busy = await carolPhone.InviteAsync(bob);
        Assert.Equal((CallState.Ended, CallOutcome.Busy), (busy.State, busy.Outcome));
        Assert.Equal(0, busy.DurationSeconds);
        // Nor can someone in a call start another.
        await Refusals.AssertHubRefusesAsync("conflict", () => alicePhone.InviteAsync(carol));

        var announced = await fixture.Published.WaitForAsync("CallEnded", e => e.GetProperty("callId").GetGuid() == busy.Id);
        Assert.Equal("busy", announced.GetProperty("outcome").GetString());
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(bobPhone.Changes, change => change.Id == busy.Id);
        Assert.Empty(fixture.Published.All("CallMissed", e => e.GetProperty("callId").GetGuid() == busy.Id));
        Assert.Equal(CallState.Active, (await bobPhone.CurrentCallAsync())!.State);
    }

    [Fact]
    public async Task The_callee_declining_ends_the_call_as_rejected_for_both_and_frees_them_for_another()
    {
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        var call = await alicePhone.InviteAsync(bob);
        await bobPhone.WaitForRingAsync(alice);
        await Refusals.AssertHubRefusesAsync("forbidden", () => alicePhone.RejectAsync(call.Id));

        var rejected = await bobPhone.RejectAsync(call.Id);
        Assert.Equal((CallOutcome.Rejected, bob.Id), (rejected.Outcome, rejected.EndedBy));
        Assert.Equal(CallOutcome.Rejected, (await alicePhone.WaitForStateAsync(call.Id, CallState.Ended)).Outcome);
        Assert.Null(await alicePhone.CurrentCallAsync());
        Assert.Equal(CallState.Ringing, (await alicePhone.InviteAsync(bob)).State);
    }

    [Fact]
    public async Task The_caller_cancelling_stops_the_ringing_on_every_device()
    {
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync();
        await using var bobLaptop = await bob.ConnectAsync(fixture.Secondary);
        var call = await alicePhone.InviteAsync(bob);
        await bobLaptop.WaitForRingAsync(alice);
        await Refusals.AssertHubRefusesAsync("forbidden", () => bobPhone.CancelAsync(call.Id));

        var cancelled = await alicePhone.CancelAsync(call.Id);
        Assert.Equal((CallOutcome.Cancelled, alice.Id), (cancelled.Outcome, cancelled.EndedBy));
        foreach (var device in new[] { bobPhone, bobLaptop })
            Assert.Equal(CallOutcome.Cancelled, (await device.WaitForStateAsync(call.Id, CallState.Ended)).Outcome);
        await Refusals.AssertHubRefusesAsync("conflict", () => bobPhone.AcceptAsync(call.Id));
    }

    [Fact]
    public async Task A_device_that_drops_mid_call_and_does_not_come_back_within_15_seconds_ends_it_as_failed_with_its_duration()
    {
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        var call = await alicePhone.InviteAsync(bob);
        var answered = await bobPhone.AcceptAsync(call.Id);
        await Task.Delay(TimeSpan.FromSeconds(1));

        await bobPhone.DisposeAsync();
        var reconnecting = await alicePhone.WaitForChangeAsync(call.Id, change => change.CalleeReconnecting, "reconnecting push");
        Assert.Equal(CallState.Active, reconnecting.State);

        var failed = await alicePhone.WaitForStateAsync(call.Id, CallState.Ended, patience: TimeSpan.FromSeconds(25));
        Assert.Equal((CallOutcome.Failed, bob.Id), (failed.Outcome, failed.EndedBy));
        // It ended when Bob's connection was lost, 15 s before the call was given up.
        var givenUpAfter = DateTimeOffset.UtcNow - failed.EndedAt!.Value;
        Assert.InRange(givenUpAfter.TotalSeconds, 15, 20);
        Assert.InRange(failed.DurationSeconds, 1.0, 2.5);
        Assert.Equal((failed.EndedAt - answered.AnsweredAt)!.Value.TotalSeconds, failed.DurationSeconds, 3);
    }

    [Fact]
    public async Task A_device_that_comes_back_within_the_grace_time_rejoins_its_call_and_the_talk_goes_on()
    {
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        var bobLaptop = await bob.ConnectAsync();
        var call = await alicePhone.InviteAsync(bob);
        await bobLaptop.AcceptAsync(call.Id);

        await bobLaptop.DisposeAsync();
        await alicePhone.WaitForChangeAsync(call.Id, change => change.CalleeReconnecting, "reconnecting push");
        // The same tab, on another replica after the reconnect, names the same device.
        await using var bobBack = await bob.ConnectAsync(fixture.Secondary, bobLaptop.DeviceId);
        var rejoined = await bobBack.RejoinAsync(call.Id);
        Assert.Equal(CallState.Active, rejoined.State);
        Assert.False(rejoined.CalleeReconnecting);
        await alicePhone.WaitForChangeAsync(call.Id, change => change.State == CallState.Active && !change.CalleeReconnecting && change.Id == call.Id, "back push");

        // Another device of Bob's cannot take over the call by rejoining.
        await using var bobPhone = await bob.ConnectAsync();
        await Refusals.AssertHubRefusesAsync("conflict", () => bobPhone.RejoinAsync(call.Id));

        // Signals flow to the new connection.
        await alicePhone.SendDescriptionAsync(call.Id, "offer", Sdp.Offer);
        var signal = await TestDevice.WaitForAsync(bobBack.Signals, s => s.CallId == call.Id, "offer after the rejoin");
        Assert.Equal(Sdp.Offer, signal.Sdp);
        Assert.Equal(CallOutcome.Completed, (await alicePhone.HangUpAsync(call.Id)).Outcome);
    }
}
