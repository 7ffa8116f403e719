using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Domain;
using Microsoft.Extensions.Options;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>Replaces the envelope of a message I sent; members see it marked as edited.</summary>
public sealed class EditMessage(OwnMessageChange change, IOptions<MessagingOptions> options)
{
    public async Task<Result<MessageView>> ExecuteAsync(Guid userId, Guid conversationId, long sequence, string body, CancellationToken cancellationToken) =>
        MessageBody.IsWithin(body, options.Value.MaxBodyBytes)
            ? await change.ApplyAsync(userId, conversationId, sequence,
                (message, now) => message with { Body = body, EditedAt = now },
                "body = @Body, edited_at = @EditedAt", cancellationToken)
            : MessagingFailures.BodyTooLarge;
}
