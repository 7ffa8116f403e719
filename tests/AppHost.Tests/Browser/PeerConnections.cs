using System.Text.Json;
using Microsoft.Playwright;

namespace ChatApp.AppHost.Tests.Browser;

/// <summary>
/// What the tests see of the app's WebRTC: every RTCPeerConnection a page makes is kept in
/// <c>window.__peers</c> for its state and <c>getStats()</c>. Two rules keep the calls of the
/// tests on this machine's loopback, as the machine requires: a remote candidate is used only if
/// its address is 127.0.0.1 or ::1 (Chromium also offers the other interfaces' addresses), and a
/// context marked relay-only (<see cref="RelayOnlyAsync"/>) makes every connection with
/// <c>iceTransportPolicy: "relay"</c>, so its audio must go through the TURN server.
/// </summary>
public static class PeerConnections
{
    public const string Script = """
        (() => {
          const Native = window.RTCPeerConnection;
          if (!Native) return;
          window.__peers = [];
          const loopback = (init) => {
            const text = (init && init.candidate) || '';
            if (text === '') return true;
            const address = text.split(' ')[4];
            return address === '127.0.0.1' || address === '::1';
          };
          window.RTCPeerConnection = function (configuration) {
            const relayOnly = sessionStorage.getItem('test.relay-only') === 'true';
            const peer = new Native(relayOnly ? { ...configuration, iceTransportPolicy: 'relay' } : configuration);
            const add = peer.addIceCandidate.bind(peer);
            peer.addIceCandidate = (candidate) => (loopback(candidate) ? add(candidate) : Promise.resolve());
            window.__peers.push(peer);
            return peer;
          };
          window.RTCPeerConnection.prototype = Native.prototype;
        })();
        """;

    /// <summary>From the next call on, this page's connections may only use TURN relays.</summary>
    public static Task RelayOnlyAsync(IPage page) => page.EvaluateAsync("() => sessionStorage.setItem('test.relay-only', 'true')");

    /// <summary>When (Unix ms, read in the page) the newest connection first had audio bytes in, looking every 5 ms.</summary>
    public static Task<double> AudioArrivedAtAsync(IPage page) => page.EvaluateAsync<double>("""
        async () => {
          for (;;) {
            const peer = window.__peers[window.__peers.length - 1];
            if (peer && peer.connectionState === 'connected') {
              const stats = [...(await peer.getStats()).values()];
              const inbound = stats.find((s) => s.type === 'inbound-rtp' && s.kind === 'audio');
              if (inbound && inbound.bytesReceived > 0) return performance.timeOrigin + performance.now();
            }
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        }
        """);

    /// <summary>When (Unix ms) the page last set the performance mark <paramref name="name"/>.</summary>
    public static Task<double> MarkAsync(IPage page, string name) =>
        page.EvaluateAsync<double>("(name) => performance.timeOrigin + performance.getEntriesByName(name).at(-1).startTime", name);

    /// <summary>The newest connection's state and audio figures: connection state, bytes received, the selected pair's local candidate type.</summary>
    public static async Task<PeerFigures> NewestAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const peer = window.__peers[window.__peers.length - 1];
              if (!peer) return null;
              const stats = [...(await peer.getStats()).values()];
              const inbound = stats.find((s) => s.type === 'inbound-rtp' && s.kind === 'audio');
              // The pair in use is the transport's selected one; a nominated, succeeded pair may not be
              // marked so yet in the first stats after audio starts.
              const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
              const pair = transport
                ? stats.find((s) => s.id === transport.selectedCandidatePairId)
                : stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
              const local = pair && stats.find((s) => s.id === pair.localCandidateId);
              const remote = pair && stats.find((s) => s.id === pair.remoteCandidateId);
              return {
                state: peer.connectionState,
                bytesReceived: inbound ? inbound.bytesReceived : 0,
                packetsReceived: inbound ? inbound.packetsReceived : 0,
                localCandidateType: local ? local.candidateType : null,
                remoteCandidateType: remote ? remote.candidateType : null,
                remoteAddress: remote ? remote.address : null,
              };
            }
            """);
        return json.ValueKind == JsonValueKind.Null
            ? new PeerFigures("none", 0, 0, null, null, null)
            : new PeerFigures(
                json.GetProperty("state").GetString()!,
                json.GetProperty("bytesReceived").GetInt64(),
                json.GetProperty("packetsReceived").GetInt64(),
                json.GetProperty("localCandidateType").GetString(),
                json.GetProperty("remoteCandidateType").GetString(),
                json.GetProperty("remoteAddress").GetString());
    }
}

public sealed record PeerFigures(string State, long BytesReceived, long PacketsReceived, string? LocalCandidateType, string? RemoteCandidateType, string? RemoteAddress);
