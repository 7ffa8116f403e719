using System.Collections.Concurrent;
using System.Diagnostics;
using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Domain;
using ChatApp.Calls.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Calls.Tests.Api;

/// <summary>
/// How long from a caller's invite to the callee's device ringing, over two replicas and the
/// Redis backplane, against the baseline of a plain hub round trip measured in the same run.
/// Run alone by ./test.sh (the Measurement category), so other test projects do not share the cores.
/// </summary>
public sealed class RingLatencyTests(CallsFixture fixture)
{
    [Fact]
    [Trait("Category", "Measurement")]
    public async Task The_callees_device_rings_within_milliseconds_of_the_invite()
    {
        const int Calls = 100;
        var (alice, bob) = (await fixture.CreatePersonAsync(), await fixture.CreatePersonAsync());
        await using var alicePhone = await alice.ConnectAsync();
        await using var bobPhone = await bob.ConnectAsync(fixture.Secondary);
        var rang = new ConcurrentDictionary<Guid, long>();
        bobPhone.Connection.On<CallView>("CallChanged", change =>
        {
            if (change.State == CallState.Ringing)
                rang.TryAdd(change.Id, Stopwatch.GetTimestamp());
        });

        List<double> ringing = [], roundTrips = [];
        for (var i = 0; i < Calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await alicePhone.CurrentCallAsync();
            roundTrips.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            started = Stopwatch.GetTimestamp();
            var call = await alicePhone.InviteAsync(bob);
            // Waits on this handler's record, not the device's queue: the two handlers of a push run one after the other.
            await ChatApp.Testing.Eventually.HoldsAsync(() => rang.ContainsKey(call.Id), TimeSpan.FromSeconds(15), () => "Bob's device did not ring.");
            ringing.Add(Stopwatch.GetElapsedTime(started, rang[call.Id]).TotalMilliseconds);
            await alicePhone.CancelAsync(call.Id);
        }

        double P(List<double> samples, double p) => samples.Order().ElementAt((int)Math.Round(p * (samples.Count - 1)));
        var report = $"invite → callee's device ringing (other replica), {Calls} calls: p50 {P(ringing, 0.5):F1} ms, p95 {P(ringing, 0.95):F1} ms, max {ringing.Max():F1} ms; " +
            $"baseline hub round trip p50 {P(roundTrips, 0.5):F1} ms, p95 {P(roundTrips, 0.95):F1} ms; ratio of medians {P(ringing, 0.5) / P(roundTrips, 0.5):F1}×";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ring-latency.txt"), report + Environment.NewLine);
        Assert.True(P(ringing, 0.95) < 250, report);
    }
}
