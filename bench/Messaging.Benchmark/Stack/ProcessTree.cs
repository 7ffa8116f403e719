using System.Globalization;

namespace ChatApp.Messaging.Benchmark.Stack;

/// <summary>
/// What a process and the processes it started (RabbitMQ's Erlang VM under its script, say) cost
/// so far, from /proc: CPU time and resident memory.
/// </summary>
public static class ProcessTree
{
    // USER_HZ: the unit of /proc/<pid>/stat's times on every Linux this runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan CpuTime(int rootId) => Seconds(Members(rootId));

    /// <summary>The CPU time of the process alone: this program's own, without the servers it started.</summary>
    public static TimeSpan OwnCpuTime(int processId) => Seconds([Read(processId)!]);

    private static TimeSpan Seconds(IEnumerable<Stat> stats) => TimeSpan.FromSeconds(stats.Sum(stat => stat.UserTicks + stat.SystemTicks) / TicksPerSecond);

    public static long ResidentBytes(int rootId) => Members(rootId).Sum(stat => ResidentBytesOf(stat.Id));

    public static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static long ResidentBytesOf(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            return 0; // A zombie has no resident memory line.
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            return 0; // It ended between the listing and this read.
        }
    }

    private sealed record Stat(int Id, int ParentId, long UserTicks, long SystemTicks);

    private static List<Stat> Members(int rootId)
    {
        var all = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => Read(int.Parse(name!, CultureInfo.InvariantCulture)))
            .OfType<Stat>()
            .ToList();
        var children = all.ToLookup(stat => stat.ParentId);
        var members = all.Where(stat => stat.Id == rootId).ToList();
        for (var i = 0; i < members.Count; i++)
            members.AddRange(children[members[i].Id]);
        return members;
    }

    private static Stat? Read(int processId)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
        {
            return null;
        }
        // "pid (comm) state ppid … utime stime …": the command may hold spaces and parentheses, so count from the last ')'.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return new Stat(processId, int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture), long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
