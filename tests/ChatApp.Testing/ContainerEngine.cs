using System.Net.Sockets;

namespace ChatApp.Testing;

internal static class ContainerEngine
{
    /// <summary>Whether a Docker engine answers, so Testcontainers can be the last resort.</summary>
    public static bool IsAvailable() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } || CandidateSockets().Any(Accepts);

    // Where rootful, rootless and Docker Desktop engines listen.
    private static IEnumerable<string> CandidateSockets()
    {
        yield return "/var/run/docker.sock";
        if (Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime)
            yield return Path.Combine(runtime, "docker.sock");
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "run", "docker.sock");
    }

    // The socket file outlives a stopped daemon; only a connection tells.
    private static bool Accepts(string path)
    {
        if (!File.Exists(path))
            return false;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
