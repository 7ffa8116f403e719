namespace ChatApp.Testing;

/// <summary>How a fixture lets go of what it started.</summary>
public static class Teardown
{
    /// <summary>
    /// Disposes <paramref name="parts"/> one after the other in the order given (what uses the others
    /// first), skipping those never made because starting failed before them.
    /// </summary>
    public static async ValueTask InOrderAsync(params object?[] parts)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case null:
                    break;
                case IAsyncDisposable disposable:
                    await disposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
                default:
                    throw new ArgumentException($"A {part.GetType().Name} is nothing to dispose.", nameof(parts));
            }
        }
    }
}
