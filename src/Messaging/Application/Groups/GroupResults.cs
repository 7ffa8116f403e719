using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Application.Conversations;

namespace ChatApp.Messaging.Application.Groups;

internal static class GroupResults
{
    /// <summary>For changes that never end the group: the group after the change.</summary>
    public static Result<ConversationDetail> Required(this Result<ConversationDetail?> result) =>
        result.Failure is { } failure ? failure : result.Value!;
}
