using ChatApp.Testing;
using System.Net;
using ChatApp.Messaging.Application.Messages;
using ChatApp.Messaging.Domain;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

/// <summary>Direct conversations: exactly two people, one per pair, made by the first message whoever writes it.</summary>
public sealed class DirectConversationTests(MessagingFixture fixture)
{
    [Fact]
    public async Task The_first_message_makes_the_conversation_and_an_answer_from_the_other_side_goes_into_it()
    {
        var users = await fixture.CreateUsersAsync("Ann", "Ben");
        var (ann, ben) = (users[0], users[1]);
        await using var benPhone = await ben.ConnectAsync(fixture.Secondary);

        var first = await ann.SendDirectAsync(ben, "hi Ben");
        var pushed = await ChatClient.WaitForAsync(benPhone.Conversations, conversation => conversation.Id == first.ConversationId, "new conversation");
        var answer = await ben.SendDirectAsync(ann, "hi Ann");

        Assert.Equal(first.ConversationId, answer.ConversationId);
        Assert.Equal((1L, 2L), (first.Sequence, answer.Sequence));
        Assert.Equal(ConversationKind.Direct, pushed.Kind);
        Assert.Null(pushed.Name);
        Assert.Equal(new[] { ann.Id, ben.Id }.Order(), pushed.Members.Select(member => member.UserId).Order());
        Assert.All(pushed.Members, member => Assert.Equal(MemberRole.Member, member.Role));
        var annsLine = Assert.Single((await ann.ConversationListAsync()).Conversations);
        Assert.Equal((ben.Id, "Ben", 2), (annsLine.Peer!.UserId, annsLine.Peer.DisplayName, annsLine.MemberCount));
        Assert.Equal(1, await fixture.DirectConversationCountAsync(ann.Id, ben.Id));
    }

    [Fact]
    public async Task Two_people_writing_first_at_the_same_moment_end_up_in_one_conversation()
    {
        for (var round = 0; round < 8; round++)
        {
            var users = await fixture.CreateUsersAsync("Ann", "Ben");
            var (ann, ben) = (users[0], users[1]);
            using var annHttp = ann.Http(fixture.Primary);
            using var benHttp = ben.Http(fixture.Secondary);

            var sent = await Task.WhenAll(
                SendDirectAsync(annHttp, ben, Envelopes.Direct(ann.Id, ben.Id, "hi Ben")),
                SendDirectAsync(benHttp, ann, Envelopes.Direct(ben.Id, ann.Id, "hi Ann")));

            Assert.Equal(sent[0].ConversationId, sent[1].ConversationId);
            Assert.Equal([1L, 2L], sent.Select(message => message.Sequence).Order());
            Assert.Equal(1, await fixture.DirectConversationCountAsync(ann.Id, ben.Id));
            Assert.Equal(2, (await fixture.MemberRowsAsync(sent[0].ConversationId)).Count);
        }
    }

    [Fact]
    public async Task A_message_to_yourself_is_refused()
    {
        var ann = await fixture.CreateUserAsync("Ann");
        await using var annPhone = await ann.ConnectAsync();

        var response = await ann.CallAsync(HttpMethod.Post, $"/direct/{ann.Id}/messages", new { clientMessageId = Guid.NewGuid(), body = Envelopes.Direct(ann.Id, ann.Id, "me") });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "recipientId");
        Assert.Contains(" recipientId: ", await Refusals.AssertHubRefusesAsync("invalid", () => annPhone.SendDirectAsync(ann.Id, "me")), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.MembershipCountAsync(ann));
    }

    [Fact]
    public async Task A_message_to_someone_unknown_is_not_found_and_starts_nothing()
    {
        var ann = await fixture.CreateUserAsync("Ann");
        await using var annPhone = await ann.ConnectAsync();
        var stranger = Guid.NewGuid();

        var response = await ann.CallAsync(HttpMethod.Post, $"/direct/{stranger}/messages", new { clientMessageId = Guid.NewGuid(), body = Envelopes.Direct(ann.Id, stranger, "hello?") });

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("User not found", problem.GetProperty("title").GetString());
        await Refusals.AssertHubRefusesAsync("not-found", () => annPhone.SendDirectAsync(stranger, "hello?"));
        Assert.Equal(0, await fixture.DirectConversationCountAsync(ann.Id, stranger));
        Assert.Equal(0, await fixture.MembershipCountAsync(ann));
    }

    private static async Task<MessageView> SendDirectAsync(HttpClient http, TestUser recipient, string body) =>
        await (await http.CallAsync(HttpMethod.Post, $"/direct/{recipient.Id}/messages", new { clientMessageId = Guid.NewGuid(), body }))
            .ReadAsync<MessageView>();
}
