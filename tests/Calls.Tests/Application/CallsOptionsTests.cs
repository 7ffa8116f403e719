using ChatApp.Calls.Application;
using ChatApp.Calls.Application.IceServers;

namespace ChatApp.Calls.Tests.Application;

/// <summary>The production timings, which the integration tests shorten for the ring time.</summary>
public sealed class CallsOptionsTests
{
    [Fact]
    public void A_call_rings_30_seconds_a_lost_device_has_15_to_come_back_and_turn_credentials_last_an_hour()
    {
        var calls = new CallsOptions();
        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15)), (calls.RingFor, calls.ReconnectWithin));
        Assert.Equal(TimeSpan.FromHours(1), new TurnOptions().CredentialLifetime);
    }
}
