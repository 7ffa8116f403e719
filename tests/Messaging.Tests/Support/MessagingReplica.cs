using ChatApp.Testing;

namespace ChatApp.Messaging.Tests.Support;

/// <summary>One replica of the Messaging service on a real port of its own.</summary>
public sealed class MessagingReplica : ServiceReplica<Program>
{
    private MessagingReplica(IReadOnlyDictionary<string, string> settings, TestTokenIssuer tokens)
        : base(settings, tokens)
    {
    }

    public Uri HubAddress => new(Address, "/hubs/chat");

    public static MessagingReplica Start(IReadOnlyDictionary<string, string> settings, TestTokenIssuer tokens) => new(settings, tokens);
}
