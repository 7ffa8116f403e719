using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApp.Calls.Api;
using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Application.Signalling;
using ChatApp.Calls.Domain;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApp.Calls.Tests.Support;

/// <summary>
/// One device of a person connected to the real call hub over WebSockets, recording what the
/// server pushes to it, with the hub methods a client calls.
/// </summary>
public sealed class TestDevice : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private TestDevice(HubConnection connection, Person person, Guid deviceId)
    {
        Connection = connection;
        Person = person;
        DeviceId = deviceId;
        connection.On<CallView>("CallChanged", Changes.Enqueue);
        connection.On<CallSignal>("CallSignal", Signals.Enqueue);
    }

    public HubConnection Connection { get; }

    public Person Person { get; }

    public Guid DeviceId { get; }

    public ConcurrentQueue<CallView> Changes { get; } = new();

    public ConcurrentQueue<CallSignal> Signals { get; } = new();

    public static async Task<TestDevice> ConnectAsync(Person person, CallsReplica replica, Guid deviceId, string? token = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(replica.HubAddress, $"?device={deviceId}"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token ?? person.Fixture.Tokens.Issue(person.Id, person.Username));
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)))
            .Build();
        var device = new TestDevice(connection, person, deviceId);
        await connection.StartAsync();
        // The handshake completes before the server has subscribed the connection to its user's
        // pushes through Redis; a round trip is answered only after that.
        await device.CurrentCallAsync();
        return device;
    }

    public Task<CallView> InviteAsync(Person callee) => InviteAsync(callee.Id);

    public Task<CallView> InviteAsync(Guid? calleeId) => Connection.InvokeAsync<CallView>("Invite", new InviteRequest(calleeId));

    public Task<CallView> AcceptAsync(Guid callId) => Connection.InvokeAsync<CallView>("Accept", callId);

    public Task<CallView> RejectAsync(Guid callId) => Connection.InvokeAsync<CallView>("Reject", callId);

    public Task<CallView> CancelAsync(Guid callId) => Connection.InvokeAsync<CallView>("Cancel", callId);

    public Task<CallView> HangUpAsync(Guid callId) => Connection.InvokeAsync<CallView>("HangUp", callId);

    public Task<CallView> RejoinAsync(Guid callId) => Connection.InvokeAsync<CallView>("Rejoin", callId);

    public Task<CallView?> CurrentCallAsync() => Connection.InvokeAsync<CallView?>("GetCurrentCall");

    public Task SendDescriptionAsync(Guid callId, string type, string sdp) =>
        Connection.InvokeAsync("SendDescription", callId, new DescriptionRequest(type, sdp));

    public Task SendCandidateAsync(Guid callId, string candidate, string? sdpMid = "0", int? sdpMLineIndex = 0) =>
        Connection.InvokeAsync("SendCandidate", callId, new CandidateRequest(candidate, sdpMid, sdpMLineIndex));

    /// <summary>The first pushed change of the call that matches, waiting for it.</summary>
    public Task<CallView> WaitForChangeAsync(Guid callId, Func<CallView, bool> matches, string what) =>
        WaitForAsync(Changes, change => change.Id == callId && matches(change), what);

    public Task<CallView> WaitForStateAsync(Guid callId, CallState state, TimeSpan? patience = null) =>
        WaitForAsync(Changes, change => change.Id == callId && change.State == state, $"{state} push to {Person}'s device", patience);

    /// <summary>The ringing push of an incoming call from <paramref name="caller"/>.</summary>
    public Task<CallView> WaitForRingAsync(Person caller) =>
        WaitForAsync(Changes, change => change.Caller.Id == caller.Id && change.State == CallState.Ringing, $"ring from {caller} on {Person}'s device");

    public static async Task<T> WaitForAsync<T>(ConcurrentQueue<T> queue, Func<T, bool> matches, string what, TimeSpan? patience = null)
    {
        T? found = default;
        await Eventually.HoldsAsync(() =>
        {
            found = queue.FirstOrDefault(matches);
            return found is not null;
        }, patience ?? Patience, () => $"No {what} arrived.");
        return found!;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
