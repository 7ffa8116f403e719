using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Testing;

public static class HubConnectionClosed
{
    /// <summary>Completes when the server (or anything) closes the connection, with the error it closed with.</summary>
    public static Task<Exception?> ClosedAsync(this HubConnection connection)
    {
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };
        return closed.Task;
    }
}
