using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Api;

public sealed class InviteRefusalTests(CallsFixture fixture)
{
    [Fact]
    public async Task Calling_nobody_oneself_or_someone_unknown_is_refused_and_changes_nothing()
    {
        var alice = await fixture.CreatePersonAsync();
        await using var phone = await alice.ConnectAsync();

        await Refusals.AssertHubRefusesAsync("invalid", () => phone.InviteAsync((Guid?)null));
        await Refusals.AssertHubRefusesAsync("invalid", () => phone.InviteAsync(Guid.Empty));
        await Refusals.AssertHubRefusesAsync("invalid", () => phone.InviteAsync(alice));
        await Refusals.AssertHubRefusesAsync("not-found", () => phone.InviteAsync(Guid.NewGuid()));

        Assert.Null(await phone.CurrentCallAsync());
        Assert.Empty(phone.Changes);
    }

    [Fact]
    public async Task Someone_elses_call_cannot_be_answered_declined_cancelled_hung_up_or_rejoined()
    {
        var (alice, bob, eve) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        await using var evePhone = await eve.ConnectAsync();
        var call = await alicePhone.InviteAsync(bob);

        await Refusals.AssertHubRefusesAsync("not-found", () => evePhone.AcceptAsync(call.Id));
        await Refusals.AssertHubRefusesAsync("not-found", () => evePhone.RejectAsync(call.Id));
        await Refusals.AssertHubRefusesAsync("not-found", () => evePhone.CancelAsync(call.Id));
        await Refusals.AssertHubRefusesAsync("not-found", () => evePhone.HangUpAsync(call.Id));
        await Refusals.AssertHubRefusesAsync("not-found", () => evePhone.RejoinAsync(call.Id));
        Assert.Equal(call.Id, (await alicePhone.CurrentCallAsync())!.Id);
        await alicePhone.CancelAsync(call.Id);
    }
}
