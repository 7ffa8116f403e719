using ChatApp.BuildingBlocks.Background;

namespace ChatApp.BuildingBlocks.Eventing.Outbox;

/// <summary>Wakes the outbox dispatcher when a transaction that wrote outbox rows commits.</summary>
public sealed class OutboxSignal : WakeSignal;
