namespace ChatApp.BuildingBlocks.UseCases;

/// <summary>
/// An event that can never be handled as it is (a missing field, an address that is not one).
/// It is not retried: it goes straight to the endpoint's error queue, where it can be looked
/// at, and the messages behind it carry on.
/// </summary>
public sealed class MalformedEventException(string message) : Exception(message);
