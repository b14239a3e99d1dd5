using System.Runtime.CompilerServices;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Listings' order: by name, ordinal (UTF-16 code units), as they always were. Sorting 20,000 names takes some 300,000
/// comparisons, and names in one directory tend to share a beginning (<c>entry00001.txt</c>…): each item is sorted by a
/// 64-bit key first, the four code units after the prefix all names share, and only equal keys compare whole names.
/// </summary>
internal static class NameOrder
{
    /// <summary>Sorts <paramref name="items"/> in place by <paramref name="nameOf"/>, ordinal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a loop over every entry, from the first listing on
    public static void Sort<T>(Span<T> items, Func<T, string> nameOf)
    {
        if (items.Length < 2)
        {
            return;
        }
        using var keyed = new PooledArrayBuilder<Keyed<T>>();
        var first = nameOf(items[0]).AsSpan();
        var shared = first.Length;
        foreach (var item in items)
        {
            shared = Math.Min(shared, first.CommonPrefixLength(nameOf(item)));
        }
        foreach (var item in items)
        {
            keyed.Add(new Keyed<T>(Key(nameOf(item), shared), item));
        }
        keyed.AsSpan().Sort(new KeyThenName<T>(nameOf));
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = keyed.AsSpan()[i].Item;
        }
    }

    // Four code units from the shared prefix on, big-endian, missing ones as 0 (no name holds a NUL, FS-NAME), so keys
    // order as the names do; equal keys say nothing and the names decide.
    private static ulong Key(string name, int from)
    {
        ulong key = 0;
        for (var i = from; i < from + 4; i++)
        {
            key = (key << 16) | (i < name.Length ? name[i] : 0u);
        }
        return key;
    }

    private readonly record struct Keyed<T>(ulong Key, T Item);

    private sealed class KeyThenName<T>(Func<T, string> nameOf) : IComparer<Keyed<T>>
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Compare(Keyed<T> x, Keyed<T> y) =>
            x.Key != y.Key ? x.Key.CompareTo(y.Key) : string.CompareOrdinal(nameOf(x.Item), nameOf(y.Item));
    }
}
