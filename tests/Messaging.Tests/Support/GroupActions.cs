namespace ChatApp.Messaging.Tests.Support;

/// <summary>Every way of managing a group over REST, by name, with a valid body: for tests of who may do which.</summary>
internal static class GroupActions
{
    public static Task<HttpResponseMessage> CallAsync(TestUser actor, Guid conversationId, string action, TestUser target) => action switch
    {
        "rename" => actor.CallAsync(HttpMethod.Patch, $"/groups/{conversationId}", new { name = "Renamed" }),
        "add" => actor.CallAsync(HttpMethod.Post, $"/groups/{conversationId}/members", new { userIds = new[] { target.Id } }),
        "remove" => actor.CallAsync(HttpMethod.Delete, $"/groups/{conversationId}/members/{target.Id}"),
        "role" => actor.CallAsync(HttpMethod.Put, $"/groups/{conversationId}/members/{target.Id}/role", new { role = "Admin" }),
        "demote" => actor.CallAsync(HttpMethod.Put, $"/groups/{conversationId}/members/{target.Id}/role", new { role = "Member" }),
        "hand over" => actor.CallAsync(HttpMethod.Post, $"/groups/{conversationId}/owner", new { userId = target.Id }),
        "leave" => actor.CallAsync(HttpMethod.Post, $"/groups/{conversationId}/leave", new { }),
        "delete" => actor.CallAsync(HttpMethod.Delete, $"/groups/{conversationId}"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown group action."),
    };
}
