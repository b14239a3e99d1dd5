using System.Collections.Concurrent;

namespace CommuniGateFtp.Ftp.Memory;

/// <summary>Every <see cref="TrimmableArrayPool{T}"/> in use, so a quiet server can empty them all at once.</summary>
public static class PoolTrimming
{
    private static readonly ConcurrentQueue<ITrimmablePool> Pools = new();

    internal static void Register(ITrimmablePool pool) => Pools.Enqueue(pool);

    /// <summary>Empties every pool (their arrays go with the next collection).</summary>
    public static void TrimAll()
    {
        foreach (var pool in Pools)
        {
            pool.Trim();
        }
    }
}
