using MassTransit;

namespace ChatApp.BuildingBlocks.Tests.Eventing;

/// <summary>
/// Holds the Nth publish until the host begins to stop, so a test can stop the dispatcher
/// in the middle of a batch rather than before or after it.
/// </summary>
internal sealed class StopAfterPublishes(int count, CancellationToken hostStopping) : IPublishObserver
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _published;

    public Task Reached => _reached.Task;

    public async Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        if (Interlocked.Increment(ref _published) != count)
            return;
        _reached.SetResult();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = hostStopping.Register(stopping.SetResult);
        await stopping.Task;
    }

    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
