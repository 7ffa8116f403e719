using ChatApp.BuildingBlocks.UseCases;

namespace ChatApp.Messaging.Application;

/// <summary>
/// The ways a messaging use case refuses. A conversation someone is not a member of answers
/// exactly like one that does not exist, so nobody learns which conversations exist.
/// </summary>
public static class MessagingFailures
{
    public static readonly Failure ConversationNotFound =
        new(FailureKind.NotFound, "Conversation not found", "There is no such conversation, or you are not a member of it.");

    public static readonly Failure MessageNotFound =
        new(FailureKind.NotFound, "Message not found", "There is no such message in this conversation.");

    public static readonly Failure UserNotFound =
        new(FailureKind.NotFound, "User not found", "There is no such user.");

    public static readonly Failure NotAGroup =
        new(FailureKind.Conflict, "Not a group", "Only groups have names, roles and a changing membership.");

    public static readonly Failure NotYourMessage =
        new(FailureKind.Forbidden, "Not your message", "Only the sender may edit or delete a message.");

    public static readonly Failure MessageDeleted =
        new(FailureKind.Gone, "Message deleted", "The message was deleted and can no longer be edited.");

    public static readonly Failure CannotMessageYourself =
        Failure.Field(FailureKind.Invalid, "Not a conversation", "recipientId", "Choose someone other than yourself.");

    public static Failure PageSizeOutOfRange(int maxPageSize) =>
        Failure.Field(FailureKind.Invalid, "Bad page size", "limit", $"Ask for 1 to {maxPageSize} at a time.");

    public static Failure RoleTooLow(string action) =>
        new(FailureKind.Forbidden, "Not allowed", $"Your role in this group does not allow you to {action}.");

    // field: the request field that named the people (memberIds when creating, userIds when adding,
    // newOwnerId when leaving), so a client can show the error next to what the user filled in.
    public static Failure GroupFull(int maxMembers, string field = "userIds") =>
        Failure.Field(FailureKind.Conflict, "Group full", field, $"A group holds at most {maxMembers} people.");

    public static Failure UnknownUsers(IEnumerable<Guid> ids, string field = "userIds") =>
        Failure.Field(FailureKind.Invalid, "Unknown users", field, $"No such users: {string.Join(", ", ids)}.");

    public static Failure NotAMember(Guid userId, string field = "userId") =>
        Failure.Field(FailureKind.NotFound, "Not a member", field, $"{userId} is not a member of this group.");

    public static readonly Failure ClientIdReused =
        Failure.Field(FailureKind.Conflict, "Client message id reused", "clientMessageId", "This id belongs to a message in another conversation.");

    public static readonly Failure ReplyNotFound =
        Failure.Field(FailureKind.Invalid, "No such message", "replyToSequence", "The message replied to is not in this conversation.");

    public static readonly Failure BodyTooLarge =
        Failure.Field(FailureKind.Invalid, "Message too large", "body", "The message is larger than the server accepts.");

    /// <summary>Over the person's rate limit, or the service too busy to take more now: try again after <paramref name="retryAfter"/>.</summary>
    public static Failure RateLimited(TimeSpan retryAfter) =>
        new(FailureKind.TooManyRequests, "Too many requests", $"Slow down: try again in {Math.Max(0.1, retryAfter.TotalSeconds):0.#} seconds.") { RetryAfter = retryAfter };

    /// <summary>An envelope the server refuses (<see cref="Domain.MessageEnvelope"/>): malformed, of another sender, or with the wrong recipients.</summary>
    public static Failure InvalidEnvelope(string problem) =>
        Failure.Field(FailureKind.Invalid, "Invalid envelope", "body", problem);
}
