using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Calls.Application.Users;
using ChatApp.Calls.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Calls.Application.Calls;

/// <summary>
/// A person calls another: the call is created ringing, every device of the callee rings and
/// every device of the caller hears it ring. Someone already in a call gets a busy call instead,
/// which never rings; a caller already in a call is refused.
/// </summary>
public sealed class StartCall(ICallStore store, ICallBroadcast broadcast, IUserDirectory directory, IOptions<CallsOptions> options, TimeProvider clock)
{
    public async Task<Result<CallView>> ExecuteAsync(CallDevice caller, Guid calleeId, CancellationToken cancellationToken)
    {
        var people = await directory.FindAsync([caller.UserId, calleeId], cancellationToken);
        if (!people.ContainsKey(calleeId))
            return new Failure(FailureKind.NotFound, "No such person", "There is nobody with this id to call.");

        var now = clock.Now();
        var started = Call.Start(Guid.CreateVersion7(), caller.UserId, caller.DeviceId, caller.ConnectionId, calleeId, now, options.Value.Timings);
        if (started.Refusal is { } refusal)
            return refusal.ToFailure();
        var call = started.Call!;

        switch (await store.TryStartAsync(call, cancellationToken))
        {
            case CallStart.CallerInAnotherCall:
                return new Failure(FailureKind.Conflict, "Already in a call", "End the call you are in before starting another.");
            case CallStart.CalleeInAnotherCall:
                var busy = Call.Busy(call.Id, caller.UserId, caller.DeviceId, calleeId, now);
                await store.AddEndedAsync(busy, CallEvents.Of(null, busy, now), cancellationToken);
                // Only the caller hears it: the callee's devices, busy with their call, are not disturbed.
                return CallView.Of(busy, people);
            default:
                var view = CallView.Of(call, people);
                await broadcast.CallChangedAsync(view, cancellationToken);
                return view;
        }
    }
}
