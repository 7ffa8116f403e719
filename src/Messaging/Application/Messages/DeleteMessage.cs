using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>Deletes a message I sent, for everyone: its envelope is erased and a tombstone keeps its place.</summary>
public sealed class DeleteMessage(OwnMessageChange change)
{
    public Task<Result<MessageView>> ExecuteAsync(Guid userId, Guid conversationId, long sequence, CancellationToken cancellationToken) =>
        change.ApplyAsync(userId, conversationId, sequence,
            (message, now) => message with { Body = null, DeletedAt = now }, checkMembers: null, cancellationToken);
}
