namespace ChatApp.Calls.Domain;

/// <summary>
/// One side of a call: the person, and once bound, the device that speaks for them (a browser tab
/// names itself with a device id that survives its reconnections), that device's current hub
/// connection, and when that connection was lost if it is away.
/// </summary>
public sealed record CallParty(Guid UserId, Guid? DeviceId = null, string? ConnectionId = null, DateTimeOffset? LostAt = null)
{
    public bool HoldsDevice(Guid deviceId) => DeviceId == deviceId;

    public CallParty BoundTo(Guid deviceId, string connectionId) => this with { DeviceId = deviceId, ConnectionId = connectionId, LostAt = null };

    public CallParty Lost(DateTimeOffset at) => this with { ConnectionId = null, LostAt = at };
}
