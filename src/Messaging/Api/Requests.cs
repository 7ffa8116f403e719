using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Domain;

namespace ChatApp.Messaging.Api;

// Bodies of the REST endpoints and arguments of the hub methods alike. Fields are nullable so a
// missing one gets a clear 400 (or hub error) from its validator instead of a default value.

/// <summary>A new message: an id the device made (a retry with the same id is not stored twice), the encrypted envelope, what it replies to.</summary>
public sealed record NewMessageRequest(Guid? ClientMessageId, string? Body, long? ReplyToSequence)
{
    public NewMessage ToMessage(string? answeredConnection = null) => new(ClientMessageId!.Value, Body!, ReplyToSequence, answeredConnection);
}

public sealed record EditMessageRequest(string? Body);

/// <summary>How far one of my devices has received and/or shown me a conversation.</summary>
public sealed record ReceiptRequest(long? DeliveredSequence, long? ReadSequence);

/// <summary>Where the device stands in each conversation it knows.</summary>
public sealed record SyncRequest(IReadOnlyList<SyncCursor>? Conversations);

public sealed record CreateGroupRequest(string? Name, IReadOnlyList<Guid>? MemberIds);

public sealed record RenameGroupRequest(string? Name);

public sealed record AddMembersRequest(IReadOnlyList<Guid>? UserIds);

public sealed record ChangeRoleRequest(MemberRole? Role);

public sealed record HandOverRequest(Guid? UserId);

/// <summary>Leaving a group; an owner may name who takes over.</summary>
public sealed record LeaveGroupRequest(Guid? NewOwnerId);
