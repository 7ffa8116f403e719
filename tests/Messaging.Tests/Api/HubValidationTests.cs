using ChatApp.Messaging.Api;
using ChatApp.Messaging.Application.Conversations;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Application.Receipts;
using ChatApp.Messaging.Tests.Support;
using ChatApp.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>The hub validates its arguments with the REST endpoints' validators: bad input fails with <c>invalid:</c> naming the field, and changes nothing.</summary>
public sealed class HubValidationTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_message_without_a_client_id_is_refused()
    {
        var (ann, ben, conversationId) = await SceneAsync();
        await using var annPhone = await ann.ConnectAsync();

        var toGroup = Envelopes.For(ann, [ann, ben], "x");
        var toBen = Envelopes.Direct(ann.Id, ben.Id, "x");

        await Refusals.AssertUnchangedAsync(() => StateAsync(ann, ben, conversationId), async () =>
        {
            await AssertInvalidAsync("clientMessageId", () => annPhone.Connection.InvokeAsync<MessageView>("SendMessage", conversationId, new NewMessageRequest(null, toGroup, null)));
            await AssertInvalidAsync("clientMessageId", () => annPhone.Connection.InvokeAsync<MessageView>("SendMessage", conversationId, new NewMessageRequest(Guid.Empty, toGroup, null)));
            await AssertInvalidAsync("clientMessageId", () => annPhone.Connection.InvokeAsync<MessageView>("SendDirectMessage", ben.Id, new NewMessageRequest(Guid.Empty, toBen, null)));
        });
    }

    [Fact]
    public async Task A_message_without_a_body_is_refused()
    {
        var (ann, ben, conversationId) = await SceneAsync();
        await using var annPhone = await ann.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => StateAsync(ann, ben, conversationId), async () =>
        {
            await AssertInvalidAsync("body", () => annPhone.Connection.InvokeAsync<MessageView>("SendMessage", conversationId, new NewMessageRequest(Guid.NewGuid(), null, null)));
            await AssertInvalidAsync("body", () => annPhone.Connection.InvokeAsync<MessageView>("SendDirectMessage", ben.Id, new NewMessageRequest(Guid.NewGuid(), "", null)));
            await AssertInvalidAsync("body", () => annPhone.EditBodyAsync(conversationId, 1, ""));
        });
    }

    [Fact]
    public async Task A_receipt_that_names_no_sequence_or_a_negative_one_is_refused()
    {
        var (ann, ben, conversationId) = await SceneAsync();
        await using var benPhone = await ben.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => StateAsync(ann, ben, conversationId), async () =>
        {
            await AssertInvalidAsync("deliveredSequence", () => benPhone.Connection.InvokeAsync<MemberReceipts>("UpdateReceipts", conversationId, new ReceiptRequest(null, null)));
            await AssertInvalidAsync("readSequence", () => benPhone.Connection.InvokeAsync<MemberReceipts>("UpdateReceipts", conversationId, new ReceiptRequest(null, -1)));
        });
    }

    [Fact]
    public async Task A_group_without_a_valid_name_or_member_list_is_not_created()
    {
        var (ann, ben, conversationId) = await SceneAsync();
        await using var annPhone = await ann.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => StateAsync(ann, ben, conversationId), async () =>
        {
            await AssertInvalidAsync("name", () => annPhone.Connection.InvokeAsync<ConversationDetail>("CreateGroup", new CreateGroupRequest("", [ben.Id])));
            await AssertInvalidAsync("name", () => annPhone.Connection.InvokeAsync<ConversationDetail>("CreateGroup", new CreateGroupRequest(new string('n', 65), [ben.Id])));
            await AssertInvalidAsync("memberIds", () => annPhone.Connection.InvokeAsync<ConversationDetail>("CreateGroup", new CreateGroupRequest("Group", null)));
        });
    }

    [Fact]
    public async Task A_sync_without_its_cursors_is_refused()
    {
        var (ann, _, _) = await SceneAsync();
        await using var annPhone = await ann.ConnectAsync();

        await AssertInvalidAsync("conversations", () => annPhone.Connection.InvokeAsync<SyncResult>("Sync", new SyncRequest(null)));
        await AssertInvalidAsync("conversations[0]", () => annPhone.SyncAsync(new SyncCursor(Guid.Empty, 0)));
    }

    [Fact]
    public async Task A_call_without_its_argument_is_refused()
    {
        var (ann, _, conversationId) = await SceneAsync();
        await using var annPhone = await ann.ConnectAsync();

        await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.Connection.InvokeAsync<MessageView>("SendMessage", conversationId, null));
        await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.Connection.InvokeAsync<SyncResult>("Sync", null));
        Assert.Single(await fixture.MessageRowsAsync(conversationId));
    }

    private static async Task AssertInvalidAsync(string field, Func<Task> call)
    {
        var message = await Refusals.AssertHubRefusesAsync("invalid", call);
        Assert.Contains($" {field}: ", message, StringComparison.Ordinal);
    }

    private async Task<(TestUser Ann, TestUser Ben, Guid ConversationId)> SceneAsync()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var group = await users[0].CreateGroupAsync("Hub input", users[1]);
        await users[0].SendAsync(group.Id, "first");
        return (users[0], users[1], group.Id);
    }

    /// <summary>The group as stored, how many conversations Ann is in, and whether Ann and Ben have a direct conversation.</summary>
    private async Task<string> StateAsync(TestUser ann, TestUser ben, Guid groupId) =>
        $"{await fixture.SnapshotAsync(groupId)} {await fixture.MembershipCountAsync(ann)} {await fixture.DirectConversationCountAsync(ann.Id, ben.Id)}";
}
