using System.Collections.Concurrent;

namespace CommuniGateFtp.Ftp.Memory;

/// <summary>
/// The shared pool of each element type (<see cref="TrimmableArrayPool{T}.Shared"/>), so a quiet server can empty them
/// all at once.
/// </summary>
public static class PoolTrimming
{
    private static readonly ConcurrentQueue<Action> Trims = new();

    internal static TrimmableArrayPool<T> Register<T>(TrimmableArrayPool<T> pool)
    {
        Trims.Enqueue(pool.Trim);
        return pool;
    }

    /// <summary>Empties every pool (their arrays go with the next collection).</summary>
    public static void TrimAll()
    {
        foreach (var trim in Trims)
        {
            trim();
        }
    }
}
