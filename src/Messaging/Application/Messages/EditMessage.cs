using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Limits;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// Replaces the envelope of a message I sent; members see it marked as edited. The new envelope
/// holds keys for the members at the time of the edit, not those of the original message.
/// </summary>
public sealed class EditMessage(OwnMessageChange change, IRateLimits limits, IOptions<MessagingOptions> options)
{
    public async Task<Result<MessageView>> ExecuteAsync(Guid userId, Guid conversationId, long sequence, string body, CancellationToken cancellationToken)
    {
        if (await limits.RefusalAsync(userId, LimitedAction.Edit, cancellationToken) is { } tooMany)
            return tooMany;
        var envelope = SentEnvelope.Read(body, userId, options.Value.MaxBodyBytes);
        if (envelope.Failure is { } failure)
            return failure;
        return await change.ApplyAsync(userId, conversationId, sequence,
            (message, now) => message with { Body = body, EditedAt = now },
            members => envelope.Value!.CheckMembers(members),
            cancellationToken);
    }
}
