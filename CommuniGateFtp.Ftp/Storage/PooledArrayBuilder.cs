using System.Runtime.CompilerServices;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Collects items of unknown count in pooled arrays: a directory of 20,000 entries otherwise grows a list through a chain
/// of large-object-heap arrays on every listing.
/// </summary>
internal sealed class PooledArrayBuilder<T> : IDisposable
{
    private T[] _items = TrimmableArrayPool<T>.Shared.Rent(256);
    private int _count;

    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            Grow();
        }
        _items[_count++] = item;
    }

    /// <summary>The items so far, to sort or copy out in place.</summary>
    public Span<T> AsSpan() => _items.AsSpan(0, _count);

    /// <summary>Forgets what was added.</summary>
    public void Clear()
    {
        _items.AsSpan(0, _count).Clear();
        _count = 0;
    }

    public void Dispose()
    {
        TrimmableArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        _items = [];
        _count = 0;
    }

    private void Grow()
    {
        var larger = TrimmableArrayPool<T>.Shared.Rent(_items.Length * 2);
        _items.AsSpan(0, _count).CopyTo(larger);
        TrimmableArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        _items = larger;
    }
}
