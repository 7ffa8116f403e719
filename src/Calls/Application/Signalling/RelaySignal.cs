using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Calls.Application.Calls;

namespace ChatApp.Calls.Application.Signalling;

/// <summary>
/// Passes an offer, answer or candidate from the device holding one side of an answered call to
/// the device holding the other side. Anyone else, any other device, and any call not answered
/// (or over) is refused: nothing reaches a call from outside it.
/// </summary>
public sealed class RelaySignal(ICallStore store, ICallBroadcast broadcast)
{
    public async Task<Failure?> ExecuteAsync(CallDevice sender, CallSignal signal, CancellationToken cancellationToken)
    {
        var call = await store.FindAsync(signal.CallId, cancellationToken);
        if (call is null)
            return CallRefusals.NotFound;
        if (call.RouteSignal(sender.UserId, sender.DeviceId, out var target) is { } refusal)
            return refusal.ToFailure();
        await broadcast.SignalAsync(target, signal, cancellationToken);
        return null;
    }
}
