using System.Threading.RateLimiting;
using ChatApp.BuildingBlocks.Authentication;
using ChatApp.BuildingBlocks.Realtime;
using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Application.Signalling;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Calls.Api.Hub;

/// <summary>
/// Voice calls in real time at <c>/hubs/calls</c>. A device connects with <c>?device=</c> and an
/// id it keeps across reconnections (a browser tab keeps one per tab): the call is held by a
/// device, so a device that comes back on a new connection can <see cref="Rejoin"/> its call.
/// Failures are <see cref="HubException"/>s with a stable code, as on the chat hub. The
/// connection closes when its access token expires; the device reconnects and rejoins.
/// </summary>
[Authorize]
public sealed partial class CallHub(LoseConnection loseConnection, ILogger<CallHub> logger) : Hub<ICallClient>
{
    public const string DeviceParameter = "device";

    /// <summary>Offers, answers and candidates a connection may send per window: a call needs a few dozen, a flood is refused.</summary>
    public const int SignalsPerWindow = 100;

    public static readonly TimeSpan SignalWindow = TimeSpan.FromSeconds(10);

    private const string DeviceKey = "chatapp.device";
    private const string SignalLimiterKey = "chatapp.signal-limiter";

    private CallDevice Device => new(Context.User!.GetUserId(), (Guid)Context.Items[DeviceKey]!, Context.ConnectionId);

    private Guid Me => Context.User!.GetUserId();

    public override Task OnConnectedAsync()
    {
        // A client that names no device gets one for this connection alone: it cannot rejoin after a reconnect.
        var named = Context.GetHttpContext()?.Request.Query[DeviceParameter].ToString();
        Context.Items[DeviceKey] = Guid.TryParse(named, out var device) && device != Guid.Empty ? device : Guid.NewGuid();
        Context.Items[SignalLimiterKey] = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = SignalsPerWindow,
            Window = SignalWindow,
            QueueLimit = 0,
        });
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        (Context.Items[SignalLimiterKey] as IDisposable)?.Dispose();
        try
        {
            await loseConnection.ExecuteAsync(Context.ConnectionId, CancellationToken.None);
        }
        catch (Exception ex) when (ex is MySqlConnector.MySqlException or TimeoutException)
        {
            // The call stays as it was; the device, if it comes back, rejoins it, and the other person can hang up.
            LogLossNotRecorded(logger, ex, Context.ConnectionId);
        }
    }

    public async Task<CallView> Invite(InviteRequest request, StartCall start, IValidator<InviteRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(request);
        return (await start.ExecuteAsync(Device, request.CalleeId!.Value, Context.ConnectionAborted)).OrThrow();
    }

    public async Task<CallView> Accept(Guid callId, AcceptCall accept) =>
        (await accept.ExecuteAsync(Device, callId, Context.ConnectionAborted)).OrThrow();

    public async Task<CallView> Reject(Guid callId, RejectCall reject) =>
        (await reject.ExecuteAsync(Me, callId, Context.ConnectionAborted)).OrThrow();

    public async Task<CallView> Cancel(Guid callId, CancelCall cancel) =>
        (await cancel.ExecuteAsync(Me, callId, Context.ConnectionAborted)).OrThrow();

    public async Task<CallView> HangUp(Guid callId, HangUpCall hangUp) =>
        (await hangUp.ExecuteAsync(Me, callId, Context.ConnectionAborted)).OrThrow();

    public async Task<CallView> Rejoin(Guid callId, RejoinCall rejoin) =>
        (await rejoin.ExecuteAsync(Device, callId, Context.ConnectionAborted)).OrThrow();

    /// <summary>The call this person is in, ringing or answered, or null: what an app shows when it opens.</summary>
    public Task<CallView?> GetCurrentCall(GetCurrentCall current) =>
        current.ExecuteAsync(Me, Context.ConnectionAborted);

    public async Task SendDescription(Guid callId, DescriptionRequest description, RelaySignal relay, IValidator<DescriptionRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(description);
        var kind = description.Type == "offer" ? SignalKind.Offer : SignalKind.Answer;
        await RelayAsync(relay, new CallSignal(callId, kind, description.Sdp, null, null, null));
    }

    public async Task SendCandidate(Guid callId, CandidateRequest candidate, RelaySignal relay, IValidator<CandidateRequest> validator)
    {
        await validator.ThrowIfInvalidAsync(candidate);
        await RelayAsync(relay, new CallSignal(callId, SignalKind.Candidate, null, candidate.Candidate, candidate.SdpMid, candidate.SdpMLineIndex));
    }

    private async Task RelayAsync(RelaySignal relay, CallSignal signal)
    {
        using var lease = ((RateLimiter)Context.Items[SignalLimiterKey]!).AttemptAcquire();
        if (!lease.IsAcquired)
            throw new HubException($"too-many-requests: Too many signals. A connection may send {SignalsPerWindow} every {SignalWindow.TotalSeconds:0} seconds.");
        if (await relay.ExecuteAsync(Device, signal, Context.ConnectionAborted) is { } failure)
            throw failure.ToHubException();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The loss of connection {ConnectionId} could not be recorded on its call")]
    private static partial void LogLossNotRecorded(ILogger logger, Exception exception, string connectionId);
}
