using System.Collections;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// A read-only list kept in chunks of 64 KiB of references, below the 85,000-byte threshold of the large object heap: a
/// listing of 20,000 entries in one array would land there on every listing, and those arrays are what start the
/// garbage collector's full collections.
/// </summary>
internal sealed class ChunkedList<T> : IReadOnlyList<T> where T : class
{
    private const int ChunkShift = 13; // 8,192 references
    private const int ChunkLength = 1 << ChunkShift;

    private readonly T[][] _chunks;

    public ChunkedList(ReadOnlySpan<T> items)
    {
        Count = items.Length;
        _chunks = new T[(items.Length + ChunkLength - 1) >> ChunkShift][];
        for (var i = 0; i < _chunks.Length; i++)
        {
            var chunk = items.Slice(i << ChunkShift, Math.Min(ChunkLength, items.Length - (i << ChunkShift)));
            _chunks[i] = chunk.ToArray();
        }
    }

    public int Count { get; }

    public T this[int index] =>
        (uint)index < (uint)Count ? _chunks[index >> ChunkShift][index & (ChunkLength - 1)] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var chunk in _chunks)
        {
            foreach (var item in chunk)
            {
                yield return item;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
