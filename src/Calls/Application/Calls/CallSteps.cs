using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Calls.Domain;

namespace ChatApp.Calls.Application.Calls;

/// <summary>
/// Takes a call one step: reads it, lets the domain decide, saves the result with its events and
/// tells both people's devices. Two steps at once (an answer on two devices, a hang-up as the
/// ring time runs out) are settled by the store: the one saved second is read again and decided
/// against the new state, so exactly one answer wins and the other learns why.
/// </summary>
public sealed class CallSteps(ICallStore store, ICallBroadcast broadcast, CallViews views, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <param name="userId">The person taking the step; someone else's call is not found. None for the server's own steps (time running out).</param>
    public async Task<Result<CallView>> TakeAsync(Guid callId, Guid? userId, Func<Call, DateTimeOffset, CallStep> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var call = await store.FindAsync(callId, cancellationToken);
            if (call is null || (userId is { } user && !call.IsParticipant(user)))
                return CallRefusals.NotFound;

            var now = clock.Now();
            var next = step(call, now);
            if (next.Refusal is { } refusal)
                return refusal.ToFailure();
            var after = next.Call!;
            if (after.Version == call.Version)
                return await views.OfAsync(after, cancellationToken);

            if (await store.TryUpdateAsync(after, CallEvents.Of(call, after, now), cancellationToken))
            {
                var view = await views.OfAsync(after, cancellationToken);
                await broadcast.CallChangedAsync(view, cancellationToken);
                return view;
            }
        }

        return new Failure(FailureKind.Conflict, "Busy call", "The call changed several times at once; try again.");
    }
}
