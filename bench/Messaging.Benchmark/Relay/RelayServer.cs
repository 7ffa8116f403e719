using ChatApp.BuildingBlocks.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.Messaging.Benchmark.Relay;

/// <summary>
/// The baseline: a bare SignalR relay with the same hub path, token validation, JSON protocol and
/// call shapes as the chat hub, but no database, no Redis, no presence and no rules. Messages are
/// stamped and passed on; receipts are passed on. What Messaging costs beyond this is the price of
/// keeping messages.
/// </summary>
public static class RelayServer
{
    public const string Mode = "relay";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddTokenAuthentication();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIds>();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => "Healthy").AllowAnonymous(); // The token authentication denies by default.
        app.MapHub<RelayHub>("/hubs/chat");
        await app.RunAsync();
    }

    private sealed class SubjectUserIds : IUserIdProvider
    {
        public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst(ChatAppClaims.UserId)?.Value;
    }
}

/// <summary>Same names as the chat hub's methods; the conversation is named by the peer's id, since nothing is stored to look it up.</summary>
[Authorize]
public sealed class RelayHub : Hub
{
    private static long _sequence;

    public async Task<RelayedMessage> SendMessage(Guid peerId, RelayedRequest message)
    {
        var sender = Context.UserIdentifier!;
        var relayed = new RelayedMessage(peerId, Interlocked.Increment(ref _sequence), Guid.Parse(sender), message.ClientMessageId, message.Body, DateTimeOffset.UtcNow);
        await Clients.Users([sender, peerId.ToString()]).SendAsync("MessageReceived", relayed);
        return relayed;
    }

    public Task UpdateReceipts(Guid peerId, RelayedReceipt receipt) =>
        Clients.Users([Context.UserIdentifier!, peerId.ToString()]).SendAsync("ReceiptsChanged", receipt);
}

public sealed record RelayedRequest(Guid ClientMessageId, string Body, long? ReplyToSequence);

public sealed record RelayedMessage(Guid ConversationId, long Sequence, Guid SenderId, Guid ClientMessageId, string Body, DateTimeOffset SentAt);

public sealed record RelayedReceipt(long? DeliveredSequence, long? ReadSequence);
