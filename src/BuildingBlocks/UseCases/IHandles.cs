using ChatApp.Contracts;

namespace ChatApp.BuildingBlocks.UseCases;

/// <summary>
/// What a service does with an integration event from another. It runs once per event however
/// often the broker delivers it: its changes commit in <c>unitOfWork</c> together with the record
/// that the event was handled. Registered by name in the service's Program.cs
/// (<c>handlers.Handle&lt;TEvent, THandler&gt;()</c>); the broker plumbing is Infrastructure's.
/// </summary>
public interface IHandles<in TEvent>
    where TEvent : class, IIntegrationEvent
{
    Task HandleAsync(TEvent message, IUnitOfWork unitOfWork, CancellationToken cancellationToken);

    /// <summary>
    /// Runs once the changes have committed, only the first time the event is handled: to push
    /// what changed to connected devices, say. It is not run again if it fails, so it must be a
    /// courtesy the committed state does not depend on.
    /// </summary>
    Task AfterCommitAsync(TEvent message, CancellationToken cancellationToken) => Task.CompletedTask;
}
