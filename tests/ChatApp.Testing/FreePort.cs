using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChatApp.Testing;

public static class FreePort
{
    private const int Lowest = 10_000;

    /// <summary>
    /// Distinct TCP ports on 127.0.0.1 that nothing listens on right now. They lie below the
    /// kernel's ephemeral range, so that the outgoing connections of tests running meanwhile
    /// cannot take one of them before the server binds it (a restarted broker needs its port again).
    /// </summary>
    public static int[] Next(int count)
    {
        var highest = EphemeralRangeStart() - 1;
        var listeners = new List<TcpListener>();
        try
        {
            while (listeners.Count < count)
            {
                var listener = new TcpListener(IPAddress.Loopback, Random.Shared.Next(Lowest, highest + 1));
                try
                {
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException)
                {
                    // Taken: draw again.
                    listener.Dispose();
                }
            }
            // Held until all are drawn, so the same port cannot come out twice.
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
                listener.Dispose();
        }
    }

    public static int Next() => Next(1)[0];

    private static int EphemeralRangeStart()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(RangeFile)
            && int.TryParse(File.ReadAllText(RangeFile).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && start > Lowest + 1_000)
            return start;
        return 32_768; // Linux's default.
    }
}
