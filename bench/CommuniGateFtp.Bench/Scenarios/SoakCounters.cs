using System.Collections.Concurrent;

namespace CommuniGateFtp.Bench.Scenarios;

/// <summary>Operations, bytes and failures of every soak session, shared and thread-safe.</summary>
internal sealed class SoakCounters
{
    private readonly ConcurrentDictionary<string, long> _operations = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _failures = new();
    private long _bytes;
    private int _loggedIn;

    public long Bytes => Interlocked.Read(ref _bytes);

    public long Operations => _operations.Values.Sum();

    public IReadOnlyDictionary<string, long> ByOperation => new SortedDictionary<string, long>(_operations, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Failures => _failures;

    public void Count(string operation, long bytes)
    {
        _operations.AddOrUpdate(operation, 1, (_, n) => n + 1);
        Interlocked.Add(ref _bytes, bytes);
    }

    public void Fail(string message) => _failures.Enqueue(message);

    /// <summary>Counts a session in; true for the one that completes the ramp (all <paramref name="sessions"/> in).</summary>
    public bool LoggedIn(int sessions) => Interlocked.Increment(ref _loggedIn) == sessions;
}
