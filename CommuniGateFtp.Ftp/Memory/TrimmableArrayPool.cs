using System.Buffers;
using System.Runtime.CompilerServices;

namespace CommuniGateFtp.Ftp.Memory;

/// <summary>
/// The pool for the large buffers of bursts: transfers (1 MiB), TLS data connections, listings of big directories.
/// <see cref="ArrayPool{T}.Shared"/> keeps such arrays per core and per thread and lets them go only a little at a time,
/// on full collections, a minute after they were last used; a server that falls quiet has few full collections, so
/// after a benchmark it kept tens of MiB of them for good. This one is the framework's bounded pool
/// (<see cref="ArrayPool{T}.Create(int, int)"/>), and <see cref="Trim"/> drops all it keeps at once:
/// <see cref="Hosting.IdleMemoryTrimmer"/> calls it when the server is quiet after a burst. An array rented before a
/// trim is not kept when it comes back after it (the new pool has lent nothing of that size yet): it goes to the GC too.
/// </summary>
public sealed class TrimmableArrayPool<T> : ArrayPool<T>
{
    /// <summary>The largest array kept, in bytes (larger ones are lent and dropped): a 20,000-entry listing's arrays fit.</summary>
    public const int LargestKeptBytes = 16 << 20;

    /// <summary><see cref="LargestKeptBytes"/> in elements of <typeparamref name="T"/>.</summary>
    public static readonly int LargestKept = LargestKeptBytes / Unsafe.SizeOf<T>();

    /// <summary>Arrays kept per size: the transfers and listings running at once, with room for a few more.</summary>
    public const int KeptPerSize = 32;

    private volatile ArrayPool<T> _pool = Create(LargestKept, KeptPerSize);

    internal TrimmableArrayPool()
    {
    }

    /// <summary>The one pool of this element type, emptied with the others by <see cref="PoolTrimming.TrimAll"/>.</summary>
    public static new TrimmableArrayPool<T> Shared { get; } = PoolTrimming.Register(new TrimmableArrayPool<T>());

    public override T[] Rent(int minimumLength) => _pool.Rent(minimumLength);

    public override void Return(T[] array, bool clearArray = false) => _pool.Return(array, clearArray);

    /// <summary>Lets every array kept go (to the next collection); the pool starts empty.</summary>
    public void Trim() => _pool = Create(LargestKept, KeptPerSize);
}
