using System.Runtime.CompilerServices;

namespace CommuniGateFtp.Ftp.Storage;

/// <summary>
/// Listings' order: by name, ordinal (UTF-16 code units), as they always were. A struct, so that a sort specialised for it
/// calls <see cref="Compare(string?, string?)"/> directly (a sort of 20,000 names compares some 300,000 times).
/// </summary>
internal readonly struct NameOrder : IComparer<string>, IComparer<StorageEntry>
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Compare(string? x, string? y) => string.CompareOrdinal(x, y);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Compare(StorageEntry? x, StorageEntry? y) => string.CompareOrdinal(x?.Name, y?.Name);
}
