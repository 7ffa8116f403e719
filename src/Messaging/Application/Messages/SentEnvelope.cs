using ChatApp.BuildingBlocks.UseCases;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Application.Messages;

/// <summary>
/// The checks of a body that need no conversation: within the size limit, a well-formed
/// envelope (<see cref="MessageEnvelope"/>), and sent by the user it names. Whom it holds keys for
/// is checked against the conversation's members where they are known (and locked).
/// </summary>
internal static class SentEnvelope
{
    public static Result<MessageEnvelope> Read(string? body, Guid senderId, int maxBytes)
    {
        if (!MessageBody.IsWithin(body, maxBytes))
            return MessagingFailures.BodyTooLarge;
        var parsed = MessageEnvelope.Parse(body);
        return (parsed.Problem ?? parsed.Envelope!.SenderProblem(senderId)) is { } problem
            ? MessagingFailures.InvalidEnvelope(problem)
            : parsed.Envelope!;
    }

    /// <summary>Null when the envelope holds a key for exactly the <paramref name="members"/>.</summary>
    public static Failure? CheckMembers(this MessageEnvelope envelope, IReadOnlyCollection<Guid> members) =>
        envelope.MembersProblem(members) is { } problem ? MessagingFailures.InvalidEnvelope(problem) : null;
}
