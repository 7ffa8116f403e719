namespace ChatApp.Testing;

internal static class ContainerEngine
{
    /// <summary>Whether a Docker engine appears to be there, so Testcontainers can be the last resort.</summary>
    public static bool IsAvailable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || File.Exists("/var/run/docker.sock");
}
