using ChatApp.BuildingBlocks.Background;

namespace ChatApp.Notifications.Infrastructure.Delivery;

/// <summary>Wakes the delivery worker when an event handler has committed a new email.</summary>
public sealed class EmailSignal : WakeSignal;
