using ChatApp.Calls.Domain;
using ChatApp.Calls.Tests.Support;

namespace ChatApp.Calls.Tests.Api;

/// <summary>No replica holds a call's clock: its deadline is in the database, and any replica ends it.</summary>
public sealed class ReplicaDeathTests(CallsFixture fixture)
{
    [Fact]
    public async Task A_ring_timeout_fires_when_the_replica_that_started_the_call_is_gone()
    {
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        var doomed = CallsReplica.Start(fixture.Settings(), fixture.Tokens);
        await doomed.WaitUntilReadyAsync();
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        var alicePhone = await alice.ConnectAsync(doomed);

        var call = await alicePhone.InviteAsync(bob);
        await bobPhone.WaitForRingAsync(alice);
        await alicePhone.DisposeAsync();
        await doomed.DisposeAsync();

        var missed = await bobPhone.WaitForStateAsync(call.Id, CallState.Ended);
        Assert.Equal(CallOutcome.Missed, missed.Outcome);
        await fixture.Published.WaitForAsync("CallMissed", e => e.GetProperty("callId").GetGuid() == call.Id);
    }
}
