using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// How quickly a call rings and then carries sound, in real Chromium pages over the whole system:
/// from pressing the phone to the callee's dialog, and from pressing Answer to audio arriving on
/// both sides (the time ICE and DTLS take on loopback). Times are read in the pages themselves.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CallLatencyTests(WholeSystemFixture system) : BrowserTest(system)
{
    [Fact]
    [Trait("Category", "Measurement")]
    public async Task A_call_rings_and_carries_sound_within_a_fraction_of_a_second()
    {
        const int Calls = 10;
        var alice = await SignedInAsync("Alice");
        var bob = await SignedInAsync("Bob");
        await alice.OpenChatWithAsync(bob);
        List<double> ringing = [], audio = [];
        for (var i = 0; i < Calls; i++)
        {
            await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Call Bob", Exact = true }).ClickAsync();
            await bob.AnswerAsync(alice);
            var aliceHears = PeerConnections.AudioArrivedAtAsync(alice.Page);
            var bobHears = PeerConnections.AudioArrivedAtAsync(bob.Page);
            var audioBothWays = Math.Max(await aliceHears, await bobHears);
            ringing.Add(await PeerConnections.MarkAsync(bob.Page, "chatapp:incoming-call") - await PeerConnections.MarkAsync(alice.Page, "chatapp:call-started"));
            audio.Add(audioBothWays - await PeerConnections.MarkAsync(bob.Page, "chatapp:call-accepted"));
            await alice.HangUpAsync(bob);
            await Expect(bob.CallBar(alice)).ToBeHiddenAsync();
            await Expect(alice.CallBar(bob)).ToBeHiddenAsync();
        }

        var report = $"in Chromium over the whole system, {Calls} calls: press call → callee's dialog p50 {Figures.Median(ringing):F0} ms (max {ringing.Max():F0}); " +
            $"answer → audio arriving both ways p50 {Figures.Median(audio):F0} ms (max {audio.Max():F0})";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "call-latency.txt"), report + Environment.NewLine);
        Assert.True(Figures.Median(ringing) < 1000 && Figures.Median(audio) < 3000, report);
    }
}
