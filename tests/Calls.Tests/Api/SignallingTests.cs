using ChatApp.Calls.Application.Signalling;
using ChatApp.Calls.Api;
using ChatApp.Calls.Api.Hub;
using ChatApp.Calls.Tests.Support;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Calls.Tests.Api;

/// <summary>Offers, answers and candidates go between the two devices of an answered call, and nowhere else.</summary>
public sealed class SignallingTests(CallsFixture fixture)
{
    [Fact]
    public async Task Offer_answer_and_candidates_reach_only_the_other_device_of_the_call_across_replicas()
    {
        await using var scene = await AnsweredCallAsync();
        await scene.Caller.SendDescriptionAsync(scene.CallId, "offer", Sdp.Offer);
        var offer = await TestDevice.WaitForAsync(scene.Callee.Signals, s => s.Kind == SignalKind.Offer, "offer");
        Assert.Equal((scene.CallId, Sdp.Offer), (offer.CallId, offer.Sdp));

        await scene.Callee.SendDescriptionAsync(scene.CallId, "answer", Sdp.Answer);
        await scene.Callee.SendCandidateAsync(scene.CallId, Sdp.Candidate, "0", 0);
        Assert.Equal(Sdp.Answer, (await TestDevice.WaitForAsync(scene.Caller.Signals, s => s.Kind == SignalKind.Answer, "answer")).Sdp);
        var candidate = await TestDevice.WaitForAsync(scene.Caller.Signals, s => s.Kind == SignalKind.Candidate, "candidate");
        Assert.Equal((Sdp.Candidate, "0", 0), (candidate.Candidate, candidate.SdpMid, candidate.SdpMLineIndex));
        // The end of gathering is an empty candidate.
        await scene.Caller.SendCandidateAsync(scene.CallId, "", "0", 0);

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Empty(scene.CalleeOtherDevice.Signals);
        Assert.Empty(scene.Stranger.Signals);
    }

    [Fact]
    public async Task A_third_person_cannot_send_an_offer_into_someone_elses_call() =>
        await RefusedFromOutsideAsync((stranger, callId) => stranger.SendDescriptionAsync(callId, "offer", Sdp.Offer));

    [Fact]
    public async Task A_third_person_cannot_send_an_answer_into_someone_elses_call() =>
        await RefusedFromOutsideAsync((stranger, callId) => stranger.SendDescriptionAsync(callId, "answer", Sdp.Answer));

    [Fact]
    public async Task A_third_person_cannot_send_a_candidate_into_someone_elses_call() =>
        await RefusedFromOutsideAsync((stranger, callId) => stranger.SendCandidateAsync(callId, Sdp.Candidate));

    [Fact]
    public async Task The_callees_other_device_cannot_signal_into_the_call_it_did_not_answer()
    {
        await using var scene = await AnsweredCallAsync();
        await Refusals.AssertHubRefusesAsync("conflict", () => scene.CalleeOtherDevice.SendDescriptionAsync(scene.CallId, "answer", Sdp.Answer));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Empty(scene.Caller.Signals);
    }

    [Fact]
    public async Task Nothing_is_relayed_before_the_call_is_answered()
    {
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync();
        var call = await alicePhone.InviteAsync(bob);
        await Refusals.AssertHubRefusesAsync("conflict", () => alicePhone.SendDescriptionAsync(call.Id, "offer", Sdp.Offer));
        await Refusals.AssertHubRefusesAsync("not-found", () => alicePhone.SendDescriptionAsync(Guid.NewGuid(), "offer", Sdp.Offer));
    }

    public static TheoryData<string, string?, string> BadDescriptions => new()
    {
        { "pranswer", Sdp.Offer, "type" },
        { "", Sdp.Offer, "type" },
        { "offer", null, "sdp" },
        { "offer", "", "sdp" },
        { "offer", "hello, this is not SDP", "sdp" },
        { "offer", Sdp.Offer + "a=x:\u0001\r\n", "sdp" },
        { "offer", Sdp.Offer + new string('a', DescriptionRequestValidator.MaxSdpLength), "sdp" },
    };

