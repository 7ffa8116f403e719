using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Calls.Application.Calls;

/// <summary>The callee picks up on one device; their other devices stop ringing, the caller's devices learn who holds the call.</summary>
public sealed class AcceptCall(CallSteps steps)
{
    public Task<Result<CallView>> ExecuteAsync(CallDevice callee, Guid callId, CancellationToken cancellationToken) =>
        steps.TakeAsync(callId, callee.UserId, (call, now) => call.Accept(callee.UserId, callee.DeviceId, callee.ConnectionId, now), cancellationToken);
}

/// <summary>The callee declines a ringing call.</summary>
public sealed class RejectCall(CallSteps steps)
{
    public Task<Result<CallView>> ExecuteAsync(Guid userId, Guid callId, CancellationToken cancellationToken) =>
        steps.TakeAsync(callId, userId, (call, now) => call.Reject(userId, now), cancellationToken);
}

/// <summary>The caller gives up before anyone answered.</summary>
public sealed class CancelCall(CallSteps steps)
{
    public Task<Result<CallView>> ExecuteAsync(Guid userId, Guid callId, CancellationToken cancellationToken) =>
        steps.TakeAsync(callId, userId, (call, now) => call.Cancel(userId, now), cancellationToken);
}

/// <summary>Either person ends an answered call.</summary>
public sealed class HangUpCall(CallSteps steps)
{
    public Task<Result<CallView>> ExecuteAsync(Guid userId, Guid callId, CancellationToken cancellationToken) =>
        steps.TakeAsync(callId, userId, (call, now) => call.HangUp(userId, now), cancellationToken);
}

/// <summary>A device that holds a call comes back on a new connection (after a reconnect or a reload) and goes on with it.</summary>
public sealed class RejoinCall(CallSteps steps)
{
    public Task<Result<CallView>> ExecuteAsync(CallDevice device, Guid callId, CancellationToken cancellationToken) =>
        steps.TakeAsync(callId, device.UserId, (call, _) => call.Rejoin(device.UserId, device.DeviceId, device.ConnectionId), cancellationToken);
}
