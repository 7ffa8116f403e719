using ChatApp.Messaging.Application.Presence;
using ChatApp.Messaging.Tests.Support;

namespace ChatApp.Messaging.Tests.Api;

public sealed class TypingTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Typing_is_shown_to_the_other_members_on_every_replica_for_a_few_seconds_and_not_to_me()
    {
        var scene = await GroupScene.StartAsync(fixture);
        await using var memberPhone = await scene.Member.ConnectAsync();
        await using var ownerLaptop = await scene.Owner.ConnectAsync(fixture.Secondary);

        var typing = await memberPhone.TypingAsync(scene.Id);

        Assert.Equal((scene.Id, scene.Member.Id), (typing.ConversationId, typing.UserId));
        Assert.InRange(typing.Until - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(1), AnnounceTyping.ShownFor);
        Assert.Equal(typing, await ChatClient.WaitForAsync(ownerLaptop.Typing, shown => shown.UserId == scene.Member.Id, "typing"));
        // A message sent afterwards reaches my own device after anything the typing pushed.
        var marker = await scene.Owner.SendAsync(scene.Id, "marker");
        await ChatClient.WaitForAsync(memberPhone.Received, message => message.Sequence == marker.Sequence, "marker");
        Assert.Empty(memberPhone.Typing);
    }
}
