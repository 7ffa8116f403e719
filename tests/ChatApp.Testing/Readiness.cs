namespace ChatApp.Testing;

internal static class Readiness
{
    /// <summary>Retries <paramref name="probe"/> until it succeeds, the server dies, or time runs out.</summary>
    public static async Task WaitAsync(string what, ServerProcess? server, Func<Task> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await probe();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && server?.HasExited != true)
            {
                // Not up yet (connection refused, handshake cut short, ...): the next try tells.
                await Task.Delay(100);
            }
            catch (Exception ex)
            {
                var output = server is null ? "" : $"\n--- server output ---\n{server.Output}";
                throw new InvalidOperationException($"{what} did not become ready within {timeout}: {ex.Message}{output}", ex);
            }
        }
    }
}
