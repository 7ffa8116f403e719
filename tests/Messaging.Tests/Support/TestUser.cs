namespace ChatApp.Messaging.Tests.Support;

/// <summary>A user of the tests: known to Messaging, able to call it over HTTP and connect to the hub.</summary>
public sealed record TestUser(Guid Id, string Username, string DisplayName, MessagingFixture Fixture)
{
    public HttpClient Http(MessagingReplica? replica = null) => Fixture.Http(this, replica);

    /// <summary>A device of this user connected to the hub (of <paramref name="replica"/>, the primary by default).</summary>
    public Task<ChatClient> ConnectAsync(MessagingReplica? replica = null) =>
        ChatClient.ConnectAsync(this, replica ?? Fixture.Primary);

    public override string ToString() => Username;
}
