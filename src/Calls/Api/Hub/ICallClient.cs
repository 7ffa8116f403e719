using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Application.Signalling;

namespace ChatApp.Calls.Api.Hub;

/// <summary>What the server pushes to a device connected to <c>/hubs/calls</c>.</summary>
public interface ICallClient
{
    /// <summary>A call of this person changed: it rings, was answered (here or on another device), someone is reconnecting, it ended.</summary>
    Task CallChanged(CallView call);

    /// <summary>An offer, answer or network candidate from the other device of the call this device holds.</summary>
    Task CallSignal(CallSignal signal);
}
