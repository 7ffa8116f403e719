using ChatApp.Testing;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>
/// Bad input over REST: a 400 problem naming the field that is wrong (one message per field, as
/// the validators in Api/Validators.cs say), before the use case runs, so nothing changes.
/// Paths name the scene's group as {group} and its plain member as {member}.
/// </summary>
public sealed class ValidationTests(MessagingFixture fixture)
{
    private const string EmptyId = "00000000-0000-0000-0000-000000000000";
    private static readonly string SomeId = Guid.NewGuid().ToString();

    public static TheoryData<string, string, string, string> InvalidFields() => new()
    {
        // method, path, JSON body, the field named in errors; @envelope is a valid message envelope (a JSON string)
        { "POST", "/conversations/{group}/messages", """{"body":@envelope}""", "clientMessageId" },
        { "POST", "/conversations/{group}/messages", $$"""{"clientMessageId":"{{EmptyId}}","body":@envelope}""", "clientMessageId" },
        { "POST", "/conversations/{group}/messages", $$"""{"clientMessageId":"{{SomeId}}"}""", "body" },
        { "POST", "/conversations/{group}/messages", $$"""{"clientMessageId":"{{SomeId}}","body":""}""", "body" },
        { "POST", "/conversations/{group}/messages", $$"""{"clientMessageId":"{{SomeId}}","body":@envelope,"replyToSequence":0}""", "replyToSequence" },
        { "POST", "/conversations/{group}/messages", $$"""{"clientMessageId":"{{SomeId}}","body":@envelope,"replyToSequence":-1}""", "replyToSequence" },
        { "POST", "/direct/{member}/messages", """{"body":@envelope}""", "clientMessageId" },
        { "POST", "/direct/{member}/messages", $$"""{"clientMessageId":"{{SomeId}}","body":""}""", "body" },
        { "PUT", "/conversations/{group}/messages/1", "{}", "body" },
        { "PUT", "/conversations/{group}/messages/1", """{"body":""}""", "body" },
        { "POST", "/conversations/{group}/receipts", "{}", "deliveredSequence" },
        { "POST", "/conversations/{group}/receipts", """{"deliveredSequence":-1}""", "deliveredSequence" },
        { "POST", "/conversations/{group}/receipts", """{"readSequence":-1}""", "readSequence" },
        { "POST", "/sync", "{}", "conversations" },
        { "POST", "/sync", $$"""{"conversations":[{"conversationId":"{{EmptyId}}","afterVersion":0}]}""", "conversations[0]" },
        { "POST", "/sync", $$"""{"conversations":[{"conversationId":"{{SomeId}}","afterVersion":-1}]}""", "conversations[0]" },
        { "POST", "/sync", """{"conversations":[null]}""", "conversations[0]" },
        { "POST", "/sync", $$"""{"conversations":[{{string.Join(",", Enumerable.Repeat($$"""{"conversationId":"{{SomeId}}","afterVersion":0}""", 5001))}}]}""", "conversations" },
        { "POST", "/groups", """{"memberIds":[]}""", "name" },
        { "POST", "/groups", """{"name":"","memberIds":[]}""", "name" },
        { "POST", "/groups", """{"name":"   ","memberIds":[]}""", "name" },
        { "POST", "/groups", $$"""{"name":"{{new string('n', 65)}}","memberIds":[]}""", "name" },
        { "POST", "/groups", """{"name":"bell\u0007","memberIds":[]}""", "name" },
        { "POST", "/groups", """{"name":"Group"}""", "memberIds" },
        { "POST", "/groups", $$"""{"name":"Group","memberIds":[{{string.Join(",", Enumerable.Range(0, 256).Select(_ => $"\"{Guid.NewGuid()}\""))}}]}""", "memberIds" },
        { "PATCH", "/groups/{group}", "{}", "name" },
        { "PATCH", "/groups/{group}", """{"name":" "}""", "name" },
        { "PATCH", "/groups/{group}", $$"""{"name":"{{new string('n', 65)}}"}""", "name" },
        { "POST", "/groups/{group}/members", "{}", "userIds" },
        { "POST", "/groups/{group}/members", """{"userIds":[]}""", "userIds" },
        { "POST", "/groups/{group}/members", $$"""{"userIds":[{{string.Join(",", Enumerable.Range(0, 257).Select(_ => $"\"{Guid.NewGuid()}\""))}}]}""", "userIds" },
        { "PUT", "/groups/{group}/members/{member}/role", "{}", "role" },
        { "PUT", "/groups/{group}/members/{member}/role", """{"role":7}""", "role" },
        { "POST", "/groups/{group}/owner", "{}", "userId" },
        { "POST", "/groups/{group}/owner", $$"""{"userId":"{{EmptyId}}"}""", "userId" },
        { "POST", "/groups/{group}/leave", $$"""{"newOwnerId":"{{EmptyId}}"}""", "newOwnerId" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task Each_invalid_field_gets_400_naming_that_field_and_changes_nothing(string method, string path, string json, string field)
    {
        var (owner, member, groupId) = await SceneAsync();

        // The owner's envelope for the two of them: the same members in the group and in their direct conversation.
        var envelope = JsonSerializer.Serialize(Envelopes.For(owner, [owner, member], "x"));
        json = json.Replace("@envelope", envelope, StringComparison.Ordinal);
        await Refusals.AssertRefusedAndUnchangedAsync(() => StateAsync(owner, member, groupId),
            () => CallAsync(owner, method, Resolve(path, groupId, member), new StringContent(json, Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, field);
    }

    public static TheoryData<string, string> EndpointsWithBodies() => new()
    {
        { "POST", "/conversations/{group}/messages" },
        { "POST", "/direct/{member}/messages" },
        { "PUT", "/conversations/{group}/messages/1" },
        { "POST", "/conversations/{group}/receipts" },
        { "POST", "/sync" },
        { "POST", "/groups" },
        { "PATCH", "/groups/{group}" },
        { "POST", "/groups/{group}/members" },
        { "PUT", "/groups/{group}/members/{member}/role" },
        { "POST", "/groups/{group}/owner" },
    };

    private static readonly string[] BrokenBodies = ["", "null", "{", "[]", "\"text\""];

    [Theory]
    [MemberData(nameof(EndpointsWithBodies))]
    public async Task A_missing_null_or_broken_body_gets_a_400_problem_and_changes_nothing(string method, string path)
    {
        var (owner, member, groupId) = await SceneAsync();
        var resolved = Resolve(path, groupId, member);

        await Refusals.AssertUnchangedAsync(() => StateAsync(owner, member, groupId), async () =>
        {
            foreach (var body in BrokenBodies)
            {
                var response = await CallAsync(owner, method, resolved, new StringContent(body, Encoding.UTF8, "application/json"));
                await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            }
        });
    }

    [Theory]
    [InlineData("POST", "/conversations/{group}/messages", """{"clientMessageId":"not-a-uuid","body":"x"}""")]
    [InlineData("POST", "/conversations/{group}/messages", """{"clientMessageId":"{id}","body":42}""")]
    [InlineData("POST", "/conversations/{group}/receipts", """{"readSequence":"many"}""")]
    [InlineData("PUT", "/groups/{group}/members/{member}/role", """{"role":"King"}""")]
    [InlineData("GET", "/conversations/{group}/messages?limit=lots", "")]
    [InlineData("GET", "/conversations/{group}/messages?before=yesterday", "")]
    [InlineData("GET", "/conversations?limit=ten", "")]
    public async Task A_value_of_the_wrong_type_gets_a_400_problem_and_changes_nothing(string method, string path, string json)
    {
        var (owner, member, groupId) = await SceneAsync();

        using var content = json.Length == 0 ? null : new StringContent(json.Replace("{id}", SomeId, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        await Refusals.AssertRefusedAndUnchangedAsync(() => StateAsync(owner, member, groupId),
            () => CallAsync(owner, method, Resolve(path, groupId, member), content), HttpStatusCode.BadRequest);
    }

    private async Task<(TestUser Owner, TestUser Member, Guid GroupId)> SceneAsync()
    {
        var users = await fixture.CreateUsersAsync("Owner", "Member");
        var group = await users[0].CreateGroupAsync("Valid", users[1]);
        await users[0].SendAsync(group.Id, "first");
        return (users[0], users[1], group.Id);
    }

    /// <summary>The group as stored, how many conversations the owner is in, and whether owner and member have a direct conversation.</summary>
    private async Task<string> StateAsync(TestUser owner, TestUser member, Guid groupId) =>
        $"{await fixture.SnapshotAsync(groupId)} {await fixture.MembershipCountAsync(owner)} {await fixture.DirectConversationCountAsync(owner.Id, member.Id)}";

    private static string Resolve(string path, Guid groupId, TestUser member) =>
        path.Replace("{group}", groupId.ToString(), StringComparison.Ordinal).Replace("{member}", member.Id.ToString(), StringComparison.Ordinal);

    private static Task<HttpResponseMessage> CallAsync(TestUser user, string method, string path, HttpContent? content) =>
        user.CallAsync(new HttpMethod(method), path, content);
}
