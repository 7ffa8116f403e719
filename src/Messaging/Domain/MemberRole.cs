using System.Text.Json.Serialization;

namespace ChatApp.Messaging.Domain;

/// <summary>What a member may do in a group. Both people in a direct conversation are plain members.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
public enum MemberRole
{
    Member,
    Admin,
    Owner,
}
