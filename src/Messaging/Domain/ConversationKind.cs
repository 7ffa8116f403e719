using System.Text.Json.Serialization;

namespace ChatApp.Messaging.Domain;

/// <summary>A direct conversation holds exactly two people, one per pair; a group has a name, an owner, admins and members.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationKind>))]
public enum ConversationKind
{
    Direct,
    Group,
}
