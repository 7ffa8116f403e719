using ChatApp.BuildingBlocks.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace ChatApp.BuildingBlocks.Realtime;

/// <summary>SignalR addresses a user by the token's subject, written the way <see cref="Guid.ToString()"/> writes ids.</summary>
public sealed class SubjectUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        Guid.TryParse(connection.User.FindFirst(ChatAppClaims.UserId)?.Value, out var id) ? id.ToString() : null;
}