    [Theory]
    [MemberData(nameof(BadDescriptions))]
    public async Task Malformed_or_oversized_descriptions_are_refused_and_not_relayed(string type, string? sdp, string field)
    {
        await using var scene = await AnsweredCallAsync();
        var message = await Refusals.AssertHubRefusesAsync("invalid", () => scene.Caller.Connection.InvokeAsync("SendDescription", scene.CallId, new DescriptionRequest(type, sdp)));
        Assert.Contains(field + ":", message, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Empty(scene.Callee.Signals);
    }

    public static TheoryData<string?, string?, int?, string> BadCandidates => new()
    {
        { null, "0", 0, "candidate" },
        { "typ host 127.0.0.1", "0", 0, "candidate" },
        { "candidate:1 1 udp 1 127.0.0.1 9 typ host\r\na=evil", "0", 0, "candidate" },
        { "candidate:" + new string('1', CandidateRequestValidator.MaxCandidateLength), "0", 0, "candidate" },
        { Sdp.Candidate, new string('m', 65), 0, "sdpMid" },
        { Sdp.Candidate, "0", 64, "sdpMLineIndex" },
        { Sdp.Candidate, null, null, "sdpMid" },
    };

    [Theory]
    [MemberData(nameof(BadCandidates))]
    public async Task Malformed_or_oversized_candidates_are_refused_and_not_relayed(string? candidate, string? sdpMid, int? sdpMLineIndex, string field)
    {
        await using var scene = await AnsweredCallAsync();
        var message = await Refusals.AssertHubRefusesAsync("invalid", () => scene.Caller.Connection.InvokeAsync("SendCandidate", scene.CallId, new CandidateRequest(candidate, sdpMid, sdpMLineIndex)));
        Assert.Contains(field + ":", message, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        Assert.Empty(scene.Callee.Signals);
    }

    [Fact]
    public async Task A_flood_of_signals_is_cut_off_at_the_rate_limit()
    {
        await using var scene = await AnsweredCallAsync();
        for (var i = 0; i < CallHub.SignalsPerWindow; i++)
            await scene.Caller.SendCandidateAsync(scene.CallId, Sdp.Candidate);
        await Refusals.AssertHubRefusesAsync("too-many-requests", () => scene.Caller.SendCandidateAsync(scene.CallId, Sdp.Candidate));
        await Eventually.HoldsAsync(() => scene.Callee.Signals.Count == CallHub.SignalsPerWindow, TimeSpan.FromSeconds(10),
            () => $"{scene.Callee.Signals.Count} of {CallHub.SignalsPerWindow} signals arrived.");
    }

    private async Task RefusedFromOutsideAsync(Func<TestDevice, Guid, Task> signal)
    {
        await using var scene = await AnsweredCallAsync();
        await Refusals.AssertHubRefusesAsync("not-found", () => signal(scene.Stranger, scene.CallId));
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Empty(scene.Caller.Signals);
        Assert.Empty(scene.Callee.Signals);
    }

    private async Task<AnsweredCall> AnsweredCallAsync()
    {
        var (alice, bob, eve) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        var caller = await alice.ConnectAsync();
        var callee = await bob.ConnectAsync(fixture.Secondary);
        var calleeOther = await bob.ConnectAsync();
        var stranger = await eve.ConnectAsync();
        var call = await caller.InviteAsync(bob);
        await callee.AcceptAsync(call.Id);
        return new AnsweredCall(call.Id, caller, callee, calleeOther, stranger);
    }

    private sealed record AnsweredCall(Guid CallId, TestDevice Caller, TestDevice Callee, TestDevice CalleeOtherDevice, TestDevice Stranger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var device in new[] { Caller, Callee, CalleeOtherDevice, Stranger })
                await device.DisposeAsync();
        }
    }
}
