using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>Sending (once, whatever the retries), replying, editing and deleting one's own messages.</summary>
public sealed class MessageTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_retried_send_over_the_hub_is_stored_once_and_answered_the_same()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        await using var annPhone = await ann.ConnectAsync();
        await using var benPhone = await ben.ConnectAsync();
        var clientMessageId = Guid.NewGuid();

        var first = await annPhone.SendAsync(conversationId, "envelope", clientMessageId);
        var retry = await annPhone.SendAsync(conversationId, "envelope", clientMessageId);

        Assert.Equal(first, retry);
        Assert.Equal(1, Assert.Single(await fixture.MessageRowsAsync(conversationId)).Sequence);
        Assert.Equal(1, (await fixture.ConversationRowAsync(conversationId))!.LastSequence);
        // Ben's device is told once: the next message arrives after anything a retry could have pushed.
        var next = await annPhone.SendAsync(conversationId, "next");
        await ChatClient.WaitForAsync(benPhone.Received, message => message.Sequence == next.Sequence, "the next message");
        Assert.Single(benPhone.Received, message => message.ClientMessageId == clientMessageId);
    }

    [Fact]
    public async Task A_retried_send_over_rest_or_the_other_transport_is_stored_once_and_answered_the_same()
    {
        var (ann, _, conversationId) = await TwoInAGroupAsync();
        await using var annPhone = await ann.ConnectAsync(fixture.Secondary);
        var clientMessageId = Guid.NewGuid();

        var first = await ann.SendAsync(conversationId, "envelope", clientMessageId);
        var overRest = await ann.SendAsync(conversationId, "envelope", clientMessageId);
        var overHub = await annPhone.SendAsync(conversationId, "envelope", clientMessageId);

        Assert.Equal(first, overRest);
        Assert.Equal(first, overHub);
        Assert.Single(await fixture.MessageRowsAsync(conversationId));
    }

    [Fact]
    public async Task Retries_racing_each_other_on_two_replicas_store_one_message()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        var clientMessageId = Guid.NewGuid();
        using var primary = ann.Http(fixture.Primary);
        using var secondary = ann.Http(fixture.Secondary);
        var body = new { clientMessageId, body = Envelopes.For(ann, [ann, ben], "envelope") };

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async attempt =>
            await (await (attempt % 2 == 0 ? primary : secondary).CallAsync(HttpMethod.Post, $"/conversations/{conversationId}/messages", body))
                .ReadAsync<MessageView>()));

        Assert.Single(answers.Distinct());
        Assert.Single(await fixture.MessageRowsAsync(conversationId));
    }

    [Fact]
    public async Task The_same_client_message_id_sent_into_two_conversations_at_once_is_stored_once_and_the_other_refused()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        var other = await ann.CreateGroupAsync("Other", ben);
        for (var round = 0; round < 5; round++)
        {
            var clientMessageId = Guid.NewGuid();
            // Ann and Ben are the members of both.
            var body = new { clientMessageId, body = Envelopes.For(ann, [ann, ben], "envelope") };

            // Two conversations lock two different rows, so only the unique key stands between them.
            var answers = await Task.WhenAll(
                ann.CallAsync(HttpMethod.Post, $"/conversations/{conversationId}/messages", body),
                ann.CallAsync(HttpMethod.Post, $"/conversations/{other.Id}/messages", body));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(answer => answer.StatusCode).Order());
            var stored = (await fixture.MessageRowsAsync(conversationId)).Concat(await fixture.MessageRowsAsync(other.Id));
            Assert.Single(stored, row => row.ClientMessageId == clientMessageId);
        }
    }

    [Fact]
    public async Task A_client_message_id_already_used_in_another_conversation_is_refused()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        var other = await ann.CreateGroupAsync("Other", ben);
        await using var annPhone = await ann.ConnectAsync();
        var clientMessageId = Guid.NewGuid();
        await ann.SendAsync(conversationId, "envelope", clientMessageId);

        var response = await ann.CallAsync(HttpMethod.Post, $"/conversations/{other.Id}/messages", new { clientMessageId, body = Envelopes.For(ann, [ann, ben], "envelope") });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "clientMessageId");
        await Refusals.AssertHubRefusesAsync("conflict", () => annPhone.SendAsync(other.Id, "envelope", clientMessageId));
        Assert.Empty(await fixture.MessageRowsAsync(other.Id));
        // Another sender may happen to use the same id: ids are the sender's own.
        Assert.Equal(1, (await ben.SendAsync(other.Id, "envelope", clientMessageId)).Sequence);
    }

    [Fact]
    public async Task A_reply_names_the_message_it_answers()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        var question = await ann.SendAsync(conversationId, "question");
        await using var benPhone = await ben.ConnectAsync();

        var answer = await benPhone.SendAsync(conversationId, "answer", replyTo: question.Sequence);

        Assert.Equal(question.Sequence, answer.ReplyToSequence);
        Assert.Equal([null, question.Sequence], (await ann.HistoryAsync(conversationId)).Messages.Select(message => message.ReplyToSequence));
    }

    [Fact]
    public async Task A_reply_to_a_message_that_does_not_exist_is_refused_and_nothing_is_sent()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        await ann.SendAsync(conversationId, "only message");
        await using var annPhone = await ann.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(conversationId), async () =>
        {
            var response = await ann.CallAsync(HttpMethod.Post, $"/conversations/{conversationId}/messages",
                new { clientMessageId = Guid.NewGuid(), body = Envelopes.For(ann, [ann, ben], "re: nothing"), replyToSequence = 2 });
            await response.AssertProblemAsync(HttpStatusCode.BadRequest, "replyToSequence");
            await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.SendAsync(conversationId, "re: nothing", replyTo: 7));
        });
    }

    [Fact]
    public async Task The_senders_answer_is_the_message_exactly_as_history_and_other_devices_show_it()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        await using var benPhone = await ben.ConnectAsync();

        var answers = new List<MessageView>();
        for (var i = 0; i < 5; i++)
            answers.Add(await ann.SendAsync(conversationId, $"envelope {i}"));

        Assert.Equal(answers, (await ben.HistoryAsync(conversationId)).Messages);
        await ChatClient.WaitForAsync(benPhone.Received, message => message.Sequence == 5, "the last message");
        Assert.Equal(answers, benPhone.Received.OrderBy(message => message.Sequence));
    }

    [Fact]
    public async Task Editing_replaces_the_body_and_tells_the_other_members()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        var original = await ann.SendAsync(conversationId, "typo");
        await ann.SendAsync(conversationId, "another");
        await using var annPhone = await ann.ConnectAsync();
        await using var benLaptop = await ben.ConnectAsync(fixture.Secondary);

        var edited = await annPhone.EditAsync(conversationId, original.Sequence, "fixed");

        Assert.Equal((original.Sequence, "fixed", original.SentAt, 3L), (edited.Sequence, Envelopes.TextOf(edited.Body), edited.SentAt, edited.Version));
        Assert.NotNull(edited.EditedAt);
        Assert.Equal(edited, await ChatClient.WaitForAsync(benLaptop.Changed, message => message.Sequence == original.Sequence, "edit"));
        Assert.Equal(edited, (await ben.HistoryAsync(conversationId)).Messages[0]);
        var conversation = (await fixture.ConversationRowAsync(conversationId))!;
        Assert.Equal((2L, 3L), (conversation.LastSequence, conversation.LastVersion));
    }

    [Fact]
    public async Task Deleting_leaves_a_tombstone_in_the_messages_place()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        await ann.SendAsync(conversationId, "one");
        var regret = await ann.SendAsync(conversationId, "regret");
        await ben.SendAsync(conversationId, "three");
        await using var benPhone = await ben.ConnectAsync();

        var deleted = await (await ann.CallAsync(HttpMethod.Delete, $"/conversations/{conversationId}/messages/{regret.Sequence}")).ReadAsync<MessageView>();

        Assert.Null(deleted.Body);
        Assert.NotNull(deleted.DeletedAt);
        Assert.Equal(4, deleted.Version);
        Assert.Equal(deleted, await ChatClient.WaitForAsync(benPhone.Changed, message => message.Sequence == regret.Sequence, "deletion"));
        var history = (await ben.HistoryAsync(conversationId)).Messages;
        Assert.Equal([(1L, "one"), (2L, null), (3L, "three")], history.Select(message => (message.Sequence, Envelopes.TextOf(message.Body))));
        Assert.Null((await fixture.MessageRowsAsync(conversationId))[1].Body);
    }

    [Fact]
    public async Task A_deleted_message_can_be_neither_edited_nor_deleted_again()
    {
        var (ann, ben, conversationId) = await TwoInAGroupAsync();
        var message = await ann.SendAsync(conversationId, "gone soon");
        await using var annPhone = await ann.ConnectAsync();
        await annPhone.DeleteAsync(conversationId, message.Sequence);

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(conversationId), async () =>
        {
            await Refusals.AssertHubRefusesAsync("gone", () => annPhone.EditAsync(conversationId, message.Sequence, "resurrected"));
            await (await ann.CallAsync(HttpMethod.Put, $"/conversations/{conversationId}/messages/{message.Sequence}", new { body = Envelopes.For(ann, [ann, ben], "resurrected") }))
                .AssertProblemAsync(HttpStatusCode.Gone);
            await (await ann.CallAsync(HttpMethod.Delete, $"/conversations/{conversationId}/messages/{message.Sequence}")).AssertProblemAsync(HttpStatusCode.Gone);
        });
    }

    [Fact]
    public async Task Editing_or_deleting_a_message_that_does_not_exist_is_not_found()
    {
        var (ann, _, conversationId) = await TwoInAGroupAsync();
        await ann.SendAsync(conversationId, "only");
        await using var annPhone = await ann.ConnectAsync();

        await Refusals.AssertUnchangedAsync(() => fixture.SnapshotAsync(conversationId), async () =>
        {
            await Refusals.AssertHubRefusesAsync("not-found", () => annPhone.EditAsync(conversationId, 2, "x"));
            var problem = await (await ann.CallAsync(HttpMethod.Delete, $"/conversations/{conversationId}/messages/2")).AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal("Message not found", problem.GetProperty("title").GetString());
        });
    }

    private async Task<(TestUser Ann, TestUser Ben, Guid ConversationId)> TwoInAGroupAsync()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var group = await users[0].CreateGroupAsync("Two", users[1]);
        return (users[0], users[1], group.Id);
    }
}
