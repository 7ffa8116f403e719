using ChatApp.Calls.Application;
using ChatApp.Calls.Application.Calls;
using ChatApp.Calls.Application.Signalling;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Calls.Api.Hub;

/// <summary>Pushes through the hub; the Redis backplane carries them to connections on other replicas.</summary>
internal sealed class SignalRCallBroadcast(IHubContext<CallHub, ICallClient> hub) : ICallBroadcast
{
    public Task CallChangedAsync(CallView call, CancellationToken cancellationToken) =>
        hub.Clients.Users([call.Caller.Id.ToString(), call.Callee.Id.ToString()]).CallChanged(call);

    public Task SignalAsync(string connectionId, CallSignal signal, CancellationToken cancellationToken) =>
        hub.Clients.Client(connectionId).CallSignal(signal);
}
