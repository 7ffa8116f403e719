namespace ChatApp.Calls.Application.Calls;

/// <summary>Who takes a step, from which device, over which hub connection.</summary>
public sealed record CallDevice(Guid UserId, Guid DeviceId, string ConnectionId);
