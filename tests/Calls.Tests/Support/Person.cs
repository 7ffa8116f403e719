using System.Net.Http.Headers;

namespace ChatApp.Calls.Tests.Support;

/// <summary>Someone known to Calls (their UserRegistered event was handled), with ways to reach the service as them.</summary>
public sealed record Person(Guid Id, string Username, string DisplayName, CallsFixture Fixture)
{
    /// <summary>A device of theirs connected to the call hub; a device id of its own unless one is given (to come back as the same device).</summary>
    public Task<TestDevice> ConnectAsync(CallsReplica? replica = null, Guid? deviceId = null) =>
        TestDevice.ConnectAsync(this, replica ?? Fixture.Primary, deviceId ?? Guid.NewGuid());

    public HttpClient Http(CallsReplica? replica = null)
    {
        var client = new HttpClient { BaseAddress = (replica ?? Fixture.Primary).Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Fixture.Tokens.Issue(Id, Username));
        return client;
    }

    public override string ToString() => Username;
}
