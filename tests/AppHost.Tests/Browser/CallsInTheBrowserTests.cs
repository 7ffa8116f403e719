using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// Voice calls between real Chromium pages with fake microphones, over the whole system: the
/// call hub through the gateway, WebRTC between the pages (on loopback, directly or through the
/// local coturn), and the history and emails the server keeps.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed partial class CallsInTheBrowserTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Fact]
    public async Task A_call_connects_audio_flows_both_ways_and_both_histories_show_it_completed()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob");

        await alice.CallAsync(bob);
        await Expect(alice.CallBar(bob)).ToContainTextAsync("Ringing");
        await bob.AnswerAsync(alice);
        var aliceHears = await alice.AudioFlowingAsync();
        var bobHears = await bob.AudioFlowingAsync();
        await Expect(alice.CallBar(bob).GetByLabel("Call time")).ToHaveTextAsync(new Regex(@"^0:0\d$"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        // Audio keeps flowing both ways, not just a first packet.
        Assert.True((await PeerConnections.NewestAsync(alice.Page)).BytesReceived > aliceHears.BytesReceived);
        Assert.True((await PeerConnections.NewestAsync(bob.Page)).BytesReceived > bobHears.BytesReceived);
        await TestBrowser.ScreenshotAsync(bob.Page, "in-call");

        await alice.HangUpAsync(bob);
        await Expect(bob.CallBar(alice)).ToBeHiddenAsync();
        await Expect(alice.CallBar(bob)).ToBeHiddenAsync();
        foreach (var (person, direction) in new[] { (alice, "Outgoing"), (bob, "Incoming") })
        {
            var entry = Assert.Single(await person.CallHistoryAsync());
            Assert.Matches(new Regex($@"{direction} · Talked · 0:0[3-9]"), entry);
        }
    }

    [Fact]
    public async Task The_same_call_forced_through_the_turn_server_connects_over_relays()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob");
        await PeerConnections.RelayOnlyAsync(alice.Page);
        await PeerConnections.RelayOnlyAsync(bob.Page);

        await alice.CallAsync(bob);
        await bob.AnswerAsync(alice);
        var aliceHears = await alice.AudioFlowingAsync();
        var bobHears = await bob.AudioFlowingAsync();
        Assert.Equal(("relay", "relay"), (aliceHears.LocalCandidateType, aliceHears.RemoteCandidateType));
        Assert.Equal(("relay", "relay"), (bobHears.LocalCandidateType, bobHears.RemoteCandidateType));
        await alice.HangUpAsync(bob);
        await Expect(bob.CallBar(alice)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Both_devices_of_the_callee_ring_one_answers_and_the_other_stops()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob", width: 375);
        var bobsLaptop = bob.OnAnotherDevice(await OpenAsync());
        await bobsLaptop.SignInAsync();

        await alice.CallAsync(bob);
        await Expect(bob.IncomingCall()).ToBeVisibleAsync();
        await Expect(bobsLaptop.IncomingCall()).ToBeVisibleAsync();
        await TestBrowser.ScreenshotAsync(bob.Page, "incoming-call");
        await TestBrowser.ScreenshotAsync(bobsLaptop.Page, "incoming-call");
        await Accessibility.AssertNoSeriousViolationsAsync(bob.Page, "incoming call");
        await Accessibility.AssertNoSeriousViolationsAsync(alice.Page, "ringing out");

        await bobsLaptop.AnswerAsync(alice);
        await Expect(bob.IncomingCall()).ToBeHiddenAsync();
        await bobsLaptop.AudioFlowingAsync();
        await alice.AudioFlowingAsync();
        // The phone stops ringing and says where the call went; it has no audio of its own.
        await Expect(bob.CallBar(alice)).ToContainTextAsync("In a call on another of your devices");
        await TestBrowser.ScreenshotAsync(bob.Page, "call-elsewhere");
        await Accessibility.AssertNoSeriousViolationsAsync(bob.Page, "call on another device");
        await Accessibility.AssertNoSeriousViolationsAsync(alice.Page, "in a call");
        Assert.Equal("none", (await PeerConnections.NewestAsync(bob.Page)).State);
        await TestBrowser.ScreenshotAsync(alice.Page, "in-call");
        await bobsLaptop.HangUpAsync(alice);
        await Expect(alice.CallBar(bob)).ToBeHiddenAsync();
        await Expect(bob.CallBar(alice)).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_call_nobody_answers_says_no_answer_shows_missed_and_sends_the_missed_call_email()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob");

        await alice.CallAsync(bob);
        await Expect(bob.IncomingCall()).ToBeVisibleAsync();
        // The whole system rings for 5 s (30 s in production).
        await Expect(alice.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No answer from Bob.");
        await Expect(bob.IncomingCall()).ToBeHiddenAsync();
        await Expect(bob.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Missed call from Alice.");
        await Expect(bob.Page.GetByRole(AriaRole.Tab, new() { Name = "Calls" })).ToContainTextAsync("1");
        await TestBrowser.ScreenshotAsync(alice.Page, "call-notice");
        Assert.Matches("Incoming · Missed", Assert.Single(await bob.CallHistoryAsync()));
        await TestBrowser.ScreenshotAsync(bob.Page, "call-history");
        await Accessibility.AssertNoSeriousViolationsAsync(bob.Page, "call history");
        // Seen: the badge clears.
        await Expect(bob.Page.GetByRole(AriaRole.Tab, new() { Name = "Calls" })).ToHaveTextAsync("Calls");
        await SystemUsers.WaitForEmailAsync(Inbox, bob.Email, subject => subject == "Missed call from Alice");
    }

    [Fact]
    public async Task A_declined_call_tells_the_caller_and_a_busy_one_never_rings()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob", width: 375);
        var carol = await SignedInAsync("Carol");

        await alice.CallAsync(bob);
        await bob.IncomingCall().GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(alice.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bob declined the call.");
        await alice.Page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();

        await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Call Bob", Exact = true }).ClickAsync();
        await bob.AnswerAsync(alice);
        await alice.AudioFlowingAsync();
        await carol.CallAsync(bob);
        await Expect(carol.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Bob is in another call.");
        await TestBrowser.ScreenshotAsync(bob.Page, "in-call");
        Assert.Equal(0, await bob.IncomingCall().CountAsync());
        await bob.HangUpAsync(alice);
    }

    [Fact]
    public async Task A_signalling_server_that_swaps_the_dtls_fingerprints_gets_no_call_and_both_people_are_warned()
    {
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob", width: 375);
        // A compromised server in the middle: every description it relays carries another DTLS fingerprint.
        foreach (var person in new[] { alice, bob })
            await person.Page.RouteWebSocketAsync(new Regex("/hubs/calls"), socket =>
            {
                var server = socket.ConnectToServer();
                // SignalR's JSON protocol: text frames only.
                socket.OnMessage(frame => server.Send(frame.Text!));
                server.OnMessage(frame => socket.Send(SwappedFingerprint().Replace(frame.Text!, match => match.Groups[1].Value + (match.Groups[2].Value == "00" ? "11" : "00"))));
            });
        await alice.Page.ReloadAsync();
        await bob.Page.ReloadAsync();
        await alice.ExpectSignedInAsync();
        await bob.ExpectSignedInAsync();

        await alice.CallAsync(bob);
        await bob.AnswerAsync(alice);
        await Expect(bob.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("its encryption could not be verified");
        await Expect(alice.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("its encryption could not be verified");
        await TestBrowser.ScreenshotAsync(bob.Page, "call-insecure");
        foreach (var person in new[] { alice, bob })
        {
            var figures = await PeerConnections.NewestAsync(person.Page);
            Assert.Equal(0, figures.BytesReceived);
            Assert.NotEqual("connected", figures.State);
        }
    }

    [GeneratedRegex("(a=fingerprint:sha-256 )([0-9A-F]{2})")]
    private static partial Regex SwappedFingerprint();
}
