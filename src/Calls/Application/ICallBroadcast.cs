using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Application.Signalling;

namespace ChatApp.Calls.Application;

/// <summary>Pushes to connected devices, on whichever replica they are connected.</summary>
public interface ICallBroadcast
{
    /// <summary>Tells every device of both people how the call stands now (it rings, was answered here or elsewhere, ended).</summary>
    Task CallChangedAsync(CallView call, CancellationToken cancellationToken);

    /// <summary>Hands an offer, answer or network candidate to the one connection it is for.</summary>
    Task SignalAsync(string connectionId, CallSignal signal, CancellationToken cancellationToken);
}
