using System.Runtime.CompilerServices;
using CommuniGateFtp.Ftp.Memory;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Listings' order: by name, ordinal (UTF-16 code units), as they always were, computed on the names' UTF-8 bytes. Byte
/// order is code point order; it differs from UTF-16 order only where U+E000–U+FFFF meets a code point above U+FFFF
/// (a surrogate pair sorts below U+E000), so the lead bytes of U+E000–U+FFFF (<c>EE</c>, <c>EF</c>) are moved above
/// those of four-byte sequences (<c>F0</c>–<c>F4</c>) before comparing. Names are valid UTF-8 here (ill-formed bytes
/// were replaced when read), so at the first differing byte both names are at a lead byte or both at a continuation.
/// Sorting 20,000 names: each is given a 64-bit key, the eight bytes after the prefix all names share, the keys are
/// sorted as plain numbers by a radix sort (a byte per pass, passes where every key has the same byte skipped), and
/// only runs of equal keys compare whole names: 0.55 ms for 20,000 names against 0.96 ms with a comparison sort.
/// </summary>
internal static class NameOrder
{
    /// <summary>The positions of <paramref name="count"/> names (read by <paramref name="nameOf"/>) in listing order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every entry, from the first listing on
    public static void Sort(Span<int> positions, NameReader nameOf)
    {
        if (positions.Length < 2)
        {
            return;
        }
        var first = nameOf(positions[0]);
        var shared = first.Length;
        foreach (var position in positions)
        {
            shared = first[..shared].CommonPrefixLength(nameOf(position));
        }
        var keys = TrimmableArrayPool<ulong>.Shared.Rent(positions.Length);
        var spareKeys = TrimmableArrayPool<ulong>.Shared.Rent(positions.Length);
        var sparePositions = TrimmableArrayPool<int>.Shared.Rent(positions.Length);
        try
        {
            var span = keys.AsSpan(0, positions.Length);
            for (var i = 0; i < positions.Length; i++)
            {
                span[i] = Key(nameOf(positions[i]), shared);
            }
            RadixSort(span, positions, spareKeys.AsSpan(0, positions.Length), sparePositions.AsSpan(0, positions.Length));
            SortTies(span, positions, nameOf);
        }
        finally
        {
            TrimmableArrayPool<ulong>.Shared.Return(keys);
            TrimmableArrayPool<ulong>.Shared.Return(spareKeys);
            TrimmableArrayPool<int>.Shared.Return(sparePositions);
        }
    }

    // Least significant byte first, each pass stable, so the keys end in order with their positions beside them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RadixSort(Span<ulong> keys, Span<int> positions, Span<ulong> spareKeys, Span<int> sparePositions)
    {
        Span<int> counts = stackalloc int[256];
        for (var shift = 0; shift < 64; shift += 8)
        {
            counts.Clear();
            foreach (var key in keys)
            {
                counts[(int)(key >> shift) & 0xFF]++;
            }
            if (counts[(int)(keys[0] >> shift) & 0xFF] == keys.Length)
            {
                continue; // every key has this byte: nothing to move
            }
            for (int b = 0, start = 0; b < 256; b++)
            {
                (counts[b], start) = (start, start + counts[b]);
            }
            for (var i = 0; i < keys.Length; i++)
            {
                var to = counts[(int)(keys[i] >> shift) & 0xFF]++;
                spareKeys[to] = keys[i];
                sparePositions[to] = positions[i];
            }
            spareKeys.CopyTo(keys);
            sparePositions.CopyTo(positions);
        }
    }

    /// <summary>Compares two names in listing order (negative: <paramref name="x"/> first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Compare(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var common = x.CommonPrefixLength(y);
        return common == x.Length || common == y.Length ? x.Length - y.Length : Weight(x[common]) - Weight(y[common]);
    }

    // Names with equal keys (they agree on the shared prefix and eight more bytes) are ordered by their whole names.
    private static void SortTies(ReadOnlySpan<ulong> keys, Span<int> positions, NameReader nameOf)
    {
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                positions[start..end].Sort((a, b) => Compare(nameOf(a), nameOf(b)));
            }
            start = end;
        }
    }

    // Eight bytes from the shared prefix on, weighted, big-endian, missing ones as 0 (no name holds a NUL, FS-NAME), so
    // keys order as the names do; equal keys say nothing and the names decide.
    private static ulong Key(ReadOnlySpan<byte> name, int from)
    {
        ulong key = 0;
        for (var i = from; i < from + 8; i++)
        {
            key = (key << 8) | (i < name.Length ? (ulong)Weight(name[i]) : 0);
        }
        return key;
    }

    // EE and EF (lead bytes of U+E000–U+FFFF) above F0–F4 (four-byte sequences): UTF-16 order. F5–FF never occur in UTF-8.
    private static int Weight(byte value) => value is 0xEE or 0xEF ? value + 0x10 : value;
}

/// <summary>The UTF-8 name at a position of a listing.</summary>
internal delegate ReadOnlySpan<byte> NameReader(int position);
