using ChatApp.Testing;

namespace ChatApp.Calls.Tests.Support;

/// <summary>One replica of the Calls service on a real port of its own.</summary>
public sealed class CallsReplica : ServiceReplica<Program>
{
    private CallsReplica(IReadOnlyDictionary<string, string> settings, TestTokenIssuer tokens)
        : base(settings, tokens)
    {
    }

    public Uri HubAddress => new(Address, "/hubs/calls");

    public static CallsReplica Start(IReadOnlyDictionary<string, string> settings, TestTokenIssuer tokens) => new(settings, tokens);
}
