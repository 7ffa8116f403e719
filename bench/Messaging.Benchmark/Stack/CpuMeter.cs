namespace ChatApp.Messaging.Benchmark.Stack;

/// <summary>
/// CPU time each named process (with its children) spends between <see cref="Start"/> and
/// <see cref="Stop"/>, and this program's own as <c>client</c> (its children are the servers).
/// </summary>
public sealed class CpuMeter(IReadOnlyDictionary<string, int> processes)
{
    public const string Client = "client";

    private Dictionary<string, TimeSpan> _atStart = [];

    public void Start() => _atStart = Read();

    public IReadOnlyDictionary<string, TimeSpan> Stop() =>
        Read().ToDictionary(entry => entry.Key, entry => entry.Value - _atStart[entry.Key]);

    private Dictionary<string, TimeSpan> Read() =>
        processes.Prepend(new(Client, Environment.ProcessId)).ToDictionary(
            entry => entry.Key,
            entry => entry.Key == Client ? ProcessTree.OwnCpuTime(entry.Value) : ProcessTree.CpuTime(entry.Value));
}
